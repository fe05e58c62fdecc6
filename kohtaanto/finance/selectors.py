"""Reads for views, the API, exports and reports — always scoped to the actor's area.

Balances shown to people are derived from the ledger (decisions and entries) here, not read
from the cached columns; `reconciliation_differences` compares the two.
"""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import DecimalField, F, OuterRef, Q, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.finance.models import (
    ApplicationLink,
    Appropriation,
    AppropriationDecision,
    BudgetLine,
    Commitment,
    CommitmentSource,
    CommitmentYearPart,
    DecisionDelegation,
    DeMinimisCeiling,
    FinancePolicy,
    GrantApplication,
    GrantDecision,
    GrantPaymentClaim,
    GrantScheme,
    LedgerEntry,
    SchemeRule,
)

ZERO = Decimal("0.00")
_MONEY = DecimalField(max_digits=14, decimal_places=2)


def _area_id(actor: Any) -> int | None:
    return getattr(actor, "employment_area_id", None)


def _get(queryset: QuerySet, id: Any) -> Any:
    # Django answers an id beyond the column's range as a miss, on SQLite and PostgreSQL alike.
    try:
        return queryset.get(pk=int(id))
    except (ValueError, TypeError, queryset.model.DoesNotExist) as exc:
        raise NotFoundError(_("Ei löytynyt.")) from exc


# --- budget lines and appropriations -------------------------------------------------------


def budget_line_list(*, actor: Any) -> QuerySet[BudgetLine]:
    return BudgetLine.objects.filter(employment_area_id=_area_id(actor)).order_by("code")


def budget_line_by_code(*, actor: Any, code: str) -> BudgetLine:
    """The actor's line with this code; DomainError naming the known codes otherwise."""
    lines = list(budget_line_list(actor=actor))
    for line in lines:
        if line.code == code:
            return line
    raise DomainError(
        _('Tuntematon budjettirivi "%(code)s". Käytettävissä: %(known)s.')
        % {"code": code, "known": ", ".join(line.code for line in lines) or "–"}
    )


def _sum_subquery(queryset: QuerySet, field_name: str) -> Coalesce:
    total = queryset.values("appropriation").annotate(total=Sum(field_name)).values("total")
    return Coalesce(Subquery(total, output_field=_MONEY), Value(ZERO), output_field=_MONEY)


def appropriation_list(
    *, actor: Any, year: int | None = None, line: BudgetLine | None = None
) -> QuerySet[Appropriation]:
    """Appropriations with `ledger_amount`, `ledger_committed` and `ledger_paid` derived from
    the decisions and the ledger (one query)."""
    qs = Appropriation.objects.filter(employment_area_id=_area_id(actor)).select_related("line")
    if year is not None:
        qs = qs.filter(year=year)
    if line is not None:
        qs = qs.filter(line=line)
    return qs.annotate(
        ledger_amount=_sum_subquery(
            AppropriationDecision.objects.filter(appropriation=OuterRef("pk")), "amount"
        ),
        ledger_committed=_sum_subquery(
            LedgerEntry.objects.filter(appropriation=OuterRef("pk")), "committed_delta"
        ),
        ledger_paid=_sum_subquery(
            LedgerEntry.objects.filter(appropriation=OuterRef("pk")), "paid_delta"
        ),
    ).order_by("line__code", "name", "id")


def appropriation_get_for_actor(*, actor: Any, id: Any) -> Appropriation:
    return _get(appropriation_list(actor=actor), id)


def appropriation_years(*, actor: Any) -> list[int]:
    return sorted(
        set(
            Appropriation.objects.filter(employment_area_id=_area_id(actor)).values_list(
                "year", flat=True
            )
        ),
        reverse=True,
    )


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


def appropriation_decision_list(*, appropriation: Appropriation) -> QuerySet[AppropriationDecision]:
    return appropriation.decisions.select_related("recorded_by").order_by("decided_on", "id")


def appropriation_decisions_of_year(*, actor: Any, year: int) -> QuerySet[AppropriationDecision]:
    return (
        AppropriationDecision.objects.filter(
            appropriation__employment_area_id=_area_id(actor), appropriation__year=year
        )
        .select_related("appropriation")
        .order_by("decided_on", "id")
    )


# --- commitments and entries ---------------------------------------------------------------


def commitment_list(
    *, actor: Any, appropriation: Appropriation | None = None, year: int | None = None
) -> QuerySet[Commitment]:
    qs = Commitment.objects.filter(
        appropriation__employment_area_id=_area_id(actor)
    ).select_related("appropriation__line", "scheme", "created_by")
    if appropriation is not None:
        qs = qs.filter(appropriation=appropriation)
    if year is not None:
        qs = qs.filter(appropriation__year=year)
    return qs.order_by("created_at", "id")


