"""Orders of programme seats under an agreement and the money they bind.

* An agreement's `ordered` never exceeds its ceiling; it changes only while the agreement row
  is locked (SELECT … FOR UPDATE), in the same transaction as the order that explains it.
* A confirmed order lies within its agreement's period and binds its amount through
  finance's `commitment_create_split`: the first year's share on that year's appropriation,
  each later year's share (by the training days in it) as a year part that waits for that
  year's appropriation and is booked there from 1 January on (`order_year_part_book`, also
  done by the first invoice of that year). Shares of years before the order date belong to
  the order's own year: money is bound when the obligation is entered into.
"""

from datetime import date
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.money import cents, format_eur
from kohtaanto.finance.models import (
    Appropriation,
    CommitmentSource,
    CommitmentYearPart,
    LedgerEntry,
)
from kohtaanto.finance.services import (
    commitment_create_split,
    commitment_release,
    commitment_year_part_book,
)
from kohtaanto.training.models import (
    Agreement,
    Order,
    OrderCommitment,
    Programme,
    Provider,
)
from kohtaanto.training.services.common import ZERO, day_text

# The budget line that training orders draw on (finance's default lines are data too).
TRAINING_BUDGET_LINE = "services"


def year_shares(*, starts_on: date, ends_on: date, amount: Decimal) -> list[tuple[int, Decimal]]:
    """Split `amount` over the calendar years of [starts_on, ends_on] by days in each year.

    Cents are rounded half up per year and the last year takes the remainder, so the parts
    always add up to the amount.
    """
    total_days = (ends_on - starts_on).days + 1
    parts: list[tuple[int, Decimal]] = []
    left = amount
    for year in range(starts_on.year, ends_on.year + 1):
        first = max(starts_on, date(year, 1, 1))
        last = min(ends_on, date(year, 12, 31))
        if year == ends_on.year:
            parts.append((year, left))
        else:
            part = cents(amount * Decimal((last - first).days + 1) / Decimal(total_days))
            parts.append((year, part))
            left -= part
    return [(year, part) for year, part in parts if part > 0]


def order_amount(programme: Programme, seats: int) -> Decimal:
    """The price of `seats` seats: the whole price for a full group, pro rata otherwise."""
    if seats == programme.seats:
        return programme.price
    return cents(programme.price * Decimal(seats) / Decimal(programme.seats))


def _check_order(agreement: Agreement, programme: Programme, seats: int, ordered_on: date) -> None:
    if programme.provider_id != agreement.provider_id:
        raise DomainError(
            _("Koulutus %(programme)s ei kuulu sopimuksen %(agreement)s järjestäjälle.")
            % {"programme": programme.name_fi, "agreement": agreement.title}
        )
    if agreement.status != Agreement.Status.ACTIVE:
        raise ConflictError(
            _("Sopimus %(agreement)s ei ole voimassa (tila: %(status)s).")
            % {"agreement": agreement.title, "status": agreement.get_status_display()}
        )
    if not programme.min_group <= seats <= programme.seats:
        raise DomainError(
            _("Tilattavia paikkoja on oltava %(min)s–%(max)s; annettu %(seats)s.")
            % {"min": programme.min_group, "max": programme.seats, "seats": seats}
        )
    outside = [
        (label, day)
        for label, day in (
            (_("tilauspäivä"), ordered_on),
            (_("koulutuksen alku"), programme.starts_on),
            (_("koulutuksen loppu"), programme.ends_on),
        )
        if not agreement.starts_on <= day <= agreement.ends_on
    ]
    if outside:
        label, day = outside[0]
        raise ConflictError(
            _(
                "Tilaus on sopimuskauden ulkopuolella: %(what)s %(day)s, sopimuskausi "
                "%(start)s–%(end)s."
            )
            % {
                "what": label,
                "day": day_text(day),
                "start": day_text(agreement.starts_on),
                "end": day_text(agreement.ends_on),
            },
            code="outside_period",
        )


def _ceiling_check(agreement: Agreement, amount: Decimal) -> None:
    if agreement.ordered + amount > agreement.ceiling:
        raise ConflictError(
            _(
                "Tilaus ylittäisi sopimuksen enimmäismäärän: enimmäismäärä %(ceiling)s, "
                "tilattu %(ordered)s, tämä tilaus %(amount)s, ylitys %(excess)s."
            )
            % {
                "ceiling": format_eur(agreement.ceiling),
                "ordered": format_eur(agreement.ordered),
                "amount": format_eur(amount),
                "excess": format_eur(agreement.ordered + amount - agreement.ceiling),
            },
            code="over_ceiling",
        )


