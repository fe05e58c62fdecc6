"""Orders (with their later years' shares waiting for an appropriation) and the provider's
invoices."""

from datetime import date
from typing import Any

from ninja import Schema, Status

from kohtaanto.common.money import api_amount
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.training import selectors, services
from kohtaanto.training.api.common import Amount, router
from kohtaanto.training.models import Order, Provider


class OrderIn(Schema):
    agreement: int
    seats: int | None = None
    ordered_on: date | None = None
    confirm: bool = True


class OrderOut(Schema):
    id: int
    agreement: int
    programme: int
    seats: int
    amount: str
    invoiced: str
    ordered_on: date
    status: str
    commitments: dict[int, int]
    waiting_years: dict[int, str]
    # After a create or confirm: the provider's threshold warnings (see /warnings).
    threshold_warnings: list[str] = []


class InvoiceIn(Schema):
    number: str
    amount: Amount
    invoiced_on: date
    carry_over_reason: str = ""


def order_out(o: Order, waiting: dict[int, dict[int, str]] | None = None) -> dict[str, Any]:
    return {
        "id": o.pk,
        "agreement": o.agreement_id,
        "programme": o.programme_id,
        "seats": o.seats,
        "amount": api_amount(o.amount),
        "invoiced": api_amount(o.invoiced),
        "ordered_on": o.ordered_on,
        "status": o.status,
        "commitments": {c.year: c.commitment_id for c in o.commitments.all()},
        "waiting_years": (
            waiting.get(o.pk, {})
            if waiting is not None
            else {p.year: api_amount(p.amount) for p in services.order_waiting_parts(o)}
        ),
    }


def _with_warnings(
    request: AuthenticatedHttpRequest, body: dict[str, Any], order: Order
) -> dict[str, Any]:
    provider = Provider.objects.get(pk=order.agreement.provider_id)
    body["threshold_warnings"] = [
        w.message for w in selectors.threshold_warnings(actor=request.user, provider=provider)
    ]
    return body


@router.get("/orders", response=list[OrderOut])
def orders(request: AuthenticatedHttpRequest) -> Any:
    request.user.permissions.require("view_training")
    qs = selectors.order_list(actor=request.user).prefetch_related("commitments")
    waiting: dict[int, dict[int, str]] = {}
    for order_id, year, amount in selectors.waiting_year_parts(orders=qs):
        waiting.setdefault(order_id, {})[year] = api_amount(amount)
    return [order_out(o, waiting) for o in qs]


@router.post("/programmes/{id}/orders", response={201: OrderOut})
def order_create(request: AuthenticatedHttpRequest, id: int, data: OrderIn) -> Any:
    programme_ = selectors.programme_get_for_actor(actor=request.user, id=id)
    agreement = selectors.agreement_get_for_actor(actor=request.user, id=data.agreement)
    order = services.order_create(
        actor=request.user,
        agreement=agreement,
        programme=programme_,
        seats=data.seats,
        ordered_on=data.ordered_on,
        confirm=data.confirm,
    )
    return Status(201, _with_warnings(request, order_out(order), order))


@router.get("/orders/{id}", response=OrderOut)
def order(request: AuthenticatedHttpRequest, id: int) -> Any:
    return order_out(selectors.order_get_for_actor(actor=request.user, id=id))


@router.post("/orders/{id}/cancel", response=OrderOut)
def order_cancel(request: AuthenticatedHttpRequest, id: int) -> Any:
    """Cancel a draft, or a confirmed order nothing has been invoiced on (frees its money)."""
    order_ = selectors.order_get_for_actor(actor=request.user, id=id)
    return order_out(services.order_cancel(actor=request.user, order=order_))


@router.post("/orders/{id}/years/{year}/book", response=OrderOut)
def order_year_part_book(request: AuthenticatedHttpRequest, id: int, year: int) -> Any:
    """Book the order's waiting share of `year` on that year's appropriation."""
    order_ = selectors.order_get_for_actor(actor=request.user, id=id)
    services.order_year_part_book(actor=request.user, order=order_, year=year)
    return order_out(selectors.order_get_for_actor(actor=request.user, id=id))


@router.post("/orders/{id}/confirm", response=OrderOut)
def order_confirm(request: AuthenticatedHttpRequest, id: int) -> Any:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    confirmed = services.order_confirm(actor=request.user, order=order)
    return _with_warnings(request, order_out(confirmed), confirmed)


@router.post("/orders/{id}/invoices", response={201: OrderOut})
def invoice_create(request: AuthenticatedHttpRequest, id: int, data: InvoiceIn) -> Any:
    order = selectors.order_get_for_actor(actor=request.user, id=id)
    services.invoice_record(actor=request.user, order=order, **data.dict())
    return Status(201, order_out(selectors.order_get_for_actor(actor=request.user, id=id)))
