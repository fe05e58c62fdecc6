"""Background tasks of the job-seeker app (Django's tasks framework).

Both run daily; `kohtaanto send-reminders` and `kohtaanto apply-retention` enqueue them
(docs in kohtaanto/jobseekers/README.md). Dates travel as ISO strings: task arguments are JSON.
"""

import datetime

from django.conf import settings
from django.utils import timezone
from django_tasks import task

from kohtaanto.jobseekers.services.gdpr import retention_apply
from kohtaanto.jobseekers.services.participation import reminders_create_due


def _day(today: str | None) -> datetime.date:
    return datetime.date.fromisoformat(today) if today else timezone.localdate()


@task()
def send_follow_up_reminders(today: str | None = None) -> int:
    """Create worklist reminders for six-month follow-ups that fell due; returns how many."""
    return reminders_create_due(today=_day(today))


@task()
def apply_retention(today: str | None = None) -> dict[str, int]:
    """Pseudonymise or erase everyone past settings.RETENTION_YEARS."""
    result = retention_apply(actor=None, today=_day(today), years=settings.RETENTION_YEARS)
    return {"pseudonymised": result.pseudonymised, "erased": result.erased}
