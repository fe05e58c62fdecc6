"""The steering group's period summary."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db.models import Count, Q

from kohtaanto.accounts.models import User
from kohtaanto.programme import budget as money
from kohtaanto.programme.indicators import (
    CountedRow,
)
from kohtaanto.programme.models import (
    ActivityEntry,
    CostReport,
    Operation,
    OperationCompany,
)
from kohtaanto.programme.selectors.indicators import indicator_table
from kohtaanto.programme.selectors.operations import budget_for_operation
from kohtaanto.programme.selectors.rules import rules_book

# --- Steering-group report ----------------------------------------------------------------


@dataclass
class MoneySummary:
    budget_total: Decimal
    claimed_total: Decimal
    finance: dict[str, Decimal] | None  # from the finance app when it provides totals


def finance_totals(*, actor: User, start: date, end: date) -> dict[str, Decimal] | None:
    """Money booked by the finance app in the period, or None when nothing was booked."""
    from kohtaanto.finance.selectors import finance_period_totals

    return finance_period_totals(actor=actor, start=start, end=end) or None


def money_summary(*, actor: User, operation: Operation, start: date, end: date) -> MoneySummary:
    book = rules_book()
    claimed = money.ZERO
    seen: set[int] = set()
    for report in (
        CostReport.objects.filter(
            period__operation=operation,
            status=CostReport.Status.SUBMITTED,
            period__end_date__lte=end,
        )
        .order_by("period_id", "-version")
        .only("period_id", "figures")
    ):
        if report.period_id not in seen:
            seen.add(report.period_id)
            claimed += Decimal(report.figures["total"])
    return MoneySummary(
        budget_total=budget_for_operation(operation=operation, book=book).total,
        claimed_total=claimed,
        finance=finance_totals(actor=actor, start=start, end=end),
    )


@dataclass
class SteeringSummary:
    operation: Operation
    start: date
    end: date
    participants: int
    participants_by_gender: dict[str, int]
    participants_cumulative: int
    placements: int  # EECR04: in employment, incl. self-employment, upon leaving
    companies_linked: int
    companies_supported: int
    company_visits: int
    trainings: int
    activity_by_kind: dict[str, int]
    money: MoneySummary
    indicators: Sequence[CountedRow]


def steering_summary(
    *, actor: User, operation: Operation, start: date, end: date
) -> SteeringSummary:
    """The steering group's period summary: participants, companies, trainings, placements,
    money and the common indicators."""
    book = rules_book()
    table = indicator_table(operation=operation, start=start, end=end, book=book)
    rows = {r.code: r for r in table}
    cumulative = indicator_table(
        operation=operation, start=operation.start_date, end=end, book=book
    )
    activity = ActivityEntry.objects.filter(
        employment_area_id=operation.employment_area_id, date__gte=start, date__lte=end
    ).filter(Q(operation=operation) | Q(operation__isnull=True))
    by_kind: dict[str, int] = dict.fromkeys(ActivityEntry.Kind.values, 0)
    for row in activity.values("kind").annotate(n=Count("id")):
        by_kind[row["kind"]] = row["n"]
    links = OperationCompany.objects.filter(operation=operation)
    return SteeringSummary(
        operation=operation,
        start=start,
        end=end,
        participants=rows["EECO01"].total,
        participants_by_gender={
            "woman": rows["EECO01"].women or 0,
            "man": rows["EECO01"].men or 0,
            "non_binary": rows["EECO01"].non_binary or 0,
        },
        participants_cumulative=next(r for r in cumulative if r.code == "EECO01").total,
        placements=rows["EECR04"].total,
        companies_linked=links.count(),
        companies_supported=rows["EECO18"].total + rows["EECO19"].total,
        company_visits=by_kind[ActivityEntry.Kind.COMPANY_VISIT],
        trainings=by_kind[ActivityEntry.Kind.TRAINING],
        activity_by_kind=by_kind,
        money=money_summary(actor=actor, operation=operation, start=start, end=end),
        indicators=table,
    )
