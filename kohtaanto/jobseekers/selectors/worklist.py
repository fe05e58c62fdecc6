"""A counsellor's worklist: reminders, follow-ups, expiring consents, overdue and idle."""

import datetime
from dataclasses import dataclass

from django.db.models import F, Max, Q, QuerySet
from django.db.models.functions import Coalesce, Greatest, TruncDate

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.dates import add_months
from kohtaanto.jobseekers.models import Consent, JobSeeker, Participation, PlanAction, Reminder
from kohtaanto.jobseekers.rules import FOLLOW_UP_MONTHS
from kohtaanto.jobseekers.selectors.access import (
    counselled_by,
    on_or_today,
    valid_consents,
)

# Worklist horizons: how far ahead a due follow-up or an expiring consent is shown.
FOLLOW_UP_LOOKAHEAD_DAYS = 14
CONSENT_EXPIRY_LOOKAHEAD_DAYS = 30
DEFAULT_IDLE_DAYS = 60


@dataclass
class Worklist:
    today: datetime.date
    idle_days: int
    reminders: list[Reminder]
    follow_ups: list[Participation]
    expiring_consents: list[Consent]
    overdue_actions: list[PlanAction]
    idle_clients: list[JobSeeker]

    @property
    def is_empty(self) -> bool:
        return not (
            self.reminders
            or self.follow_ups
            or self.expiring_consents
            or self.overdue_actions
            or self.idle_clients
        )


def _worklist_people(actor: User) -> QuerySet[JobSeeker]:
    qs = JobSeeker.objects.filter(
        employment_area_id=actor.employment_area_id, pseudonymised_at__isnull=True
    )
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(counselled_by(actor))
    return qs


def worklist(
    *, actor: User, today: datetime.date | None = None, idle_days: int = DEFAULT_IDLE_DAYS
) -> Worklist:
    """A counsellor's own worklist (the coordinator's covers the whole area).

    - reminders the daily task created and that are not resolved;
    - six-month follow-ups due within FOLLOW_UP_LOOKAHEAD_DAYS or overdue and unanswered;
    - valid consents that expire within CONSENT_EXPIRY_LOOKAHEAD_DAYS;
    - agreed actions past their due date and still open;
    - active clients with no service event in `idle_days` days (registration counts).
    """
    actor.permissions.require("view_worklist")
    day = on_or_today(today)
    people = _worklist_people(actor)
    # Exit on or before this date → follow-up due within the lookahead.
    latest_exit = add_months(
        day + datetime.timedelta(days=FOLLOW_UP_LOOKAHEAD_DAYS), -FOLLOW_UP_MONTHS
    )
    follow_ups = (
        Participation.objects.filter(job_seeker__in=people, exit_date__lte=latest_exit)
        .filter(Q(six_month_employed__isnull=True) | Q(six_month_improved__isnull=True))
        .select_related("job_seeker", "operation")
        .order_by("exit_date", "id")
    )
    expiring = (
        valid_consents(on=day)
        .filter(
            job_seeker__in=people,
            expires_on__lte=day + datetime.timedelta(days=CONSENT_EXPIRY_LOOKAHEAD_DAYS),
        )
        .select_related("job_seeker", "partner_organisation", "company")
        .order_by("expires_on", "id")
    )
    overdue = (
        PlanAction.objects.filter(
            job_seeker__in=people, status=PlanAction.Status.OPEN, due_on__lt=day
        )
        .select_related("job_seeker")
        .order_by("due_on", "id")
    )
    reminders = (
        Reminder.objects.filter(job_seeker__in=people, resolved_at__isnull=True)
        .select_related("job_seeker", "participation__operation")
        .order_by("due_on", "id")
    )
    idle_since = day - datetime.timedelta(days=idle_days)
    idle = (
        people.filter(status=JobSeeker.Status.ACTIVE)
        .annotate(
            last_event_on=Max("events__occurred_on"),
            registered_on=TruncDate("created_at"),
        )
        .annotate(
            last_contact_on=Greatest(
                Coalesce(F("last_event_on"), F("registered_on")), F("registered_on")
            )
        )
        .filter(last_contact_on__lt=idle_since)
        .order_by("last_contact_on", "id")
    )
    return Worklist(
        today=day,
        idle_days=idle_days,
        reminders=list(reminders),
        follow_ups=list(follow_ups),
        expiring_consents=list(expiring),
        overdue_actions=list(overdue),
        idle_clients=list(idle),
    )
