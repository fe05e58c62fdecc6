"""Budget lines, appropriations (with balances derived from the ledger), their decisions,
commitments and ledger entries."""

from typing import Any

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError
from kohtaanto.finance.models import (
    Appropriation,
    AppropriationDecision,
    BudgetLine,
    Commitment,
    LedgerEntry,
)
from kohtaanto.finance.selectors.scope import ZERO, _area_id, _get

_MONEY = DecimalField(max_digits=14, decimal_places=2)


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
