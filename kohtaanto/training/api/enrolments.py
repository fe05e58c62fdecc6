"""Enrolments and their progress; persons by name only, never with an identity code."""

from datetime import date
from typing import Any

from ninja import Schema, Status

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import router
from kohtaanto.training.models import Enrolment


class EnrolmentIn(Schema):
    job_seeker: int | None = None
    employee_name: str = ""


class EnrolmentOut(Schema):
    id: int
    programme: int
    name: str
    status: str
    attended_days: int
    completed_on: date | None
    certificate: str
    interrupted_on: date | None
    interruption_reason: str
    outcome: str


class ProgressIn(Schema):
    days: int | None = None
    on: date | None = None
    certificate: str = ""
    reason: str = ""
    outcome: str = ""


def _enrolment_out(e: Enrolment) -> dict[str, Any]:
    person = e.job_seeker
    return {
        "id": e.pk,
        "programme": e.programme_id,
        "name": person.display_name if person else e.employee_name,
        "status": e.status,
        "attended_days": e.attended_days,
        "completed_on": e.completed_on,
        "certificate": e.certificate,
        "interrupted_on": e.interrupted_on,
        "interruption_reason": e.interruption_reason,
        "outcome": e.outcome,
    }


@router.get("/programmes/{id}/enrolments", response=list[EnrolmentOut])
def enrolments(request: AuthenticatedHttpRequest, id: int) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    return [
        _enrolment_out(e)
        for e in selectors.enrolment_list(actor=request.user, programme=programme_)
    ]


@router.post("/programmes/{id}/enrolments", response={201: EnrolmentOut})
def enrolment_create(request: AuthenticatedHttpRequest, id: int, data: EnrolmentIn) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    person = (
        job_seeker_get_for_actor(actor=request.user, id=data.job_seeker)
        if data.job_seeker
        else None
    )
    enrolment = services.enrolment_create(
        actor=request.user,
        programme=programme_,
        job_seeker=person,
        employee_name=data.employee_name,
    )
    return Status(201, _enrolment_out(enrolment))


@router.post("/enrolments/{id}/{action}", response=EnrolmentOut)
def enrolment_progress(
    request: AuthenticatedHttpRequest, id: int, action: str, data: ProgressIn
) -> Any:
    """action: attendance (days), complete (on, certificate), interrupt (on, reason),
    outcome (outcome, on)."""
    enrolment = selectors.enrolment_get_for_actor(actor=request.user, id=id)
    result = services.enrolment_progress_record(
        actor=request.user, enrolment=enrolment, action=action, **data.dict()
    )
    return _enrolment_out(result)
