"""Reads of training procurement, always scoped to the actor (see permissions.py)."""

import json
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from django.db.models import Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.money import format_eur
from kohtaanto.employers.models import Company, SizeClass
from kohtaanto.finance.models import CommitmentYearPart
from kohtaanto.jobseekers.models import ConsentPurpose
from kohtaanto.jobseekers.selectors import valid_consents
from kohtaanto.taxonomy.models import Concept
from kohtaanto.training import gaps as gap_registry
from kohtaanto.training.models import (
    Agreement,
    EmployerInvoice,
    Enrolment,
    EnterpriseLink,
    LegalBasis,
    Order,
    OrderCommitment,
    ProcurementThreshold,
    Programme,
    Provider,
    ProviderMembership,
    ThresholdLevel,
)
from kohtaanto.training.optimiser import Candidate, solve
from kohtaanto.training.rules import RULES_FILE, effective_size_class, threshold_for
from kohtaanto.training.services import amount_parse

ZERO = Decimal("0.00")
# Recorded outcomes of a type needed before they replace the planning assumption.
MIN_OUTCOMES_FOR_RATE = 10


def _not_found() -> NotFoundError:
    return NotFoundError(_("Ei löytynyt."))


def _providers(actor: Any) -> QuerySet[Provider]:
    if not actor.permissions.can_view_training() or not actor.employment_area_id:
        return Provider.objects.none()
    qs = Provider.objects.filter(employment_area_id=actor.employment_area_id)
    if actor.role == Role.PARTNER:
        qs = qs.filter(memberships__user=actor)
    return qs


def provider_list(*, actor: Any) -> QuerySet[Provider]:
    return _providers(actor).order_by("name")


def provider_get_for_actor(*, actor: Any, id: int) -> Provider:
    provider = _providers(actor).filter(pk=id).first()
    if provider is None:
        raise _not_found()
    return provider


def provider_members(*, actor: Any, provider: Provider) -> QuerySet[ProviderMembership]:
    """The provider's partner users; only those who manage training see who they are."""
    if not actor.permissions.can_manage_training():
        return ProviderMembership.objects.none()
    return ProviderMembership.objects.filter(provider=provider).select_related(
        "user__partner_organisation"
    )


def provider_member_candidates(*, actor: Any, provider: Provider) -> QuerySet[User]:
    """Active partner users of the provider's area who are not yet its members."""
    if not actor.permissions.can_manage_training():
        return User.objects.none()
    return (
        User.objects.filter(
            role=Role.PARTNER, employment_area_id=provider.employment_area_id, is_active=True
        )
        .exclude(training_memberships__provider=provider)
        .select_related("partner_organisation")
        .order_by("last_name", "first_name", "username")
    )


def joint_purchase_companies(*, actor: Any, q: str = "") -> QuerySet[Company]:
    """The area's companies for joint-purchase training, with their enterprise links."""
    if not actor.permissions.can_manage_training() or not actor.employment_area_id:
        return Company.objects.none()
    qs = Company.objects.filter(employment_area_id=actor.employment_area_id)
    if q:
        qs = qs.filter(Q(name__icontains=q) | Q(business_id__icontains=q))
    return qs.prefetch_related("enterprise_links").order_by("name", "id")


def joint_purchase_company_get(*, actor: Any, id: int) -> Company:
    company = joint_purchase_companies(actor=actor).filter(pk=id).first()
    if company is None:
        raise _not_found()
    return company


@dataclass(frozen=True)
class CompanySize:
    """The size class a joint-purchase company has with its partner and linked enterprises
    counted in (Recommendation 2003/361/EC, Annex Art. 3 and 6): `code` and `label`, or
    `error` saying why none can be given."""

    code: str = ""
    label: str = ""
    error: str = ""


def company_size_class(*, actor: Any, company: Company) -> CompanySize:
    if not actor.permissions.can_manage_training():
        raise _not_found()
    try:
        code = effective_size_class(company)
    except DomainError as exc:
        return CompanySize(error=exc.message)
    return CompanySize(code=code, label=str(SizeClass(code).label))


def enterprise_link_get_for_actor(*, actor: Any, id: int) -> EnterpriseLink:
    link = (
        EnterpriseLink.objects.filter(pk=id, company__in=joint_purchase_companies(actor=actor))
        .select_related("company")
        .first()
    )
    if link is None:
        raise _not_found()
    return link


def agreement_list(*, actor: Any) -> QuerySet[Agreement]:
    return Agreement.objects.filter(provider__in=_providers(actor)).select_related("provider")


