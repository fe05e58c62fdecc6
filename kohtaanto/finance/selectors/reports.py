"""Reports on the money: the year summary, the monthly burn, the reconciliation of cached
balances, the open obligations at the year end and the period totals for steering."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import F, Q, Sum
from django.db.models.functions import ExtractMonth
from django.utils.translation import gettext as _

from kohtaanto.finance.models import (
    Appropriation,
    BudgetLine,
    Commitment,
    CommitmentSource,
    CommitmentYearPart,
    LedgerEntry,
)
from kohtaanto.finance.selectors.ledger import appropriation_list
from kohtaanto.finance.selectors.scope import ZERO, _area_id


@dataclass
class Balances:
    amount: Decimal = ZERO
    committed: Decimal = ZERO
    paid: Decimal = ZERO

    @property
    def available(self) -> Decimal:
        return self.amount - self.committed

    @property
    def unpaid(self) -> Decimal:
        return self.committed - self.paid

    def add(self, other: "Balances") -> None:
        self.amount += other.amount
        self.committed += other.committed
        self.paid += other.paid


def balances(appropriation: Appropriation) -> Balances:
    """The ledger-derived balances of an appropriation from `appropriation_list`."""
    return Balances(
        amount=appropriation.ledger_amount,  # type: ignore[attr-defined]
        committed=appropriation.ledger_committed,  # type: ignore[attr-defined]
        paid=appropriation.ledger_paid,  # type: ignore[attr-defined]
    )


@dataclass
class LineSummary:
    line: BudgetLine
    rows: list[tuple[Appropriation, Balances]] = field(default_factory=list)
    total: Balances = field(default_factory=Balances)


@dataclass
class YearSummary:
    year: int
    lines: list[LineSummary]
    total: Balances


def year_summary(*, actor: Any, year: int) -> YearSummary:
    """Reserved / committed / paid / free per appropriation, per line and for the year."""
    by_line: dict[int, LineSummary] = {}
    total = Balances()
    for appropriation in appropriation_list(actor=actor, year=year):
        summary = by_line.setdefault(appropriation.line_id, LineSummary(line=appropriation.line))
        row = balances(appropriation)
        summary.rows.append((appropriation, row))
        summary.total.add(row)
        total.add(row)
    return YearSummary(year=year, lines=list(by_line.values()), total=total)


@dataclass(frozen=True)
class MonthPoint:
    month: int
    committed: Decimal
    paid: Decimal


def burn_series(*, actor: Any, year: int) -> list[MonthPoint]:
    """Cumulative committed and paid at the end of each month of the year.

    Entries booked before the year count in January, those after it in December.
    """
    qs = LedgerEntry.objects.filter(
        appropriation__employment_area_id=_area_id(actor), appropriation__year=year
    )
    before = qs.filter(booked_on__lt=date(year, 1, 1)).aggregate(
        c=Sum("committed_delta"), p=Sum("paid_delta")
    )
    after = qs.filter(booked_on__gt=date(year, 12, 31)).aggregate(
        c=Sum("committed_delta"), p=Sum("paid_delta")
    )
    monthly = {
        row["month"]: (row["c"], row["p"])
        for row in qs.filter(booked_on__year=year)
        .annotate(month=ExtractMonth("booked_on"))
        .values("month")
        .annotate(c=Sum("committed_delta"), p=Sum("paid_delta"))
        .order_by("month")
    }
    committed = before["c"] or ZERO
    paid = before["p"] or ZERO
    points = []
    for month in range(1, 13):
        c, p = monthly.get(month, (ZERO, ZERO))
        committed += c
        paid += p
        if month == 12:
            committed += after["c"] or ZERO
            paid += after["p"] or ZERO
        points.append(MonthPoint(month=month, committed=committed, paid=paid))
    return points


def reconciliation_differences(*, actor: Any, year: int) -> list[tuple[Appropriation, Balances]]:
    """Appropriations whose cached balances differ from the ledger (should be none)."""
    differences = []
    for appropriation in appropriation_list(actor=actor, year=year):
        derived = balances(appropriation)
        if (
            derived.amount != appropriation.amount
            or derived.committed != appropriation.committed
            or derived.paid != appropriation.paid
            or derived.available != appropriation.available
        ):
            differences.append((appropriation, derived))
    return differences


@dataclass
class OpenObligation:
    """Money still owed at the year end: a year's open part, by where it stands."""

    year: int
    description: str
    source: str
    amount: Decimal
    waiting: bool  # True: waits for that year's appropriation; False: carried-over unpaid part


def open_obligations(*, actor: Any, year: int) -> dict[int, list[OpenObligation]]:
    """Open obligations at the end of `year`, by the year they fall in.

    The year itself: unpaid parts of grant decisions and of multi-year commitments, which the
    year-end release leaves open (paid in January as carry-over). Later years: parts of
    commitments that span the year end and wait for those years' appropriations.
    """
    area_id = _area_id(actor)
    result: dict[int, list[OpenObligation]] = {}
    carried = (
        Commitment.objects.filter(
            appropriation__employment_area_id=area_id, appropriation__year=year
        )
        .filter(Q(source_type=CommitmentSource.GRANT_DECISION) | Q(year_parts__isnull=False))
        .filter(committed__gt=F("paid"))
        .distinct()
        .order_by("pk")
    )
    for commitment in carried:
        result.setdefault(year, []).append(
            OpenObligation(
                year=year,
                description=commitment.description,
                source=commitment.get_source_type_display(),
                amount=commitment.unpaid,
                waiting=False,
            )
        )
    waiting = (
        CommitmentYearPart.objects.filter(
            commitment__appropriation__employment_area_id=area_id,
            commitment__appropriation__year__lte=year,
            year__gt=year,
        )
        .filter(Q(booked__isnull=True))
        .select_related("commitment")
        .order_by("year", "pk")
    )
    for part in waiting:
        result.setdefault(part.year, []).append(
            OpenObligation(
                year=part.year,
                description=part.commitment.description,
                source=part.commitment.get_source_type_display(),
                amount=part.amount,
                waiting=True,
            )
        )
    return dict(sorted(result.items()))


def finance_period_totals(*, actor: Any, start: date, end: date) -> dict[str, Decimal]:
    """Money booked in the actor's area from `start` to `end` (inclusive), by ledger effect:
    money committed (net of releases) and paid (net of recoveries), reversals included.
    Empty when nothing was booked. Read by the programme's steering-group report."""
    totals = LedgerEntry.objects.filter(
        appropriation__employment_area_id=_area_id(actor), booked_on__gte=start, booked_on__lte=end
    ).aggregate(committed=Sum("committed_delta"), paid=Sum("paid_delta"), n=models.Count("id"))
    if not totals["n"]:
        return {}
    return {
        _("Sidottu kaudella"): totals["committed"] or Decimal("0.00"),
        _("Maksettu kaudella"): totals["paid"] or Decimal("0.00"),
    }
