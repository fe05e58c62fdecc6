"""Commitments: binding money to an order or a decision (split by year when it spans the
year end), booking a later year's part, and releasing what is left unused."""

from collections.abc import Sequence
from datetime import date
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.common.validators import service_text
from kohtaanto.finance.models import (
    Appropriation,
    Commitment,
    CommitmentSource,
    CommitmentYearPart,
    LedgerEntry,
)
from kohtaanto.finance.services.ledger.booking import (
    LockedRows,
    _area_of,
    _book,
    _lock_for_commitment,
    lock_rows,
)
from kohtaanto.finance.services.ledger.rules import (
    ZERO,
    AmountInput,
    _check_year,
    check_not_future,
    require_area,
    shortfall_message,
)


def commitment_open(
    *,
    actor: User,
    locked: LockedRows,
    amount: Decimal,
    description: str,
    source_type: str,
    source_id: str,
    booked_on: date | None = None,
) -> Commitment:
    """Create a commitment and its first entry on an already locked appropriation (and scheme).

    For services that lock more rows than the appropriation (grant decisions).
    """
    if source_type not in CommitmentSource.values:
        raise DomainError(
            _("Tuntematon sitoumuksen lähde %(source)s. Sallitut: %(allowed)s.")
            % {"source": source_type, "allowed": ", ".join(CommitmentSource.values)}
        )
    description = service_text(description, field=_("Kuvaus"), max_length=300)
    source_id = service_text(
        str(source_id), field=_("Lähteen tunniste"), max_length=64, required=False
    )
    booked_on = booked_on or timezone.localdate()
    check_not_future(booked_on, what=_("Kirjauspäivä"))
    if booked_on.year > locked.appropriation.year:
        raise DomainError(
            _(
                "Sitoumusta ei voi kirjata vuoden %(year)s määrärahalle päivälle %(date)s: "
                "vuoden päätyttyä sitoumukset kirjataan uuden vuoden määrärahalle."
            )
            % {"year": locked.appropriation.year, "date": format_date(booked_on)}
        )
    if amount > locked.appropriation.available:
        raise ConflictError(
            shortfall_message(available=locked.appropriation.available, requested=amount)
        )
    commitment = Commitment.objects.create(
        appropriation=locked.appropriation,
        scheme=locked.scheme,
        source_type=source_type,
        source_id=source_id,
        description=description,
        created_by=actor,
    )
    locked.commitment = commitment
    _book(
        actor=actor,
        locked=locked,
        kind=LedgerEntry.Kind.COMMITMENT,
        amount=amount,
        committed_delta=amount,
        paid_delta=ZERO,
        booked_on=booked_on,
        description=description,
    )
    audit_event_record(
        actor=actor,
        action="commitment.create",
        target=commitment,
        changes={
            "appropriation": [None, locked.appropriation.pk],
            "amount": [None, str(amount)],
            "source": [None, f"{source_type}:{source_id}"],
        },
    )
    return commitment


@transaction.atomic
def commitment_create(
    *,
    actor: User,
    appropriation: Appropriation,
    amount: AmountInput,
    description: str,
    source_type: str = CommitmentSource.MANUAL,
    source_id: str = "",
    booked_on: date | None = None,
) -> Commitment:
    """Bind `amount` of the appropriation to an order or decision.

    The public entry point for other apps (training orders, service orders). Locks the
    appropriation row; raises ConflictError stating the shortfall when less is available, and
    DomainError for a bad amount or source. Writes `commitment.create` to the audit log.
    """
    require_area(actor, appropriation.employment_area_id)
    if source_type == CommitmentSource.GRANT_DECISION:
        # A grant decision's commitment also draws on the scheme's envelope: only the
        # decision (grant_application_approve) may create it.
        raise DomainError(_("Avustuspäätöksen sitoumus syntyy päätöksestä, ei erikseen."))
    value = parse_money(amount, allow_zero=False)
    locked = lock_rows(appropriation_id=appropriation.pk)
    return commitment_open(
        actor=actor,
        locked=locked,
        amount=value,
        description=description,
        source_type=source_type,
        source_id=source_id,
        booked_on=booked_on,
    )


def split_parts(
    parts: Sequence[tuple[int, AmountInput]], *, first_year: int
) -> list[tuple[int, Decimal]]:
    """Check a year split: years ascending from `first_year`, each once, amounts positive."""
    if not parts:
        raise DomainError(_("Anna sitoumuksen osuudet vuosittain."))
    checked: list[tuple[int, Decimal]] = []
    for year, amount in parts:
        if checked and year <= checked[-1][0]:
            raise DomainError(_("Vuosiosuuksien vuodet on annettava kasvavassa järjestyksessä."))
        try:
            value = parse_money(amount, field="parts", allow_zero=False)
        except DomainError as exc:
            raise DomainError(
                _("Vuoden %(year)s osuus: %(reason)s") % {"year": year, "reason": exc.message},
                field="parts",
            ) from exc
        checked.append((_check_year(year), value))
    if checked[0][0] != first_year:
        raise DomainError(
            _("Ensimmäinen osuus kuuluu määrärahan vuodelle %(year)s, ei vuodelle %(first)s.")
            % {"year": first_year, "first": checked[0][0]}
        )
    return checked