@transaction.atomic
def order_create(
    *,
    actor: User,
    agreement: Agreement,
    programme: Programme,
    seats: int | None = None,
    ordered_on: date | None = None,
    confirm: bool = True,
    note: str = "",
) -> Order:
    """Order seats of a programme under an agreement (a draft, or confirmed at once).

    The same checks as `order_confirm` run for a draft, so that a draft that cannot be
    confirmed is refused when it is made.
    """
    actor.permissions.require("order_training")
    actor.permissions.require("view_provider", agreement.provider)
    seats = programme.seats if seats is None else int(seats)
    ordered_on = ordered_on or timezone.localdate()
    _check_order(agreement, programme, seats, ordered_on)
    amount = order_amount(programme, seats)
    _ceiling_check(agreement, amount)
    order = Order.objects.create(
        agreement=agreement,
        programme=programme,
        seats=seats,
        amount=amount,
        ordered_on=ordered_on,
        note=note.strip(),
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="training_order.create",
        target=order,
        changes={"amount": [None, str(amount)], "seats": [None, seats]},
    )
    if confirm:
        return order_confirm(actor=actor, order=order)
    return order


def _appropriation_for(area_id: int, year: int) -> Appropriation:
    appropriation = (
        Appropriation.objects.filter(
            employment_area_id=area_id, year=year, line__code=TRAINING_BUDGET_LINE
        )
        .order_by("-available", "id")
        .first()
    )
    if appropriation is None:
        raise ConflictError(
            _(
                "Vuodelle %(year)s ei ole palveluhankintojen määrärahaa (budjettirivi "
                "%(line)s); tilausta ei voi sitoa."
            )
            % {"year": year, "line": TRAINING_BUDGET_LINE},
            code="no_appropriation",
        )
    return appropriation


def order_year_parts(
    *, starts_on: date, ends_on: date, ordered_on: date, amount: Decimal
) -> list[tuple[int, Decimal]]:
    """The order's amount by year: `year_shares` of the training period, with the shares of
    years before the order's own year added to that year (they cannot be bound on a closed
    year's appropriation)."""
    parts: dict[int, Decimal] = {}
    for year, part in year_shares(starts_on=starts_on, ends_on=ends_on, amount=amount):
        key = max(year, ordered_on.year)
        parts[key] = parts.get(key, ZERO) + part
    return sorted(parts.items())


def _order_description(order: Order) -> str:
    return _("Koulutustilaus: %(programme)s, %(seats)s paikkaa") % {
        "programme": order.programme.name_fi[:200],
        "seats": order.seats,
    }


def order_waiting_parts(order: Order) -> list[CommitmentYearPart]:
    """Later years' shares of the order that still wait for their year's appropriation."""
    return list(
        CommitmentYearPart.objects.filter(
            commitment__in=order.commitments.values("commitment"), booked__isnull=True
        ).order_by("year")
    )