def agreement_get_for_actor(*, actor: Any, id: int) -> Agreement:
    agreement = agreement_list(actor=actor).filter(pk=id).first()
    if agreement is None:
        raise _not_found()
    return agreement


def programme_list(*, actor: Any) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(provider__in=_providers(actor))
        .select_related("provider", "company", "employer_invoice")
        .prefetch_related("skills__concept")
    )


def programme_get_for_actor(*, actor: Any, id: int) -> Programme:
    programme = programme_list(actor=actor).filter(pk=id).first()
    if programme is None:
        raise _not_found()
    return programme


def order_list(*, actor: Any) -> QuerySet[Order]:
    return Order.objects.filter(agreement__provider__in=_providers(actor)).select_related(
        "agreement__provider", "programme"
    )


def waiting_year_parts(*, orders: QuerySet[Order]) -> list[tuple[int, int, Decimal]]:
    """(order id, year, amount) of the orders' later years' shares still waiting for their
    year's appropriation, in two queries whatever the number of orders."""
    links = dict(
        OrderCommitment.objects.filter(order__in=orders).values_list("commitment_id", "order_id")
    )
    parts = CommitmentYearPart.objects.filter(
        commitment_id__in=list(links), booked__isnull=True
    ).order_by("year")
    return [(links[p.commitment_id], p.year, p.amount) for p in parts]


def order_get_for_actor(*, actor: Any, id: int) -> Order:
    order = order_list(actor=actor).filter(pk=id).first()
    if order is None:
        raise _not_found()
    return order


def employer_invoice_for(*, actor: Any, programme: Programme) -> EmployerInvoice | None:
    """The invoice of the employer's share of a programme the actor sees (from
    `programme_get_for_actor`), or None when it has not been invoiced."""
    if not actor.permissions.can_view_provider(programme.provider):
        return None
    return EmployerInvoice.objects.filter(programme=programme).select_related("company").first()


def enrolment_list(*, actor: Any, programme: Programme) -> QuerySet[Enrolment]:
    """The programme's enrolments the actor may see.

    Finance sees none (no personal data needed); a partner user only persons with a valid
    consent to share their data with the provider's partner organisation, and companies' own
    employees. No identity code is ever selected.
    """
    qs = Enrolment.objects.filter(programme=programme).select_related("job_seeker")
    if actor.role == Role.FINANCE:
        return qs.none()
    if actor.role == Role.PARTNER:
        organisation = programme.provider.partner_organisation_id
        consenting = valid_consents().filter(
            purpose=ConsentPurpose.SHARE_WITH_PARTNER, partner_organisation_id=organisation
        )
        qs = qs.filter(
            Q(job_seeker__isnull=True)
            | Q(
                job_seeker__in=consenting.values("job_seeker"),
                job_seeker__pseudonymised_at__isnull=True,
            )
        )
    return qs.defer("job_seeker__identity_code_encrypted", "job_seeker__identity_code_digest")


def enrolment_get_for_actor(*, actor: Any, id: int) -> Enrolment:
    enrolment = Enrolment.objects.filter(pk=id).select_related("programme__provider").first()
    if enrolment is None:
        raise _not_found()
    programme = programme_list(actor=actor).filter(pk=enrolment.programme_id).first()
    if (
        programme is None
        or not enrolment_list(actor=actor, programme=programme).filter(pk=id).exists()
    ):
        raise _not_found()
    return enrolment


def threshold_list() -> QuerySet[ProcurementThreshold]:
    """Every threshold row with its validity and source (public data, not per area)."""
    return ProcurementThreshold.objects.order_by("level", "contract_type", "valid_from")


# --- thresholds ------------------------------------------------------------------------------

# The threshold a basis must stay under: a purchase below the national threshold must stay
# below it; a direct award past the EU threshold falls under the EU rules (§ 40) instead.
BASIS_LIMIT: dict[str, str] = {
    LegalBasis.BELOW_THRESHOLD.value: ThresholdLevel.NATIONAL.value,
    LegalBasis.DIRECT_AWARD.value: ThresholdLevel.EU.value,
}


@dataclass(frozen=True)
class ThresholdWarning:
    provider: str
    legal_basis: str
    total: Decimal
    threshold: Decimal
    source: str

    @property
    def message(self) -> str:
        return _(
            "Järjestäjän %(provider)s tilaukset perusteella ”%(basis)s” ovat yhteensä "
            "%(total)s, mikä ylittää kynnysarvon %(threshold)s (%(source)s)."
        ) % {
            "provider": self.provider,
            "basis": LegalBasis(self.legal_basis).label,
            "total": format_eur(self.total),
            "threshold": format_eur(self.threshold),
            "source": self.source,
        }


