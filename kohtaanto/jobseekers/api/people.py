"""The register: list, create, read, change, counsellors, identity code, GDPR export and
pseudonymisation."""

import datetime
from typing import Any

from ninja import Field, Query, Schema, Status

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import DomainError
from kohtaanto.common.imports import municipality_by_code
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import MAX_LIMIT, person_get, person_read_log, router
from kohtaanto.jobseekers.models import (
    JobSeeker,
)
from kohtaanto.jobseekers.services import gdpr, register

# --- register --------------------------------------------------------------------------------


class JobSeekerListItem(Schema):
    id: int
    name: str
    municipality: str | None


class JobSeekerPage(Schema):
    count: int
    items: list[JobSeekerListItem]


class JobSeekerOut(Schema):
    id: int
    first_name: str
    last_name: str
    municipality: str | None
    preferred_language: str
    email: str | None = None
    phone: str | None = None
    birth_date: datetime.date | None = None
    gender: str | None = None
    status: str | None = None
    external_id: str | None = None
    counsellors: list[str] | None = None
    has_identity_code: bool | None = None
    pseudonymised: bool | None = None


def _person_out(request: AuthenticatedHttpRequest, person: JobSeeker) -> dict[str, Any]:
    can = request.user.permissions
    data: dict[str, Any] = {
        "id": person.pk,
        "first_name": person.first_name,
        "last_name": person.last_name,
        "municipality": person.municipality.code if person.municipality else None,
        "preferred_language": person.preferred_language,
    }
    if can.can_view_job_seeker_contact(person):
        data.update(email=person.email, phone=person.phone)
    if can.can_view_job_seeker_record(person):
        data.update(
            birth_date=person.birth_date,
            gender=person.gender,
            status=person.status,
            external_id=person.external_id,
            counsellors=sorted(u.username for u in person.counsellors.all()),
            pseudonymised=person.pseudonymised_at is not None,
        )
    if can.can_view_identity_code(person):
        data["has_identity_code"] = person.has_identity_code
    return data


class ListFilters(Schema):
    q: str = ""
    municipality: str = ""
    status: str = ""
    participation: str = ""
    mine: bool = False
    limit: int = Field(50, ge=1, le=MAX_LIMIT)
    offset: int = Field(0, ge=0)


@router.get("/job-seekers", response=JobSeekerPage)
def job_seeker_list(
    request: AuthenticatedHttpRequest, filters: Query[ListFilters]
) -> dict[str, Any]:
    """The register as the caller may see it (search by name, external id or identity code)."""
    qs = selectors.job_seeker_list(
        actor=request.user,
        q=filters.q,
        municipality=municipality_by_code(filters.municipality) if filters.municipality else None,
        status=filters.status,
        participation=filters.participation,
        mine=filters.mine,
    )
    page = list(qs[filters.offset : filters.offset + filters.limit])
    if page:
        area = request.user.employment_area
        access_log_record(
            actor=request.user,
            subject=area,  # type: ignore[arg-type]
            what="job_seeker_list",
            reason="ids: " + ",".join(str(p.pk) for p in page),
            path=request.get_full_path(),
            subject_repr=str(area),
        )
    return {
        "count": qs.count(),
        "items": [
            {
                "id": p.pk,
                "name": p.display_name,
                "municipality": p.municipality.code if p.municipality else None,
            }
            for p in page
        ],
    }


class JobSeekerIn(Schema):
    first_name: str
    last_name: str
    email: str = ""
    phone: str = ""
    municipality: str | None = Field(None, description="Statistics Finland municipality code")
    identity_code: str = Field("", description="full code with its century sign")
    birth_date: datetime.date | None = None
    gender: str = Field("", description="woman | man | non_binary | empty; asked, not derived")
    preferred_language: str = "fi"
    external_id: str = ""
    counsellors: list[str] = Field(default_factory=list, description="usernames")


def _counsellors(request: AuthenticatedHttpRequest, usernames: list[str]) -> list[User]:
    found = list(selectors.counsellor_choices(actor=request.user).filter(username__in=usernames))
    missing = set(usernames) - {u.username for u in found}
    if missing:
        raise DomainError(f"unknown counsellors: {', '.join(sorted(missing))}")
    return found


