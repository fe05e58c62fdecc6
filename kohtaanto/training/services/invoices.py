"""Invoices: the provider's invoice paid on the order's commitment of its year, and the
employer's share of a joint-purchase programme invoiced to the company.

An order's and its agreement's `invoiced` never exceed what was ordered; both change only
while the rows are locked, in the same transaction as the invoice and its payment.
"""

from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.money import format_eur
from kohtaanto.common.validators import service_text
from kohtaanto.finance.services import payment_record
from kohtaanto.training.models import (
    Agreement,
    EmployerInvoice,
    Invoice,
    Order,
    OrderCommitment,
    Programme,
)
from kohtaanto.training.services.common import AmountInput, amount_parse
from kohtaanto.training.services.orders import order_waiting_parts, order_year_part_book


def _invoice_commitment(actor: User, order: Order, invoiced_on: date) -> OrderCommitment:
    year = invoiced_on.year
    link = (
        OrderCommitment.objects.select_related("commitment").filter(order=order, year=year).first()
    )
    if link is not None:
        return link
    if any(part.year == year for part in order_waiting_parts(order)):
        return order_year_part_book(actor=actor, order=order, year=year, booked_on=invoiced_on)
    link = (
        OrderCommitment.objects.select_related("commitment")
        .filter(order=order, year__lt=year)
        .order_by("-year")
        .first()
    )
    if link is None:
        raise ConflictError(_("Tilauksella ei ole sitoumusta vuodelle %(year)s.") % {"year": year})
    return link


def _check_invoice(order: Order, number: str, value: Decimal) -> None:
    """The order is confirmed, the number new on it and the amount within what is left to
    invoice on the order."""
    if order.status != Order.Status.CONFIRMED:
        raise ConflictError(_("Laskun voi kirjata vain vahvistetulle tilaukselle."))
    if Invoice.objects.filter(order=order, number=number).exists():
        raise ConflictError(_("Lasku %(number)s on jo kirjattu.") % {"number": number})
    if order.invoiced + value > order.amount:
        raise ConflictError(
            _(
                "Lasku ylittää tilauksen: tilattu %(amount)s, laskutettu %(invoiced)s, "
                "tämä lasku %(value)s, ylitys %(excess)s."
            )
            % {
                "amount": format_eur(order.amount),
                "invoiced": format_eur(order.invoiced),
                "value": format_eur(value),
                "excess": format_eur(order.invoiced + value - order.amount),
            },
            code="over_order",
        )


@transaction.atomic
def invoice_record(
    *,
    actor: User,
    order: Order,
    number: str,
    amount: AmountInput,
    invoiced_on: date,
    carry_over_reason: str = "",
) -> Invoice:
    """Record the provider's invoice and pay it on the order's commitment of that year.

    The year's share of an order that spans the year end is booked on that year's
    appropriation by its first invoice if it still waits. A January invoice for the previous
    year's training is paid on that year's commitment as a carry-over with its reason
    (finance's rule). Refuses an unconfirmed order, a duplicate number, more than is left to
    invoice on the order, or more than the year's commitment has unpaid.
    """
    actor.permissions.require("order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    actor.permissions.require("view_provider", agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    value = amount_parse(amount, label=_("Summa"), field="amount")
    number = service_text(number, field=_("Laskun numero"), max_length=60)
    _check_invoice(order, number, value)
    link = _invoice_commitment(actor, order, invoiced_on)
    invoice = Invoice.objects.create(
        order=order, number=number, amount=value, invoiced_on=invoiced_on
    )
    payment_record(
        actor=actor,
        commitment=link.commitment,
        amount=value,
        booked_on=invoiced_on,
        reference=number,
        description=_("Koulutuksen lasku %(number)s") % {"number": number},
        carry_over_reason=carry_over_reason,
    )
    order.invoiced += value
    order.save(update_fields=["invoiced", "updated_at"])
    agreement.invoiced += value
    agreement.save(update_fields=["invoiced", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_invoice.create",
        target=order,
        changes={"invoice": [None, number], "amount": [None, str(value)]},
    )
    return invoice


@transaction.atomic
def employer_invoice_record(
    *, actor: User, programme: Programme, invoiced_on: date, reference: str
) -> EmployerInvoice:
    """Record that the employer's share of a joint-purchase training was invoiced to it."""
    actor.permissions.require("order_training")
    actor.permissions.require("view_provider", programme.provider)
    if programme.company_id is None or programme.employer_share <= 0:
        raise DomainError(
            _("Koulutuksella %(programme)s ei ole työnantajan omarahoitusosuutta laskutettavaksi.")
            % {"programme": programme.name_fi}
        )
    if EmployerInvoice.objects.filter(programme=programme).exists():
        raise ConflictError(_("Työnantajan osuus on jo laskutettu."))
    assert programme.company is not None
    invoice = EmployerInvoice.objects.create(
        programme=programme,
        company=programme.company,
        amount=programme.employer_share,
        invoiced_on=invoiced_on,
        reference=service_text(reference, field=_("Viite"), max_length=60),
    )
    audit_event_record(
        actor=actor,
        action="training_employer_invoice.create",
        target=programme,
        changes={"amount": [None, str(invoice.amount)], "company": [None, programme.company.name]},
    )
    return invoice
