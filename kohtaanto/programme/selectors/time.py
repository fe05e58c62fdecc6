"""Time records and the yearly hour cap of each person."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import QuerySet

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import NotFoundError
from kohtaanto.programme import budget as money
from kohtaanto.programme.models import (
    CostReport,
    PaymentPeriod,
    StaffMember,
    TimeRecord,
    TimeSheet,
)
from kohtaanto.programme.selectors.operations import staff_member_list
from kohtaanto.programme.selectors.rules import RulesBook, rules_book

# --- Time records -------------------------------------------------------------------------


def time_record_list(
    *, actor: User, year: int, staff_member_id: int | None = None
) -> QuerySet[TimeRecord]:
    qs = TimeRecord.objects.filter(
        position__operation__employment_area_id=actor.employment_area_id, date__year=year
    ).select_related("position__staff_member", "position__operation")
    if staff_member_id is not None:
        qs = qs.filter(position__staff_member_id=staff_member_id)
    return qs.order_by("position__staff_member__name", "date", "id")


def time_record_get_for_actor(*, actor: User, id: int) -> TimeRecord:
    try:
        return TimeRecord.objects.select_related(
            "position__operation", "position__staff_member"
        ).get(pk=id, position__operation__employment_area_id=actor.employment_area_id)
    except (TimeRecord.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("time record not found") from None


def staff_year_entries(*, staff_member_id: int, year: int) -> list[money.TimeEntry]:
    """All of a person's time records of a calendar year, over all their projects."""
    return [
        money.TimeEntry(day, hours, percentage, percent / money.HUNDRED)
        for day, hours, percentage, percent in TimeRecord.objects.filter(
            position__staff_member_id=staff_member_id, date__year=year
        ).values_list("date", "hours", "percentage", "position__working_time_percent")
    ]


def staff_year_hours(*, staff_member_id: int, year: int, book: RulesBook | None = None) -> Decimal:
    """Hours counted against the yearly cap for one person: the hours of day and month
    records plus the hour equivalents of percentage records, over all their projects."""
    book = book or rules_book()
    entries = staff_year_entries(staff_member_id=staff_member_id, year=year)
    return money.counted_hours(entries, book.rates)


@dataclass
class StaffYearSummary:
    staff_member: StaffMember
    year: int
    hours: Decimal
    cap: Decimal

    @property
    def remaining(self) -> Decimal:
        return self.cap - self.hours


def staff_year_summaries(*, actor: User, year: int) -> list[StaffYearSummary]:
    book = rules_book()
    cap = book.rates(date(year, 1, 1)).annual_hours
    return [
        StaffYearSummary(m, year, staff_year_hours(staff_member_id=m.pk, year=year, book=book), cap)
        for m in staff_member_list(actor=actor)
    ]


def locked_period_for(*, operation_id: int, day: date) -> PaymentPeriod | None:
    """The payment period covering `day` if its latest cost report is submitted: the time
    records and salaries of that period stay frozen until a correction version is opened."""
    period = PaymentPeriod.objects.filter(
        operation_id=operation_id, start_date__lte=day, end_date__gte=day
    ).first()
    if period is None:
        return None
    latest = period.cost_reports.order_by("-version").only("status").first()
    if latest is not None and latest.status == CostReport.Status.SUBMITTED:
        return period
    return None


# --- Signed monthly time sheets -----------------------------------------------------------


def time_sheet_own_list(*, actor: User) -> QuerySet[TimeSheet]:
    """The actor's own time sheets (as a staff member of their area), newest month first."""
    return (
        TimeSheet.objects.filter(
            staff_member__user_id=actor.pk,
            staff_member__employment_area_id=actor.employment_area_id,
        )
        .select_related("staff_member", "employee_signed_by", "supervisor_signed_by")
        .order_by("-month", "staff_member__name")
    )


def time_sheet_countersign_list(*, actor: User) -> QuerySet[TimeSheet]:
    """The area's sheets the employee has signed and nobody has yet countersigned."""
    return (
        TimeSheet.objects.filter(
            staff_member__employment_area_id=actor.employment_area_id,
            employee_signed_at__isnull=False,
            supervisor_signed_at__isnull=True,
        )
        .select_related("staff_member", "employee_signed_by")
        .order_by("month", "staff_member__name")
    )


def time_sheet_locked_list(*, actor: User, limit: int = 50) -> list[TimeSheet]:
    """The area's most recently locked sheets (both signatures)."""
    return list(
        TimeSheet.objects.filter(
            staff_member__employment_area_id=actor.employment_area_id,
            supervisor_signed_at__isnull=False,
        )
        .select_related("staff_member", "supervisor_signed_by")
        .order_by("-supervisor_signed_at")[:limit]
    )


def time_sheet_get_for_actor(*, actor: User, id: int) -> TimeSheet:
    try:
        return TimeSheet.objects.select_related("staff_member").get(
            pk=id, staff_member__employment_area_id=actor.employment_area_id
        )
    except (TimeSheet.DoesNotExist, ValueError, TypeError):
        raise NotFoundError("time sheet not found") from None


def staff_member_own_list(*, actor: User) -> QuerySet[StaffMember]:
    """The staff records of the area that are the actor themself."""
    return StaffMember.objects.filter(
        user_id=actor.pk, employment_area_id=actor.employment_area_id
    ).order_by("name")