def commitment_get_for_actor(*, actor: Any, id: Any) -> Commitment:
    return _get(commitment_list(actor=actor), id)


def ledger_entry_list(
    *,
    actor: Any,
    appropriation: Appropriation | None = None,
    commitment: Commitment | None = None,
    year: int | None = None,
) -> QuerySet[LedgerEntry]:
    qs = LedgerEntry.objects.filter(
        appropriation__employment_area_id=_area_id(actor)
    ).select_related("appropriation__line", "commitment", "created_by", "reverses", "reversed_by")
    if appropriation is not None:
        qs = qs.filter(appropriation=appropriation)
    if commitment is not None:
        qs = qs.filter(commitment=commitment)
    if year is not None:
        qs = qs.filter(appropriation__year=year)
    return qs.order_by("booked_on", "id")


def ledger_entry_get_for_actor(*, actor: Any, id: Any) -> LedgerEntry:
    return _get(ledger_entry_list(actor=actor), id)


# --- grant schemes ---------------------------------------------------------------------------


def grant_scheme_list(*, actor: Any, active_only: bool = False) -> QuerySet[GrantScheme]:
    qs = GrantScheme.objects.filter(employment_area_id=_area_id(actor)).select_related("line")
    if active_only:
        qs = qs.filter(is_active=True)
    return qs.order_by("name")


def grant_scheme_get_for_actor(*, actor: Any, id: Any) -> GrantScheme:
    return _get(grant_scheme_list(actor=actor), id)


def scheme_rule_list(*, scheme: GrantScheme) -> QuerySet[SchemeRule]:
    return scheme.rules.order_by("category", "valid_from")


def scheme_rule_for(*, scheme: GrantScheme, category: str, on: date) -> SchemeRule | None:
    """The rule of `category` in force on `on` (the employment's first day)."""
    return (
        scheme.rules.filter(category=category, valid_from__lte=on)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def scheme_categories(*, scheme: GrantScheme) -> list[tuple[str, str]]:
    """(category, label) of the scheme, the latest label of each."""
    labels: dict[str, str] = {}
    for rule in scheme.rules.order_by("valid_from"):
        labels[rule.category] = rule.label
    return sorted(labels.items(), key=lambda item: item[1])


def de_minimis_ceiling_on(day: date) -> DeMinimisCeiling | None:
    return (
        DeMinimisCeiling.objects.filter(valid_from__lte=day)
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=day))
        .order_by("-valid_from")
        .first()
    )


def de_minimis_own_aid(
    *, business_id: str, linked_business_ids: list[str] | tuple[str, ...] = ()
) -> list[tuple[date, Decimal]]:
    """De minimis aid that employment areas granted to the single undertaking: the business id
    and the enterprises linked with it (Regulation (EU) 2023/2831, Art. 2(2): the ceiling is
    per single undertaking, not per grantor or per company)."""
    ids = {business_id, *linked_business_ids}
    return list(
        GrantDecision.objects.filter(
            outcome=GrantDecision.Outcome.APPROVED,
            application__scheme__de_minimis=True,
            application__company__business_id__in=ids,
        ).values_list("granted_on", "amount")
    )


def scheme_waiting_parts(scheme: GrantScheme) -> Decimal:
    """Later years' parts of the scheme's decisions not yet booked: they keep their envelope."""
    total = CommitmentYearPart.objects.filter(
        commitment__scheme=scheme, booked__isnull=True
    ).aggregate(s=Sum("amount"))["s"]
    return total or ZERO


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


def decision_delegation_on(*, official: Any, area_id: int | None, on: date) -> Any:
    """The delegation in force on `on` on which `official` decides grants, or None."""
    return (
        DecisionDelegation.objects.filter(
            official=official, employment_area_id=area_id, valid_from__lte=on
        )
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .order_by("-valid_from")
        .first()
    )


def four_eyes_required(*, area_id: int | None) -> bool:
    """The area's four-eyes setting for payments (on unless the area has turned it off)."""
    policy = FinancePolicy.objects.filter(employment_area_id=area_id).first()
    return True if policy is None else policy.four_eyes


@dataclass
class CompanyDeMinimis:
    """A company's de minimis aid today: the area's own grants, the latest declaration of
    other aid, and the rolling-period position (None when no ceiling is configured)."""

    decisions: list[GrantDecision]
    declared: list[dict[str, Any]]
    declared_on: Any
    position: Any


def company_de_minimis(*, actor: Any, company: Any) -> CompanyDeMinimis:
    from django.utils import timezone

    from kohtaanto.finance.eligibility import de_minimis_position

    if company.employment_area_id != _area_id(actor):
        raise NotFoundError(_("Ei löytynyt."))
    decisions = list(
        GrantDecision.objects.filter(
            outcome=GrantDecision.Outcome.APPROVED,
            application__scheme__de_minimis=True,
            application__company=company,
        )
        .select_related("application__scheme")
        .order_by("-granted_on", "-id")
    )
    latest = (
        GrantApplication.objects.filter(company=company, scheme__de_minimis=True)
        .order_by("-received_at", "-id")
        .first()
    )
    declared = [
        {
            "granted_on": date.fromisoformat(row["granted_on"]),
            "amount": Decimal(row["amount"]),
            "grantor": row.get("grantor", ""),
        }
        for row in (latest.other_de_minimis if latest else [])
    ]
    today = timezone.localdate()
    ceiling = de_minimis_ceiling_on(today)
    position = None
    if ceiling is not None:
        position = de_minimis_position(
            ceiling=ceiling.ceiling,
            period_years=ceiling.period_years,
            grant_date=today,
            own_aid=de_minimis_own_aid(business_id=company.business_id),
            declared_aid=[(row["granted_on"], row["amount"]) for row in declared],
            requested=ZERO,
        )
    return CompanyDeMinimis(
        decisions=decisions,
        declared=declared,
        declared_on=latest.received_at if latest else None,
        position=position,
    )


# --- applications, decisions, claims --------------------------------------------------------


def grant_application_list(
    *, actor: Any, scheme: GrantScheme | None = None, status: str | None = None
) -> QuerySet[GrantApplication]:
    qs = GrantApplication.objects.filter(employment_area_id=_area_id(actor)).select_related(
        "scheme", "company", "entered_by"
    )
    if scheme is not None:
        qs = qs.filter(scheme=scheme)
    if status:
        qs = qs.filter(status=status)
    return qs.order_by("received_at", "id")


def grant_application_get_for_actor(*, actor: Any, id: Any) -> GrantApplication:
    return _get(grant_application_list(actor=actor).select_related("scheme__line"), id)


def application_link_list(*, actor: Any) -> QuerySet[ApplicationLink]:
    return (
        ApplicationLink.objects.filter(scheme__employment_area_id=_area_id(actor))
        .select_related("scheme", "company", "created_by", "revoked_by")
        .order_by("-created_at", "-id")
    )


def application_link_get_for_actor(*, actor: Any, id: Any) -> ApplicationLink:
    return _get(application_link_list(actor=actor), id)


def _earlier_pending(application: GrantApplication) -> QuerySet[GrantApplication]:
    return GrantApplication.objects.filter(
        scheme_id=application.scheme_id,
        status=GrantApplication.Status.RECEIVED,
        eligible=True,
        # An application from a public link claims nothing until staff have checked it.
        checked_at__isnull=False,
    ).filter(
        Q(received_at__lt=application.received_at)
        | Q(received_at=application.received_at, pk__lt=application.pk)
    )


def first_come_priority(application: GrantApplication) -> Decimal:
    """The maximum amounts of eligible, checked applications that arrived earlier and still
    wait (first-come rule, SECURITY.md)."""
    if not application.scheme.first_come:
        return ZERO
    total = _earlier_pending(application).aggregate(s=Sum("maximum_amount"))["s"]
    return total or ZERO


def queue_position(application: GrantApplication) -> int:
    """1 = the first of the waiting eligible applications of the scheme."""
    return _earlier_pending(application).count() + 1


def grant_decision_get_for_actor(*, actor: Any, id: Any) -> GrantDecision:
    return _get(
        GrantDecision.objects.filter(
            application__employment_area_id=_area_id(actor)
        ).select_related("application__scheme", "application__company", "commitment", "decided_by"),
        id,
    )


def grant_claim_list(*, decision: GrantDecision) -> QuerySet[GrantPaymentClaim]:
    return decision.claims.select_related("payment", "handled_by").order_by("period_start", "id")


def grant_claim_get_for_actor(*, actor: Any, id: Any) -> GrantPaymentClaim:
    return _get(
        GrantPaymentClaim.objects.filter(
            decision__application__employment_area_id=_area_id(actor)
        ).select_related("decision__application__scheme", "decision__commitment"),
        id,
    )


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
