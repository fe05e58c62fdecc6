"""Consents: list, give, withdraw."""

import datetime
from typing import Any

from ninja import Field, Schema, Status

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import (
    company_choice,
    partner_choice,
    person_get,
    person_read_log,
    router,
)
from kohtaanto.jobseekers.models import (
    JobSeeker,
)
from kohtaanto.jobseekers.services import consents as consent_services

# --- consent ---------------------------------------------------------------------------------


class ConsentOut(Schema):
    id: int
    purpose: str
    partner_organisation: int | None = Field(None, alias="partner_organisation_id")
    company: int | None = Field(None, alias="company_id")
    given_on: datetime.date
    expires_on: datetime.date | None
    withdrawn_on: datetime.date | None
    note: str
    valid_today: bool


class ConsentIn(Schema):
    purpose: str = Field(..., description="processing | share_partner | send_employer")
    partner_organisation: int | None = None
    company: int | None = None
    given_on: datetime.date
    expires_on: datetime.date | None = None
    note: str = ""


def _consent_out(consent: Any, valid_ids: set[int]) -> dict[str, Any]:
    return {
        "id": consent.pk,
        "purpose": consent.purpose,
        "partner_organisation_id": consent.partner_organisation_id,
        "company_id": consent.company_id,
        "given_on": consent.given_on,
        "expires_on": consent.expires_on,
        "withdrawn_on": consent.withdrawn_on,
        "note": consent.note,
        "valid_today": consent.pk in valid_ids,
    }


def _valid_ids(person: JobSeeker) -> set[int]:
    return set(selectors.valid_consents().filter(job_seeker=person).values_list("pk", flat=True))


@router.get("/job-seekers/{id}/consents", response=list[ConsentOut])
def consent_list(request: AuthenticatedHttpRequest, id: int) -> list[dict[str, Any]]:
    person = person_get(request, id, "view_job_seeker_record")
    consents = selectors.consent_list(actor=request.user, job_seeker=person)
    person_read_log(request, person, "consents")
    valid = _valid_ids(person)
    return [_consent_out(c, valid) for c in consents]


@router.post("/job-seekers/{id}/consents", response={201: ConsentOut})
def consent_give(request: AuthenticatedHttpRequest, id: int, payload: ConsentIn) -> Any:
    person = person_get(request, id, "change_job_seeker")
    consent = consent_services.consent_give(
        actor=request.user,
        job_seeker=person,
        purpose=payload.purpose,
        partner_organisation=partner_choice(payload.partner_organisation),
        company=company_choice(request, payload.company),
        given_on=payload.given_on,
        expires_on=payload.expires_on,
        note=payload.note,
    )
    return Status(201, _consent_out(consent, _valid_ids(person)))


@router.post("/job-seekers/{id}/consents/{consent_id}/withdraw", response=ConsentOut)
def consent_withdraw(request: AuthenticatedHttpRequest, id: int, consent_id: int) -> dict[str, Any]:
    person = person_get(request, id, "change_job_seeker")
    consent = selectors.consent_get_for_actor(actor=request.user, job_seeker=person, id=consent_id)
    consent = consent_services.consent_withdraw(actor=request.user, consent=consent)
    return _consent_out(consent, _valid_ids(person))
