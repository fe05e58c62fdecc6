"""Consents: whether one is in force for a purpose and recipient, and the person's list."""

import datetime
from typing import Any

from django.db.models import QuerySet

from kohtaanto.accounts.models import PartnerOrganisation, User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, JobSeeker
from kohtaanto.jobseekers.selectors.access import valid_consents


def consent_is_valid(
    *,
    job_seeker: JobSeeker,
    purpose: str,
    partner_organisation: PartnerOrganisation | None = None,
    company: Company | None = None,
    on: datetime.date | None = None,
) -> bool:
    """Whether the person's consent for `purpose` (to this recipient) is in force on `on`.

    Every path that shares a person's data with a partner or an employer asks this first.
    """
    if purpose == ConsentPurpose.SHARE_WITH_PARTNER and partner_organisation is None:
        return False
    if purpose == ConsentPurpose.SEND_TO_EMPLOYER and company is None:
        return False
    qs = valid_consents(on=on).filter(job_seeker=job_seeker, purpose=purpose)
    if partner_organisation is not None:
        qs = qs.filter(partner_organisation=partner_organisation)
    if company is not None:
        qs = qs.filter(company=company)
    return qs.exists()


def employer_consent_exists(*, job_seeker: JobSeeker, on: datetime.date | None = None) -> bool:
    """A valid consent to send the profile to some company of the person's area."""
    return (
        valid_consents(on=on)
        .filter(
            job_seeker=job_seeker,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company__employment_area_id=job_seeker.employment_area_id,
        )
        .exists()
    )


def consent_list(*, actor: User, job_seeker: JobSeeker) -> QuerySet[Consent]:
    actor.permissions.require("view_job_seeker_record", job_seeker)
    return job_seeker.consents.select_related(
        "partner_organisation", "company", "recorded_by", "withdrawn_by"
    )


def consent_get_for_actor(*, actor: User, job_seeker: JobSeeker, id: Any) -> Consent:
    actor.permissions.require("change_job_seeker", job_seeker)
    try:
        return job_seeker.consents.get(pk=int(id))
    except (Consent.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc
