"""Agreements, programmes, orders (with their later years' shares) and the employer's share
invoice, as the actor sees them."""

from decimal import Decimal
from typing import Any

from django.db.models import QuerySet

from kohtaanto.finance.models import CommitmentYearPart
from kohtaanto.training.models import (
    Agreement,
    EmployerInvoice,
    Order,
    OrderCommitment,
    Programme,
)
from kohtaanto.training.selectors.common import not_found, visible_providers


def agreement_list(*, actor: Any) -> QuerySet[Agreement]:
    return Agreement.objects.filter(provider__in=visible_providers(actor)).select_related(
        "provider"
    )


def agreement_get_for_actor(*, actor: Any, id: int) -> Agreement:
    agreement = agreement_list(actor=actor).filter(pk=id).first()
    if agreement is None:
        raise not_found()
    return agreement


def programme_list(*, actor: Any) -> QuerySet[Programme]:
    return (
        Programme.objects.filter(provider__in=visible_providers(actor))
        .select_related("provider", "company", "employer_invoice")
        .prefetch_related("skills__concept")
    )


def programme_get_for_actor(*, actor: Any, id: int) -> Programme:
    programme = programme_list(actor=actor).filter(pk=id).first()
    if programme is None:
        raise not_found()
    return programme


def order_list(*, actor: Any) -> QuerySet[Order]:
    return Order.objects.filter(agreement__provider__in=visible_providers(actor)).select_related(
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
        raise not_found()
    return order


def employer_invoice_for(*, actor: Any, programme: Programme) -> EmployerInvoice | None:
    """The invoice of the employer's share of a programme the actor sees (from
    `programme_get_for_actor`), or None when it has not been invoiced."""
    if not actor.permissions.can_view_provider(programme.provider):
        return None
    return EmployerInvoice.objects.filter(programme=programme).select_related("company").first()
