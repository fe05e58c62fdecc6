"""The purchase plan: what to buy with a budget for the most expected placements into the
area's skill gaps (the model is in optimiser.py)."""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import gaps as gap_registry
from kohtaanto.training.models import Agreement, Enrolment, Order, Programme
from kohtaanto.training.optimiser import Candidate, Solution, solve
from kohtaanto.training.rules import RULES_FILE
from kohtaanto.training.services import amount_parse

ZERO = Decimal("0.00")
# Recorded outcomes of a type needed before they replace the planning assumption.
MIN_OUTCOMES_FOR_RATE = 10


@cache
def _default_rates() -> tuple[dict[str, float], str]:
    data = json.loads(RULES_FILE.read_text(encoding="utf-8"))["placement_rates"]
    return {k: float(v) for k, v in data["rates"].items()}, data["source"]


def placement_rates(*, area_id: int) -> dict[str, float]:
    """Expected share of graduates in work six months on, by programme type: the area's own
    recorded outcomes where at least MIN_OUTCOMES_FOR_RATE exist, else the planning assumption
    in data/rules.json."""
    rates = dict(_default_rates()[0])
    counts: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    rows = (
        Enrolment.objects.filter(programme__provider__employment_area_id=area_id)
        .exclude(outcome="")
        .values_list("programme__type", "outcome")
    )
    for type_, outcome in rows:
        counts[type_][0] += 1
        counts[type_][1] += outcome == Enrolment.Outcome.EMPLOYED
    for type_, (total, employed) in counts.items():
        if total >= MIN_OUTCOMES_FOR_RATE:
            rates[type_] = employed / total
    return rates


@dataclass
class PlannedPurchase:
    programme: Programme
    agreement: Agreement
    seats: int
    cost: Decimal
    expected_placements: float
    gaps: list[tuple[Concept, float]]

    @property
    def placements_per_10k(self) -> float:
        return self.expected_placements / float(self.cost) * 10000 if self.cost else 0.0


@dataclass
class Plan:
    budget: Decimal
    status: str
    message: str = ""
    purchases: list[PlannedPurchase] = field(default_factory=list)
    cost: Decimal = ZERO
    expected_placements: float = 0.0
    gap_count: int = 0

    def as_dict(self) -> dict[str, Any]:
        return {
            "budget": str(self.budget),
            "cost": str(self.cost),
            "expected_placements": self.expected_placements,
            "purchases": [
                {"programme": p.programme.name_fi, "seats": p.seats, "cost": str(p.cost)}
                for p in self.purchases
            ],
        }


def _agreement_for(programme: Programme, agreements: list[Agreement]) -> Agreement | None:
    for agreement in agreements:
        if (
            agreement.provider_id == programme.provider_id
            and agreement.starts_on <= programme.starts_on
            and programme.ends_on <= agreement.ends_on
        ):
            return agreement
    return None


def training_plan(*, actor: Any, budget: Any, on: date | None = None) -> Plan:
    """What to buy with `budget` for the most expected placements into the actor's area's gaps.

    Candidates: programmes starting on or after `on`, not yet ordered, under an active
    agreement that covers their dates. See optimiser.py for the model.
    """
    actor.permissions.require("plan_training")
    return area_training_plan(area=actor.employment_area, budget=budget, on=on)


def _candidates(
    area: Any, on: date, agreements: list[Agreement]
) -> dict[int, tuple[Candidate, Programme, Agreement]]:
    """The area's programmes starting on or after `on`, not yet ordered, under an active
    agreement that covers their dates, as the optimiser's candidates (by programme id)."""
    programmes = (
        Programme.objects.filter(provider__employment_area=area, starts_on__gte=on)
        .select_related("provider", "company")
        .prefetch_related("skills__concept")
        .exclude(orders__status__in=[Order.Status.DRAFT, Order.Status.CONFIRMED])
    )
    rates = placement_rates(area_id=area.pk)
    found: dict[int, tuple[Candidate, Programme, Agreement]] = {}
    for programme in programmes:
        covering = _agreement_for(programme, agreements)
        if covering is None:
            continue
        candidate = Candidate(
            key=programme.pk,
            provider=programme.provider_id,
            cost_per_seat=programme.area_price / programme.seats,
            max_seats=programme.seats,
            min_group=programme.min_group,
            concept_ids=tuple(s.concept_id for s in programme.skills.all()),
            placement_rate=rates.get(programme.type, 0.0),
        )
        found[programme.pk] = (candidate, programme, covering)
    return found


def _plan(
    amount: Decimal,
    gap_count: int,
    solution: Solution,
    chosen: dict[int, tuple[Candidate, Programme, Agreement]],
) -> Plan:
    """The optimiser's solution as purchases of programmes under agreements, with the gaps
    each one closes (largest first)."""
    concepts = Concept.objects.in_bulk({j for p in solution.purchases for j in p.gaps_closed})
    plan = Plan(budget=amount, status=solution.status, gap_count=gap_count)
    if solution.status == "empty":
        plan.message = _(
            "Yksikään tarjolla oleva koulutus ei opeta alueella puuttuvia taitoja budjetin "
            "ja sopimusten rajoissa."
        )
    for purchase in solution.purchases:
        _candidate, programme, agreement = chosen[purchase.key]
        plan.purchases.append(
            PlannedPurchase(
                programme=programme,
                agreement=agreement,
                seats=purchase.seats,
                cost=purchase.cost,
                expected_placements=purchase.expected_placements,
                gaps=[
                    (concepts[j], placed)
                    for j, placed in sorted(purchase.gaps_closed.items(), key=lambda kv: -kv[1])
                    if j in concepts
                ],
            )
        )
    plan.cost = sum((p.cost for p in plan.purchases), ZERO)
    plan.expected_placements = round(sum(p.expected_placements for p in plan.purchases), 2)
    return plan


def area_training_plan(*, area: Any, budget: Any, on: date | None = None) -> Plan:
    """The plan for a whole area (the `training-plan` command; pages use `training_plan`)."""
    amount = amount_parse(budget, label=_("Budjetti"), field="budget")
    gaps = gap_registry.area_gaps(area)
    if gaps is None:
        return Plan(
            budget=amount,
            status="no_gaps",
            message=_(
                "Alueen osaamisvajeista ei ole tietoa (osaamisvajeiden lähdettä ei ole "
                "kytketty), joten ostosuunnitelmaa ei voi laskea."
            ),
        )
    agreements = list(
        Agreement.objects.filter(provider__employment_area=area, status=Agreement.Status.ACTIVE)
        .select_related("provider")
        .order_by("starts_on")
    )
    # What each provider may still be ordered for under its agreements' ceilings.
    limits: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for agreement in agreements:
        limits[agreement.provider_id] += agreement.remaining
    chosen = _candidates(area, on or timezone.localdate(), agreements)
    solution = solve(
        candidates=[candidate for candidate, _p, _a in chosen.values()],
        shortfalls={g.concept_id: g.shortfall for g in gaps},
        budget=amount,
        provider_limits=dict(limits),
    )
    return _plan(amount, len(gaps), solution, chosen)