@transaction.atomic
def order_year_part_book(
    *, actor: User, order: Order, year: int, booked_on: date | None = None
) -> OrderCommitment:
    """Book the order's waiting share of `year` on that year's appropriation (finance's
    `commitment_year_part_book`: not before 1 January of the year, same budget line).

    Refuses, changing nothing: an order not confirmed, a year without a waiting share, a
    year without an appropriation, a date before the year has begun.
    """
    actor.permissions.require("order_training")
    actor.permissions.require("view_provider", order.agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    if order.status != Order.Status.CONFIRMED:
        raise ConflictError(_("Vuoden osuuden voi kirjata vain vahvistetulle tilaukselle."))
    part = next((p for p in order_waiting_parts(order) if p.year == year), None)
    if part is None:
        raise ConflictError(
            _("Tilauksella ei ole kirjaamatonta vuoden %(year)s osuutta.") % {"year": year},
            code="no_waiting_part",
        )
    area_id = Provider.objects.values_list("employment_area_id", flat=True).get(
        pk=order.agreement.provider_id
    )
    booked = commitment_year_part_book(
        actor=actor,
        part=part,
        appropriation=_appropriation_for(area_id, year),
        booked_on=booked_on,
    )
    link = OrderCommitment.objects.create(order=order, year=year, commitment=booked)
    audit_event_record(
        actor=actor,
        action="training_order.year_part_book",
        target=order,
        changes={"year": [None, year], "amount": [None, str(part.amount)]},
    )
    return link


@transaction.atomic
def order_confirm(*, actor: User, order: Order) -> Order:
    """Confirm a draft order: check period and ceiling under lock, add it to the agreement's
    ordered sum and bind its amount on each year's appropriation (one commitment per year)."""
    actor.permissions.require("order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    actor.permissions.require("view_provider", agreement.provider)
    order = Order.objects.select_for_update().select_related("programme").get(pk=order.pk)
    if order.status != Order.Status.DRAFT:
        raise ConflictError(
            _("Vain luonnoksen voi vahvistaa; tilauksen tila on %(status)s.")
            % {"status": order.get_status_display()}
        )
    programme = order.programme
    _check_order(agreement, programme, order.seats, order.ordered_on)
    _ceiling_check(agreement, order.amount)
    area_id = agreement.provider.employment_area_id
    parts = order_year_parts(
        starts_on=programme.starts_on,
        ends_on=programme.ends_on,
        ordered_on=order.ordered_on,
        amount=order.amount,
    )
    first_year = parts[0][0]
    commitment = commitment_create_split(
        actor=actor,
        appropriation=_appropriation_for(area_id, first_year),
        parts=parts,
        description=_order_description(order),
        source_type=CommitmentSource.TRAINING_ORDER,
        source_id=str(order.pk),
        booked_on=order.ordered_on,
    )
    OrderCommitment.objects.create(order=order, year=first_year, commitment=commitment)
    agreement.ordered += order.amount
    agreement.save(update_fields=["ordered", "updated_at"])
    order.status = Order.Status.CONFIRMED
    order.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_order.confirm",
        target=order,
        changes={"status": [Order.Status.DRAFT, Order.Status.CONFIRMED]},
    )
    return order


def _order_money_release(actor: User, order: Order, agreement: Agreement) -> None:
    """Free a confirmed order's money: its commitments (finance's `commitment_release`,
    reason cancellation) and its amount under the agreement's ceiling. Refused while a later
    year's share still waits for its appropriation."""
    waiting = order_waiting_parts(order)
    if waiting:
        raise ConflictError(
            _(
                "Tilausta ei voi perua, ennen kuin vuoden %(year)s osuus on kirjattu "
                "määrärahalle; kirjaa osuus ja peru sitten tilaus."
            )
            % {"year": waiting[0].year},
            code="waiting_part",
        )
    for link in order.commitments.select_related("commitment").order_by("year"):
        if link.commitment.unpaid > 0:
            commitment_release(
                actor=actor,
                commitment=link.commitment,
                reason=LedgerEntry.Reason.CANCELLATION,
                description=_("Koulutustilaus peruttu"),
            )
    agreement.ordered -= order.amount
    agreement.save(update_fields=["ordered", "updated_at"])


@transaction.atomic
def order_cancel(*, actor: User, order: Order) -> Order:
    """Cancel an order: a draft simply; a confirmed one that nothing has been invoiced on also
    frees its commitments (finance's `commitment_release`, reason cancellation) and its amount
    under the agreement's ceiling.

    Refused, changing nothing: an order already cancelled, an order with invoices, and a
    confirmed order whose later year's share still waits for its appropriation (finance keeps
    that share as an open obligation until it is booked; book it first, then cancel).
    """
    actor.permissions.require("order_training")
    agreement = Agreement.objects.select_for_update().get(pk=order.agreement_id)
    actor.permissions.require("view_provider", agreement.provider)
    order = Order.objects.select_for_update().get(pk=order.pk)
    old = order.status
    if old == Order.Status.CANCELLED:
        raise ConflictError(_("Tilaus on jo peruttu."))
    if order.invoiced > 0:
        raise ConflictError(
            _("Tilausta ei voi perua: siitä on laskutettu %(invoiced)s.")
            % {"invoiced": format_eur(order.invoiced)},
            code="invoiced",
        )
    if old == Order.Status.CONFIRMED:
        _order_money_release(actor, order, agreement)
    order.status = Order.Status.CANCELLED
    order.save(update_fields=["status", "updated_at"])
    audit_event_record(
        actor=actor,
        action="training_order.cancel",
        target=order,
        changes={"status": [old, Order.Status.CANCELLED]},
    )
    return order


@transaction.atomic
def plan_orders_draft(*, actor: User, plan: Any) -> list[Order]:
    """Turn every purchase of a plan (selectors.training_plan) into a draft order under the
    agreement the plan chose; all or nothing."""
    actor.permissions.require("order_training")
    return [
        order_create(
            actor=actor,
            agreement=purchase.agreement,
            programme=purchase.programme,
            seats=purchase.seats,
            confirm=False,
            note=_("Ostosuunnitelmasta: %(placements)s odotettua työllistymistä.")
            % {"placements": purchase.expected_placements},
        )
        for purchase in plan.purchases
    ]
