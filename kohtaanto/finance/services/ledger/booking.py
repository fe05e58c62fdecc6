"""The one place that books: lock the rows, append the entry, move the cached balances.

Rows are locked in one order — the appropriation, then the scheme, then the commitment —
with SELECT … FOR UPDATE, and the balances are written in the same transaction as the entry
that explains them, guarded by the row's revision and the database's check constraints."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import ConflictError
from kohtaanto.common.money import format_eur
from kohtaanto.finance.models import Appropriation, Commitment, GrantScheme, LedgerEntry
from kohtaanto.finance.services.ledger.rules import (
    ZERO,
    check_booking_window,
    envelope_message,
    shortfall_message,
)


def _lock_appropriation(appropriation_id: int) -> Appropriation:
    return Appropriation.objects.select_for_update().select_related("line").get(pk=appropriation_id)


def _save_balances(obj: Any, fields: list[str]) -> None:
    """Write cached balances if nobody else has written them since `obj` was read.

    With the row locked this always succeeds; the revision check and the check constraints
    are the database's own guard should a code path ever skip the lock.
    """
    values = {name: getattr(obj, name) for name in fields}
    if any(f.name == "updated_at" for f in obj._meta.concrete_fields):
        values["updated_at"] = timezone.now()
    try:
        with transaction.atomic():
            written = (
                type(obj)
                .objects.filter(pk=obj.pk, revision=obj.revision)
                .update(**values, revision=F("revision") + 1)
            )
    except IntegrityError as exc:
        raise ConflictError(
            _("Kirjaus hylättiin, koska saldo olisi mennyt negatiiviseksi. Yritä uudelleen.")
        ) from exc
    if written != 1:
        raise ConflictError(_("Saldo muuttui samaan aikaan toisaalla. Yritä uudelleen."))
    obj.revision += 1


@dataclass
class LockedRows:
    appropriation: Appropriation
    scheme: GrantScheme | None
    commitment: Commitment | None


def lock_rows(
    *, appropriation_id: int, scheme_id: int | None = None, commitment_id: int | None = None
) -> LockedRows:
    appropriation = _lock_appropriation(appropriation_id)
    scheme = GrantScheme.objects.select_for_update().get(pk=scheme_id) if scheme_id else None
    commitment = (
        Commitment.objects.select_for_update().get(pk=commitment_id) if commitment_id else None
    )
    return LockedRows(appropriation, scheme, commitment)


def _book(
    *,
    actor: User | None,
    locked: LockedRows,
    kind: str,
    amount: Decimal,
    committed_delta: Decimal,
    paid_delta: Decimal,
    booked_on: date | None,
    description: str = "",
    reference: str = "",
    reason: str = "",
    reverses: LedgerEntry | None = None,
) -> LedgerEntry:
    """Append one entry and move the cached balances; refuse anything that breaks a rule."""
    appropriation, commitment, scheme = locked.appropriation, locked.commitment, locked.scheme
    assert commitment is not None
    if booked_on is not None:
        check_booking_window(booked_on, year=appropriation.year)
    available = appropriation.available - committed_delta
    if available < 0:
        raise ConflictError(
            shortfall_message(available=appropriation.available, requested=committed_delta)
        )
    new_committed = commitment.committed + committed_delta
    new_paid = commitment.paid + paid_delta
    if new_paid < 0 or new_committed < 0:
        raise ConflictError(
            _("Kirjaus veisi sitoumuksen saldon negatiiviseksi: sidottu %(c)s, maksettu %(p)s.")
            % {"c": format_eur(commitment.committed), "p": format_eur(commitment.paid)}
        )
    if new_paid > new_committed:
        raise ConflictError(
            _(
                "Maksut ylittäisivät sitoumuksen: sidottu %(committed)s, maksettu %(paid)s, "
                "ylitys %(excess)s."
            )
            % {
                "committed": format_eur(new_committed),
                "paid": format_eur(new_paid),
                "excess": format_eur(new_paid - new_committed),
            }
        )
    if scheme is not None and scheme.committed + committed_delta > scheme.envelope:
        raise ConflictError(
            envelope_message(scheme=scheme, priority=ZERO, requested=committed_delta)
        )
    entry = LedgerEntry.objects.create(
        appropriation=appropriation,
        commitment=commitment,
        kind=kind,
        amount=amount,
        committed_delta=committed_delta,
        paid_delta=paid_delta,
        booked_on=booked_on or timezone.localdate(),
        description=description[:300],
        reference=reference[:100],
        reason=reason,
        reverses=reverses,
        created_by=actor,
    )
    appropriation.committed += committed_delta
    appropriation.paid += paid_delta
    appropriation.available = available
    _save_balances(appropriation, ["committed", "paid", "available"])
    commitment.committed = new_committed
    commitment.paid = new_paid
    _save_balances(commitment, ["committed", "paid"])
    if scheme is not None and committed_delta:
        scheme.committed += committed_delta
        _save_balances(scheme, ["committed"])
    return entry


def _lock_for_commitment(commitment: Commitment) -> LockedRows:
    return lock_rows(
        appropriation_id=commitment.appropriation_id,
        scheme_id=commitment.scheme_id,
        commitment_id=commitment.pk,
    )


def _area_of(commitment: Commitment) -> int:
    return Appropriation.objects.values_list("employment_area_id", flat=True).get(
        pk=commitment.appropriation_id
    )
