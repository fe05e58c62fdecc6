"""ESF+ participation: entry, changes to the entry data, exit, follow-up and re-entry."""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import MISSING, fields
from typing import Any

from ninja import Field, Schema, Status
from pydantic import create_model

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import person_get, person_read_log, router
from kohtaanto.jobseekers.models import JobSeeker, Participation
from kohtaanto.jobseekers.services import participation as participation_services
from kohtaanto.jobseekers.validation import (
    PARTICIPATION_RECORD_FIELDS,
    RESULT_FIELDS,
    EntryData,
    ExitData,
)

# --- participation ---------------------------------------------------------------------------
# The Annex I items are declared once, in jobseekers.validation (EntryData, ExitData): the API's
# entry and exit schemas are built from those dataclasses' fields, with their types and
# defaults; the answers in, the answers out and the rectification are built from them.
# (A test checks that they are the fields of EntryData, ExitData and PARTICIPATION_RECORD_FIELDS.)


def _fields_of(name: str, source: type, names: Iterable[str]) -> type[Schema]:
    """A schema of the named fields of the dataclass `source`, with their types and defaults."""
    wanted = set(names)
    spec: dict[str, Any] = {
        f.name: (f.type, ... if f.default is MISSING else f.default)
        for f in fields(source)
        if f.name in wanted
    }
    return create_model(name, __base__=Schema, **spec)


EntryFields = _fields_of("EntryFields", EntryData, EntryData.PARTICIPATION_FIELDS)
ExitResults = _fields_of("ExitResults", ExitData, (*RESULT_FIELDS, "exit_results_on"))


class FollowUpIn(Schema):
    six_month_employed: bool | None = None
    six_month_improved: bool | None = None


class ParticipationOut(EntryFields, ExitResults, FollowUpIn):  # type: ignore[misc,valid-type]
    id: int
    operation: str
    disability: str | None = None
    minority: str | None = None
    exit_date: datetime.date | None
    follow_up_due_on: datetime.date | None
    re_entries: list[datetime.date]


def _participation_out(row: selectors.ParticipationView) -> dict[str, Any]:
    p = row.participation
    data = {name: getattr(p, name) for name in PARTICIPATION_RECORD_FIELDS}
    data.update(
        id=p.pk,
        operation=p.operation.code,
        follow_up_due_on=row.follow_up_due_on,
        re_entries=[r.re_entry_date for r in row.re_entries],
    )
    if row.special is not None:
        data.update(disability=row.special.disability, minority=row.special.minority)
    return data


def _participation_result(
    request: AuthenticatedHttpRequest, person: JobSeeker, pk: int
) -> dict[str, Any]:
    rows = selectors.participation_list(actor=request.user, job_seeker=person)
    return _participation_out(next(r for r in rows if r.participation.pk == pk))


def _participation_change(
    request: AuthenticatedHttpRequest,
    id: int,
    pid: int,
    change: Callable[[JobSeeker, Participation], object],
) -> dict[str, Any]:
    """The one way every change to a participation goes: the person the user may change, the
    participation of that person, the service's change, and the participation as it now is."""
    person = person_get(request, id, "change_job_seeker")
    participation = selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )
    change(person, participation)
    return _participation_result(request, person, participation.pk)


@router.get("/job-seekers/{id}/participation", response=list[ParticipationOut], exclude_unset=True)
def participation_list(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    """ESF+ participations; disability and minority only for those who may see them."""
    person = person_get(request, id, "view_job_seeker_record")
    rows = selectors.participation_list(actor=request.user, job_seeker=person)
    person_read_log(request, person, "participation")
    if rows and request.user.permissions.can_view_special_category(person):
        person_read_log(request, person, "special_category")
    return [_participation_out(r) for r in rows]


class EntryIn(EntryFields):  # type: ignore[misc,valid-type]
    operation: str | None = Field(None, description="operation code; default: the area's")
    disability: str = ""
    minority: str = ""


@router.post(
    "/job-seekers/{id}/participation",
    response={201: ParticipationOut},
    exclude_unset=True,
)
def participation_enter(request: AuthenticatedHttpRequest, id: int, payload: EntryIn) -> Any:
    person = person_get(request, id, "change_job_seeker")
    operations = selectors.operation_choices(actor=request.user)
    if payload.operation:
        operation = operations.filter(code=payload.operation).first()
    else:
        operation = selectors.operation_default(area=person.employment_area_id)
    if operation is None:
        raise DomainError(f"unknown operation {payload.operation!r}")
    data = payload.dict(exclude={"operation"})
    if not request.user.permissions.can_change_special_category(person):
        data.update(disability="", minority="")
    p = participation_services.participation_enter(
        actor=request.user, job_seeker=person, operation=operation, data=EntryData(**data)
    )
    return Status(201, _participation_result(request, person, p.pk))


class EntryPatch(EntryFields):  # type: ignore[misc,valid-type]
    disability: str | None = None
    minority: str | None = None


@router.put("/job-seekers/{id}/participation/{pid}", response=ParticipationOut, exclude_unset=True)
def participation_update_entry(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: EntryPatch
) -> dict[str, Any]:
    """Rectify the entry data (all of them are sent). Disability and minority are written
    only when sent and only by those allowed to."""

    def change(person: JobSeeker, p: Participation) -> None:
        data = payload.dict()
        special = getattr(p, "special_category", None)
        with_special = request.user.permissions.can_change_special_category(person) and (
            data["disability"] is not None or data["minority"] is not None
        )
        for name in EntryData.SPECIAL_FIELDS:
            if data[name] is None or not with_special:
                data[name] = getattr(special, name) if special else ""
        participation_services.participation_update_entry(
            actor=request.user, participation=p, data=EntryData(**data), with_special=with_special
        )

    return _participation_change(request, id, pid, change)


class ExitIn(ExitResults):  # type: ignore[misc,valid-type]
    exit_date: datetime.date


@router.post(
    "/job-seekers/{id}/participation/{pid}/exit", response=ParticipationOut, exclude_unset=True
)
def participation_exit(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: ExitIn
) -> dict[str, Any]:
    return _participation_change(
        request,
        id,
        pid,
        lambda _person, p: participation_services.participation_exit(
            actor=request.user, participation=p, data=ExitData(**payload.dict())
        ),
    )


@router.post(
    "/job-seekers/{id}/participation/{pid}/follow-up",
    response=ParticipationOut,
    exclude_unset=True,
)
def participation_follow_up(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: FollowUpIn
) -> dict[str, Any]:
    return _participation_change(
        request,
        id,
        pid,
        lambda _person, p: participation_services.participation_record_follow_up(
            actor=request.user, participation=p, **payload.dict()
        ),
    )


class ReEntryIn(Schema):
    re_entry_date: datetime.date


@router.post(
    "/job-seekers/{id}/participation/{pid}/re-entry",
    response=ParticipationOut,
    exclude_unset=True,
)
def participation_re_entry(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: ReEntryIn
) -> dict[str, Any]:
    """Return into the same operation: the first entry's data stay."""
    return _participation_change(
        request,
        id,
        pid,
        lambda _person, p: participation_services.participation_re_enter(
            actor=request.user, participation=p, re_entry_date=payload.re_entry_date
        ),
    )