@router.post("/job-seekers", response={201: JobSeekerOut}, exclude_unset=True)
def job_seeker_create(request: AuthenticatedHttpRequest, payload: JobSeekerIn) -> Any:
    request.user.permissions.require("create_job_seeker")
    data = payload.dict()
    data["municipality"] = municipality_by_code(data["municipality"])
    data["counsellors"] = _counsellors(request, data["counsellors"])
    person = register.job_seeker_create(actor=request.user, **data)
    person = person_get(request, person.pk, "view_job_seeker")
    return Status(201, _person_out(request, person))


@router.get("/job-seekers/{id}", response=JobSeekerOut, exclude_unset=True)
def job_seeker_detail(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    person = person_get(request, id, "view_job_seeker")
    person_read_log(request, person, "basic_data")
    return _person_out(request, person)


class JobSeekerPatch(Schema):
    first_name: str | None = None
    last_name: str | None = None
    email: str | None = None
    phone: str | None = None
    municipality: str | None = None
    identity_code: str | None = Field(None, description="new code; empty string removes it")
    birth_date: datetime.date | None = None
    gender: str | None = None
    preferred_language: str | None = None
    status: str | None = None
    external_id: str | None = None


@router.patch("/job-seekers/{id}", response=JobSeekerOut, exclude_unset=True)
def job_seeker_update(
    request: AuthenticatedHttpRequest, id: int, payload: JobSeekerPatch
) -> dict[str, Any]:
    """Rectification: only the fields sent are changed, each change is audited."""
    person = person_get(request, id, "change_job_seeker")
    data = payload.dict(exclude_unset=True)
    code = data.pop("identity_code", None)
    if "municipality" in data:
        data["municipality"] = municipality_by_code(data["municipality"])
    register.job_seeker_update(actor=request.user, job_seeker=person, identity_code=code, **data)
    return _person_out(request, person_get(request, id, "view_job_seeker"))


class CounsellorsIn(Schema):
    counsellors: list[str]


@router.put("/job-seekers/{id}/counsellors", response=JobSeekerOut, exclude_unset=True)
def job_seeker_counsellors(
    request: AuthenticatedHttpRequest, id: int, payload: CounsellorsIn
) -> dict[str, Any]:
    person = person_get(request, id, "change_job_seeker")
    register.job_seeker_set_counsellors(
        actor=request.user,
        job_seeker=person,
        counsellors=_counsellors(request, payload.counsellors),
    )
    return _person_out(request, person_get(request, id, "view_job_seeker"))


class IdentityCodeOut(Schema):
    identity_code: str


@router.post("/job-seekers/{id}/identity-code", response=IdentityCodeOut)
def identity_code_show(request: AuthenticatedHttpRequest, id: int) -> dict[str, str]:
    """The full identity code; every call is written to the access log."""
    person = person_get(request, id, "view_identity_code")
    return {
        "identity_code": register.identity_code_reveal(
            actor=request.user, job_seeker=person, path=request.path, reason="api"
        )
    }


@router.get("/job-seekers/{id}/export")
def job_seeker_export(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    """Everything about the person (GDPR Art. 15); the export is logged."""
    person = person_get(request, id, "export_job_seeker_data")
    return gdpr.job_seeker_data_export(actor=request.user, job_seeker=person, path=request.path)


class ReasonIn(Schema):
    reason: str = Field(..., min_length=1, max_length=200)


@router.post("/job-seekers/{id}/pseudonymise", response=JobSeekerOut, exclude_unset=True)
def job_seeker_pseudonymise(
    request: AuthenticatedHttpRequest, id: int, payload: ReasonIn
) -> dict[str, Any]:
    person = person_get(request, id, "pseudonymise_job_seeker")
    gdpr.job_seeker_pseudonymise(actor=request.user, job_seeker=person, reason=payload.reason)
    return _person_out(request, person_get(request, id, "view_job_seeker"))