def threshold_warnings(
    *, actor: Any, on: date | None = None, provider: Provider | None = None
) -> list[ThresholdWarning]:
    """Providers (or the one given) whose confirmed orders under one basis add up past the
    basis's threshold in force on `on`."""
    on = on or timezone.localdate()
    orders = order_list(actor=actor)
    if provider is not None:
        orders = orders.filter(agreement__provider=provider)
    totals = (
        orders.filter(status=Order.Status.CONFIRMED, agreement__legal_basis__in=list(BASIS_LIMIT))
        .values("agreement__provider__name", "agreement__legal_basis", "agreement__contract_type")
        .annotate(total=Sum("amount"))
        .order_by("agreement__provider__name", "agreement__legal_basis")
    )
    warnings = []
    for row in totals:
        basis = row["agreement__legal_basis"]
        threshold = threshold_for(
            level=BASIS_LIMIT[basis], contract_type=row["agreement__contract_type"], on=on
        )
        if threshold is not None and row["total"] > threshold.amount:
            warnings.append(
                ThresholdWarning(
                    provider=row["agreement__provider__name"],
                    legal_basis=basis,
                    total=row["total"],
                    threshold=threshold.amount,
                    source=threshold.source,
                )
            )
    return warnings


# --- skill gaps → programmes (used by matching) ---------------------------------------------


@dataclass(frozen=True)
class GapCover:
    programme: Programme
    covered: tuple[int, ...]
    share: float  # of the gap's concepts that the programme teaches, 0..1


def programmes_for_gap(
    *, actor: Any, concept_ids: list[int], on: date | None = None
) -> list[GapCover]:
    """Programmes starting on or after `on` that teach any of the concepts, ranked by the share
    of the gap they close (then the earliest start, then the name)."""
    wanted = set(concept_ids)
    if not wanted:
        return []
    on = on or timezone.localdate()
    programmes = (
        programme_list(actor=actor)
        .filter(starts_on__gte=on, skills__concept_id__in=wanted)
        .distinct()
    )
    covers = []
    for programme in programmes:
        covered = tuple(sorted({s.concept_id for s in programme.skills.all()} & wanted))
        covers.append(GapCover(programme, covered, len(covered) / len(wanted)))
    covers.sort(key=lambda c: (-c.share, c.programme.starts_on, c.programme.name_fi))
    return covers


# --- the purchase plan -----------------------------------------------------------------------


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
    on = on or timezone.localdate()
    agreements = list(
        Agreement.objects.filter(provider__employment_area=area, status=Agreement.Status.ACTIVE)
        .select_related("provider")
        .order_by("starts_on")
    )
    limits: dict[int, Decimal] = defaultdict(lambda: ZERO)
    for agreement in agreements:
        limits[agreement.provider_id] += agreement.remaining
    programmes = list(
        Programme.objects.filter(provider__employment_area=area, starts_on__gte=on)
        .select_related("provider", "company")
        .prefetch_related("skills__concept")
        .exclude(orders__status__in=[Order.Status.DRAFT, Order.Status.CONFIRMED])
    )
    rates = placement_rates(area_id=area.pk)
    candidates: list[Candidate] = []
    by_key: dict[int, tuple[Programme, Agreement]] = {}
    for programme in programmes:
        covering = _agreement_for(programme, agreements)
        if covering is None:
            continue
        by_key[programme.pk] = (programme, covering)
        candidates.append(
            Candidate(
                key=programme.pk,
                provider=programme.provider_id,
                cost_per_seat=programme.area_price / programme.seats,
                max_seats=programme.seats,
                min_group=programme.min_group,
                concept_ids=tuple(s.concept_id for s in programme.skills.all()),
                placement_rate=rates.get(programme.type, 0.0),
            )
        )
    solution = solve(
        candidates=candidates,
        shortfalls={g.concept_id: g.shortfall for g in gaps},
        budget=amount,
        provider_limits=dict(limits),
    )
    concepts = Concept.objects.in_bulk({j for p in solution.purchases for j in p.gaps_closed})
    plan = Plan(budget=amount, status=solution.status, gap_count=len(gaps))
    if solution.status == "empty":
        plan.message = _(
            "Yksikään tarjolla oleva koulutus ei opeta alueella puuttuvia taitoja budjetin "
            "ja sopimusten rajoissa."
        )
    for purchase in solution.purchases:
        programme, agreement = by_key[purchase.key]
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


# --- reports ---------------------------------------------------------------------------------


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
        return (self.cost / self.employed).quantize(Decimal("0.01")) if self.employed else None

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
