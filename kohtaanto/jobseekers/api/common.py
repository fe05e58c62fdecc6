"""What the job-seeker endpoints share: the router, the person look-up and the access log."""

from django.shortcuts import get_object_or_404
from ninja import Router

from kohtaanto.accounts.models import PartnerOrganisation
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.models import (
    JobSeeker,
)

router = Router(tags=["jobseekers"])

MAX_LIMIT = 200


def person_get(request: AuthenticatedHttpRequest, id: int, permission: str) -> JobSeeker:
    return selectors.job_seeker_get_for_actor(actor=request.user, id=id, permission=permission)


def person_read_log(request: AuthenticatedHttpRequest, person: JobSeeker, what: str) -> None:
    access_log_record(
        actor=request.user,
        subject=person,
        what=what,
        reason=f"api, role: {request.user.role}",
        path=request.path,
        subject_repr=str(person),
    )


def company_choice(request: AuthenticatedHttpRequest, id: int | None) -> Company | None:
    if id is None:
        return None
    return get_object_or_404(selectors.company_choices(actor=request.user), pk=id)


def partner_choice(id: int | None) -> PartnerOrganisation | None:
    if id is None:
        return None
    return get_object_or_404(PartnerOrganisation, pk=id)
