"""Retention: the people whose data have been kept long enough."""

import datetime

from django.db.models import F, Max, QuerySet, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate

from kohtaanto.accounts.models import EmploymentArea
from kohtaanto.common.dates import add_months
from kohtaanto.jobseekers.models import JobSeeker


def job_seekers_past_retention(
    *, today: datetime.date, years: int, area: EmploymentArea | None = None
) -> QuerySet[JobSeeker]:
    """People whose last exit or contact is more than `years` years before `today`.

    Last contact: the latest of registration, ESF+ entry and exit dates and service events.
    People already pseudonymised are not returned again.
    """
    far_past = Value(datetime.date(1900, 1, 1))
    cutoff = add_months(today, -12 * years)
    qs = JobSeeker.objects.filter(pseudonymised_at__isnull=True)
    if area is not None:
        qs = qs.filter(employment_area=area)
    return (
        qs.annotate(
            last_exit=Coalesce(Max("participations__exit_date"), far_past),
            last_entry=Coalesce(Max("participations__entry_date"), far_past),
            last_event=Coalesce(Max("events__occurred_on"), far_past),
            registered_on=TruncDate("created_at"),
        )
        .annotate(
            last_contact_on=Greatest(
                F("last_exit"), F("last_entry"), F("last_event"), F("registered_on")
            )
        )
        .filter(last_contact_on__lt=cutoff)
        .order_by("id")
    )
