"""Payments, recoveries and corrections posted against a commitment."""

from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.common.validators import service_text
from kohtaanto.finance.models import Commitment, LedgerEntry
from kohtaanto.finance.services.ledger.booking import _area_of, _book, _lock_for_commitment
from kohtaanto.finance.services.ledger.rules import (
    ZERO,
    AmountInput,
    check_not_future,
    check_payment_date,
    require_area,
)


@transaction.atomic
def payment_record(
    *,
    actor: User,
    commitment: Commitment,
    amount: AmountInput,
    booked_on: date | None = None,
    reference: str = "",
    description: str = "",
    carry_over_reason: str = "",
) -> LedgerEntry:
    """Pay against a commitment; never more than its unpaid part, dated in the appropriation's
    year or, in January, as an explicit carry-over of the previous year's obligation
    (`carry_over_reason` says why; it is kept in the entry's description)."""
    require_area(actor, _area_of(commitment))
    value = parse_money(amount, allow_zero=False)
    locked = _lock_for_commitment(commitment)
    assert locked.commitment is not None
    booked_on = booked_on or timezone.localdate()
    reason = check_payment_date(
        appropriation=locked.appropriation,
        booked_on=booked_on,
        carry_over_reason=carry_over_reason,
    )
    if reason:
        description = f"{description} – {carry_over_reason.strip()}".strip(" –")
    unpaid = locked.commitment.unpaid
    if value > unpaid:
        raise ConflictError(
            _(
                "Maksu ylittää sitoumuksen maksamattoman osan: maksamatta %(unpaid)s, "
                "maksu %(amount)s, ylitys %(excess)s."
            )
            % {
                "unpaid": format_eur(unpaid),
                "amount": format_eur(value),
                "excess": format_eur(value - unpaid),
            }
        )
    entry = _book(
        actor=actor,
        locked=locked,
        kind=LedgerEntry.Kind.PAYMENT,
        amount=value,
        committed_delta=ZERO,
        paid_delta=value,
        booked_on=booked_on,
        description=description,
        reference=reference,
        reason=reason,
    )
    audit_event_record(
        actor=actor,
        action="payment.record",
        target=locked.commitment,
        changes={
            "paid": [str(locked.commitment.paid - value), str(locked.commitment.paid)],
            "entry": [None, entry.pk],
        },
    )
    return entry


@transaction.atomic
def payment_recover(
    *,
    actor: User,
    commitment: Commitment,
    amount: AmountInput,
    booked_on: date | None = None,
    reference: str = "",
    description: str = "",
) -> LedgerEntry:
    """Book money recovered from the payee (overpayment) as a negative payment, dated in the
    appropriation's year and never in the future."""
    require_area(actor, _area_of(commitment))
    value = parse_money(amount, allow_zero=False)
    locked = _lock_for_commitment(commitment)
    assert locked.commitment is not None
    booked_on = booked_on or timezone.localdate()
    check_not_future(booked_on, what=_("Kirjauspäivä"))
    if booked_on.year != locked.appropriation.year:
        raise DomainError(
            _("Takaisinperinnän päivä %(date)s ei ole määrärahan vuonna %(year)s.")
            % {"date": format_date(booked_on), "year": locked.appropriation.year}
        )
    if value > locked.commitment.paid:
        raise ConflictError(
            _("Takaisinperintä ylittää maksetun: maksettu %(paid)s, perittävä %(amount)s.")
            % {"paid": format_eur(locked.commitment.paid), "amount": format_eur(value)}
        )
    entry = _book(
        actor=actor,
        locked=locked,
        kind=LedgerEntry.Kind.RECOVERY,
        amount=value,
        committed_delta=ZERO,
        paid_delta=-value,
        booked_on=booked_on,
        description=description,
        reference=reference,
        reason=LedgerEntry.Reason.OVERPAYMENT,
    )
    audit_event_record(
        actor=actor,
        action="payment.recover",
        target=locked.commitment,
        changes={
            "paid": [str(locked.commitment.paid + value), str(locked.commitment.paid)],
            "entry": [None, entry.pk],
        },
    )
    return entry


@transaction.atomic
def ledger_entry_reverse(*, actor: User, entry: LedgerEntry, description: str) -> LedgerEntry:
    """Correct a wrong entry with an entry that cancels it; the original stays as it was.

    Refused for a reversal, for an entry already reversed, and when the result would break a
    balance rule (e.g. reversing a commitment that has payments: reverse the payments first).
    """
    require_area(actor, _area_of(entry.commitment))
    description = service_text(description, field=_("Selite"), max_length=300)
    if entry.kind == LedgerEntry.Kind.REVERSAL:
        raise ConflictError(_("Oikaisukirjausta ei voi oikaista; tee uusi kirjaus."))
    if LedgerEntry.objects.filter(reverses=entry).exists():
        raise ConflictError(_("Kirjaus on jo oikaistu."))
    locked = _lock_for_commitment(entry.commitment)
    reversal = _book(
        actor=actor,
        locked=locked,
        kind=LedgerEntry.Kind.REVERSAL,
        amount=entry.amount,
        committed_delta=-entry.committed_delta,
        paid_delta=-entry.paid_delta,
        booked_on=None,
        description=description,
        reference=entry.reference,
        reason=LedgerEntry.Reason.CORRECTION,
        reverses=entry,
    )
    audit_event_record(
        actor=actor,
        action="ledger_entry.reverse",
        target=entry,
        changes={"reversed_by": [None, reversal.pk]},
    )
    return reversal
