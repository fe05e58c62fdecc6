"""Who may see whom, as queries: consents in force and the people an actor may see.

Every selector of this package starts from these; see permissions.py for the same rules on
one object.
"""

import datetime

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from kohtaanto.accounts.models import Role, User
from kohtaanto.jobseekers.models import Consent, ConsentPurpose, JobSeeker


def on_or_today(on: datetime.date | None) -> datetime.date:
    return on or timezone.localdate()


def valid_consents(*, on: datetime.date | None = None) -> QuerySet[Consent]:
    """Consents in force on `on`: given by then, not expired, not withdrawn by then."""
    day = on_or_today(on)
    return Consent.objects.filter(given_on__lte=day).filter(
        Q(expires_on__isnull=True) | Q(expires_on__gte=day),
        Q(withdrawn_on__isnull=True) | Q(withdrawn_on__gt=day),
    )


def counselled_by(actor: User) -> Exists:
    through = JobSeeker.counsellors.through.objects.filter(
        jobseeker_id=OuterRef("pk"), user_id=actor.pk
    )
    return Exists(through)


def visible_job_seekers(actor: User, *, on: datetime.date | None = None) -> QuerySet[JobSeeker]:
    """The people `actor` may see at all (the rule view_job_seeker as a query)."""
    qs = JobSeeker.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.employment_area_id is None:
        return qs.none()
    if actor.role in (Role.COORDINATOR, Role.AUDITOR):
        return qs
    if actor.role == Role.COUNSELLOR:
        return qs.filter(counselled_by(actor))
    consents = valid_consents(on=on).filter(job_seeker=OuterRef("pk"))
    if actor.role == Role.PARTNER and actor.partner_organisation_id:
        return qs.filter(
            Exists(
                consents.filter(
                    purpose=ConsentPurpose.SHARE_WITH_PARTNER,
                    partner_organisation_id=actor.partner_organisation_id,
                )
            ),
            pseudonymised_at__isnull=True,
        )
    if actor.role == Role.BUSINESS_ADVISOR:
        return qs.filter(
            Exists(
                consents.filter(
                    purpose=ConsentPurpose.SEND_TO_EMPLOYER,
                    company__employment_area_id=actor.employment_area_id,
                )
            ),
            pseudonymised_at__isnull=True,
        )
    return qs.none()
