"""The financing plan and what the funder has decided and paid."""

from dataclasses import dataclass
from decimal import Decimal

from kohtaanto.programme import budget as money
from kohtaanto.programme.models import CostReport, FinancingPlan, Operation, PaymentDecision


@dataclass
class FinancingSummary:
    plan: FinancingPlan | None
    claimed: Decimal  # the latest submitted version of each period's claim
    accepted: Decimal  # what the funder's decisions accepted
    funder_share_due: Decimal  # the support rate of the accepted costs
    received: Decimal
    decisions: list[PaymentDecision]

    @property
    def still_owed(self) -> Decimal:
        """The funder's share of the accepted costs not yet paid."""
        return self.funder_share_due - self.received


def financing_summary(*, operation: Operation) -> FinancingSummary:
    """Claimed, accepted, due and received money of the operation's claims."""
    plan = (
        FinancingPlan.objects.filter(operation=operation)
        .prefetch_related("appropriations__line")
        .first()
    )
    claimed = money.ZERO
    seen: set[int] = set()
    for report in (
        CostReport.objects.filter(period__operation=operation, status=CostReport.Status.SUBMITTED)
        .order_by("period_id", "-version")
        .only("period_id", "figures")
    ):
        if report.period_id not in seen:
            seen.add(report.period_id)
            claimed += Decimal(report.figures["total"])
    decisions = list(
        PaymentDecision.objects.filter(cost_report__period__operation=operation)
        .select_related("cost_report__period")
        .order_by("cost_report__period__number", "cost_report__version")
    )
    return FinancingSummary(
        plan=plan,
        claimed=claimed,
        accepted=sum((d.accepted_total_eur for d in decisions), money.ZERO),
        funder_share_due=sum((d.funder_share_eur for d in decisions), money.ZERO),
        received=sum((d.paid_eur for d in decisions), money.ZERO),
        decisions=decisions,
    )