def year_parts_open(
    *, actor: User, commitment: Commitment, parts: list[tuple[int, Decimal]]
) -> None:
    """Record the later years' parts of a commitment that the caller has just opened."""
    for year, amount in parts:
        CommitmentYearPart.objects.create(commitment=commitment, year=year, amount=amount)
    if parts:
        audit_event_record(
            actor=actor,
            action="commitment.split",
            target=commitment,
            changes={"later_years": [None, {str(y): str(a) for y, a in parts}]},
        )


@transaction.atomic
def commitment_create_split(
    *,
    actor: User,
    appropriation: Appropriation,
    parts: Sequence[tuple[int, AmountInput]],
    description: str,
    source_type: str = CommitmentSource.MANUAL,
    source_id: str = "",
    booked_on: date | None = None,
) -> Commitment:
    """Bind an order that spans the year end, split by year: `parts` = [(year, amount), …].

    The first part (the appropriation's own year) is committed now, exactly as
    `commitment_create` does. Each later part is recorded as a `CommitmentYearPart` that waits
    for that year's appropriation on the same budget line (`commitment_year_part_book`); until
    then it is an open obligation of its year in the year-end report. Refused, naming the
    rule, when the years are not ascending from the appropriation's year or an amount is bad.
    """
    require_area(actor, appropriation.employment_area_id)
    if source_type == CommitmentSource.GRANT_DECISION:
        raise DomainError(_("Avustuspäätöksen sitoumus syntyy päätöksestä, ei erikseen."))
    checked = split_parts(parts, first_year=appropriation.year)
    locked = lock_rows(appropriation_id=appropriation.pk)
    commitment = commitment_open(
        actor=actor,
        locked=locked,
        amount=checked[0][1],
        description=description,
        source_type=source_type,
        source_id=source_id,
        booked_on=booked_on,
    )
    year_parts_open(actor=actor, commitment=commitment, parts=checked[1:])
    return commitment


@transaction.atomic
def commitment_year_part_book(
    *,
    actor: User,
    part: CommitmentYearPart,
    appropriation: Appropriation,
    booked_on: date | None = None,
) -> Commitment:
    """Book a waiting year part on that year's appropriation (same area and budget line).

    Refused before the part's year has begun (no booking ahead of the year's budget), on an
    appropriation of another year or line, and when the part is already booked.
    """
    parent = Commitment.objects.select_related("appropriation").get(pk=part.commitment_id)
    require_area(actor, parent.appropriation.employment_area_id)
    require_area(actor, appropriation.employment_area_id)
    if appropriation.year != part.year or appropriation.line_id != parent.appropriation.line_id:
        raise DomainError(
            _(
                "Vuoden %(year)s osuus kirjataan saman budjettirivin (%(line)s) vuoden %(year)s "
                "määrärahalle."
            )
            % {"year": part.year, "line": parent.appropriation.line.name}
        )
    booked_on = booked_on or timezone.localdate()
    if booked_on.year < part.year:
        raise DomainError(
            _("Vuoden %(year)s osuuden voi kirjata aikaisintaan 1.1.%(year)s.")
            % {"year": part.year}
        )
    locked = lock_rows(appropriation_id=appropriation.pk, scheme_id=parent.scheme_id)
    locked_part = CommitmentYearPart.objects.select_for_update().get(pk=part.pk)
    if locked_part.booked_id is not None:
        raise ConflictError(_("Osuus on jo kirjattu."))
    commitment = commitment_open(
        actor=actor,
        locked=locked,
        amount=locked_part.amount,
        description=parent.description,
        source_type=parent.source_type,
        source_id=parent.source_id,
        booked_on=booked_on,
    )
    locked_part.booked = commitment
    locked_part.save(update_fields=["booked"])
    audit_event_record(
        actor=actor,
        action="commitment.year_part_book",
        target=parent,
        changes={"year": [None, part.year], "booked": [None, commitment.pk]},
    )
    return commitment


@transaction.atomic
def commitment_release(
    *,
    actor: User,
    commitment: Commitment,
    reason: str,
    amount: AmountInput | None = None,
    booked_on: date | None = None,
    description: str = "",
) -> LedgerEntry:
    """Free the unused part of a commitment (all of it unless `amount` is given).

    Reasons: cancellation, completion, year end. The released money is available again on the
    appropriation (and in the scheme's envelope).
    """
    require_area(actor, _area_of(commitment))
    if reason not in LedgerEntry.Reason.values or not reason:
        raise DomainError(_("Anna vapautuksen syy."))
    if booked_on is not None:
        check_not_future(booked_on, what=_("Kirjauspäivä"))
    locked = _lock_for_commitment(commitment)
    assert locked.commitment is not None
    unpaid = locked.commitment.unpaid
    value = unpaid if amount is None else parse_money(amount, allow_zero=False)
    if value <= 0:
        raise ConflictError(_("Sitoumuksessa ei ole maksamatonta osaa vapautettavaksi."))
    if value > unpaid:
        raise ConflictError(
            _("Vapautus ylittää maksamattoman osan: maksamatta %(unpaid)s, vapautus %(amount)s.")
            % {"unpaid": format_eur(unpaid), "amount": format_eur(value)}
        )
    entry = _book(
        actor=actor,
        locked=locked,
        kind=LedgerEntry.Kind.RELEASE,
        amount=value,
        committed_delta=-value,
        paid_delta=ZERO,
        booked_on=booked_on,
        description=description,
        reason=reason,
    )
    audit_event_record(
        actor=actor,
        action="commitment.release",
        target=locked.commitment,
        changes={
            "committed": [
                str(locked.commitment.committed + value),
                str(locked.commitment.committed),
            ],
            "reason": [None, reason],
        },
    )
    return entry
