"""ESF+ participation: entry, changes to the entry data, exit, follow-up and re-entry."""

import datetime
from typing import Any

from ninja import Field, Schema, Status

from kohtaanto.common.errors import DomainError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import person_get, person_read_log, router
from kohtaanto.jobseekers.models import (
    JobSeeker,
)
from kohtaanto.jobseekers.services import participation as participation_services
from kohtaanto.jobseekers.validation import EntryData, ExitData

# --- participation ---------------------------------------------------------------------------


class ParticipationOut(Schema):
    id: int
    operation: str
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None
    isced_level: int | None
    third_country_national: str
    foreign_background: str
    homeless: str
    rural: str
    disability: str | None = None
    minority: str | None = None
    exit_date: datetime.date | None
    exit_job_searching: bool | None
    exit_in_education: bool | None
    exit_qualification: bool | None
    exit_employed: bool | None
    exit_results_on: datetime.date | None
    six_month_employed: bool | None
    six_month_improved: bool | None
    follow_up_due_on: datetime.date | None
    re_entries: list[datetime.date]


def _participation_out(row: selectors.ParticipationView) -> dict[str, Any]:
    p = row.participation
    data = {
        name: getattr(p, name)
        for name in (
            *EntryData.PARTICIPATION_FIELDS,
            *ExitData.field_names(),
            "six_month_employed",
            "six_month_improved",
        )
    }
    data.update(
        id=p.pk,
        operation=p.operation.code,
        follow_up_due_on=row.follow_up_due_on,
        re_entries=[r.re_entry_date for r in row.re_entries],
    )
    if row.special is not None:
        data.update(disability=row.special.disability, minority=row.special.minority)
    return data


def _participation_rows(request: AuthenticatedHttpRequest, person: JobSeeker) -> list[Any]:
    return selectors.participation_list(actor=request.user, job_seeker=person)


@router.get("/job-seekers/{id}/participation", response=list[ParticipationOut], exclude_unset=True)
def participation_list(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    """ESF+ participations; disability and minority only for those who may see them."""
    person = person_get(request, id, "view_job_seeker_record")
    rows = _participation_rows(request, person)
    person_read_log(request, person, "participation")
    if rows and request.user.permissions.can_view_special_category(person):
        person_read_log(request, person, "special_category")
    return [_participation_out(r) for r in rows]


class EntryIn(Schema):
    operation: str | None = Field(None, description="operation code; default: the area's")
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    disability: str = ""
    minority: str = ""


def _participation_result(
    request: AuthenticatedHttpRequest, person: JobSeeker, pk: int
) -> dict[str, Any]:
    rows = _participation_rows(request, person)
    return _participation_out(next(r for r in rows if r.participation.pk == pk))


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


def _participation(request: AuthenticatedHttpRequest, person: JobSeeker, pid: int) -> Any:
    return selectors.participation_get_for_actor(
        actor=request.user, job_seeker=person, id=pid, permission="change_job_seeker"
    )


class EntryPatch(Schema):
    entry_date: datetime.date
    gender: str
    birth_date: datetime.date
    labour_market_status: str
    unemployed_since: datetime.date | None = None
    isced_level: int | None = None
    third_country_national: str = ""
    foreign_background: str = ""
    homeless: str = ""
    rural: str = ""
    disability: str | None = None
    minority: str | None = None


@router.put("/job-seekers/{id}/participation/{pid}", response=ParticipationOut, exclude_unset=True)
def participation_update_entry(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: EntryPatch
) -> dict[str, Any]:
    """Rectify the entry data (all of them are sent). Disability and minority are written
    only when sent and only by those allowed to."""
    person = person_get(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
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
    return _participation_result(request, person, p.pk)


class ExitIn(Schema):
    exit_date: datetime.date
    exit_job_searching: bool | None = None
    exit_in_education: bool | None = None
    exit_qualification: bool | None = None
    exit_employed: bool | None = None
    # The day the situation was reached; without it, the exit day (Annex I: four weeks).
    exit_results_on: datetime.date | None = None


@router.post(
    "/job-seekers/{id}/participation/{pid}/exit", response=ParticipationOut, exclude_unset=True
)
def participation_exit(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: ExitIn
) -> dict[str, Any]:
    person = person_get(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_exit(
        actor=request.user, participation=p, data=ExitData(**payload.dict())
    )
    return _participation_result(request, person, p.pk)


class FollowUpIn(Schema):
    six_month_employed: bool | None = None
    six_month_improved: bool | None = None


@router.post(
    "/job-seekers/{id}/participation/{pid}/follow-up",
    response=ParticipationOut,
    exclude_unset=True,
)
def participation_follow_up(
    request: AuthenticatedHttpRequest, id: int, pid: int, payload: FollowUpIn
) -> dict[str, Any]:
    person = person_get(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_record_follow_up(
        actor=request.user, participation=p, **payload.dict()
    )
    return _participation_result(request, person, p.pk)


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
    person = person_get(request, id, "change_job_seeker")
    p = _participation(request, person, pid)
    participation_services.participation_re_enter(
        actor=request.user, participation=p, re_entry_date=payload.re_entry_date
    )
    return _participation_result(request, person, p.pk)
