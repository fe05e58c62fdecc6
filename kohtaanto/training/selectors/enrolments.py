"""Enrolments the actor may see: never an identity code, and for a partner only persons who
consented to share their data with it."""

from typing import Any

from django.db.models import Q, QuerySet

from kohtaanto.accounts.models import Role
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.selectors import valid_consents
from kohtaanto.training.models import Enrolment, Programme
from kohtaanto.training.selectors.common import not_found
from kohtaanto.training.selectors.purchases import programme_list


def enrolment_list(*, actor: Any, programme: Programme) -> QuerySet[Enrolment]:
    """The programme's enrolments the actor may see.

    Finance sees none (no personal data needed); a partner user only persons with a valid
    consent to share their data with the provider's partner organisation, and companies' own
    employees. No identity code is ever selected.
    """
    qs = Enrolment.objects.filter(programme=programme).select_related("job_seeker")
    if actor.role == Role.FINANCE:
        return qs.none()
    if actor.role == Role.PARTNER:
        organisation = programme.provider.partner_organisation_id
        consenting = valid_consents().filter(
            purpose=ConsentPurpose.SHARE_WITH_PARTNER, partner_organisation_id=organisation
        )
        qs = qs.filter(
            Q(job_seeker__isnull=True)
            | Q(
                job_seeker__in=consenting.values("job_seeker"),
                job_seeker__pseudonymised_at__isnull=True,
            )
        )
    return qs.defer("job_seeker__identity_code_encrypted", "job_seeker__identity_code_digest")


def enrolment_get_for_actor(*, actor: Any, id: int) -> Enrolment:
    enrolment = Enrolment.objects.filter(pk=id).select_related("programme__provider").first()
    if enrolment is None:
        raise not_found()
    programme = programme_list(actor=actor).filter(pk=enrolment.programme_id).first()
    if (
        programme is None
        or not enrolment_list(actor=actor, programme=programme).filter(pk=id).exists()
    ):
        raise not_found()
    return enrolment
