"""The training report: volume, completion and placement rates, cost per placement."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Sum
from django.utils.translation import gettext as _

from kohtaanto.common.money import cents
from kohtaanto.training.models import Enrolment, Order
from kohtaanto.training.selectors.purchases import programme_list

ZERO = Decimal("0.00")


@dataclass
class ReportRow:
    """Volume and results of one programme (or one provider's programmes in all).

    Completion rate = completed / (completed + interrupted); placement rate = employed six
    months on / recorded outcomes; cost per placement = confirmed orders / employed.
    """

    name: str
    provider: str
    enrolled: int = 0
    completed: int = 0
    interrupted: int = 0
    outcomes: int = 0
    employed: int = 0
    cost: Decimal = ZERO

    @property
    def completion_rate(self) -> float | None:
        ended = self.completed + self.interrupted
        return self.completed / ended if ended else None

    @property
    def placement_rate(self) -> float | None:
        return self.employed / self.outcomes if self.outcomes else None

    @property
    def cost_per_placement(self) -> Decimal | None:
        return cents(self.cost / self.employed) if self.employed else None

    def add(self, other: "ReportRow") -> None:
        for name in ("enrolled", "completed", "interrupted", "outcomes", "employed", "cost"):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class TrainingReport:
    programmes: list[ReportRow]
    providers: list[ReportRow]
    total: ReportRow


def training_report(*, actor: Any) -> TrainingReport:
    """Per programme and per provider, in a constant number of queries."""
    actor.permissions.require("view_training_reports")
    programmes = list(programme_list(actor=actor).order_by("provider__name", "name_fi"))
    rows = {p.pk: ReportRow(name=p.name_fi, provider=p.provider.name) for p in programmes}
    enrolments = Enrolment.objects.filter(programme_id__in=rows).values_list(
        "programme_id", "status", "outcome"
    )
    for programme_id, status, outcome in enrolments:
        row = rows[programme_id]
        row.enrolled += 1
        row.completed += status == Enrolment.Status.COMPLETED
        row.interrupted += status == Enrolment.Status.INTERRUPTED
        row.outcomes += bool(outcome)
        row.employed += outcome == Enrolment.Outcome.EMPLOYED
    costs = (
        Order.objects.filter(programme_id__in=rows, status=Order.Status.CONFIRMED)
        .values("programme_id")
        .annotate(total=Sum("amount"))
    )
    for cost in costs:
        rows[cost["programme_id"]].cost = cost["total"]
    providers: dict[str, ReportRow] = {}
    total = ReportRow(name=_("Yhteensä"), provider="")
    for row in rows.values():
        providers.setdefault(row.provider, ReportRow(name=row.provider, provider=row.provider))
        providers[row.provider].add(row)
        total.add(row)
    return TrainingReport(
        programmes=list(rows.values()), providers=list(providers.values()), total=total
    )
