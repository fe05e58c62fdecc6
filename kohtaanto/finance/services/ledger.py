"""Appropriations and the commitment ledger: every write that moves money.

Invariants kept by every function here (and checked again by the database):

* Ledger entries and appropriation decisions are only ever inserted.
* For each appropriation: available = amount − committed ≥ 0 and 0 ≤ paid ≤ committed;
  for each commitment: 0 ≤ paid ≤ committed; for each grant scheme: committed ≤ envelope.
* Money is bound to its year (the municipal budget's annuality, Kuntalaki 410/2015 110 §: the
  budget is approved per financial year): nothing is booked on a future date; a payment or a
  recovery falls in the appropriation's year, except a payment made in January for the previous
  year's obligation, which is an explicit carry-over (reason `carry_over`, its explanation in the
  entry). A commitment that spans the year end is split by year (`commitment_create_split`):
  the later years' parts wait for those years' appropriations and are open obligations until
  booked.
* The cached balances change in the same transaction as the entry that explains them, while
  the appropriation row (then the scheme row, then the commitment row — always in that order)
  is locked with SELECT … FOR UPDATE. On SQLite the settings open every transaction with
  BEGIN IMMEDIATE, so writers are serialised there as well.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError, NotFoundError
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.finance.models import (
    Appropriation,
    AppropriationDecision,
    BudgetLine,
    Commitment,
    CommitmentSource,
    CommitmentYearPart,
    GrantScheme,
    LedgerEntry,
)

ZERO = Decimal("0.00")
# What services accept as an amount (common.money.parse_money refuses floats, naming why).
AmountInput = Decimal | str | int | float


def require_area(actor: Any, area_id: int | None) -> None:
    """Objects of another employment area do not exist for the actor."""
    if actor is not None and getattr(actor, "employment_area_id", None) != area_id:
        raise NotFoundError(_("Ei löytynyt."))


def _actor_area_id(actor: User) -> int:
    if actor.employment_area_id is None:
        raise DomainError(_("Käyttäjälle ei ole määritetty työllisyysaluetta."))
    return actor.employment_area_id


def _text(value: str, *, field: str, max_length: int, required: bool = True) -> str:
    text = (value or "").strip()
    if required and not text:
        raise DomainError(_("%(field)s puuttuu.") % {"field": field})
    if len(text) > max_length:
        raise DomainError(
            _("%(field)s on liian pitkä (enintään %(max)s merkkiä).")
            % {"field": field, "max": max_length}
        )
    return text


def shortfall_message(*, available: Decimal, requested: Decimal) -> str:
    return _(
        "Määräraha ei riitä: käytettävissä %(available)s, pyydetty %(requested)s, "
        "vaje %(shortfall)s."
    ) % {
        "available": format_eur(available),
        "requested": format_eur(requested),
        "shortfall": format_eur(requested - available),
    }


@transaction.atomic
def budget_line_create(*, actor: User, code: str, name: str, description: str = "") -> BudgetLine:
    """Add a budget line to the actor's area; codes are unique within the area."""
    area_id = _actor_area_id(actor)
    code = _text(code, field=_("Tunnus"), max_length=40).lower()
    if BudgetLine.objects.filter(employment_area_id=area_id, code=code).exists():
        raise ConflictError(_("Budjettirivi %(code)s on jo olemassa.") % {"code": code})
    line = BudgetLine.objects.create(
        employment_area_id=area_id,
        code=code,
        name=_text(name, field=_("Nimi"), max_length=200),
        description=description.strip(),
    )
    audit_event_record(
        actor=actor, action="budget_line.create", target=line, changes={"code": [None, code]}
    )
    return line


def _short(day: date) -> str:
    return f"{day.day}.{day.month}.{day.year}"


def check_not_future(day: date, *, what: str, field: str | None = None) -> date:
    """Money and hours are booked when they happen, never ahead: `day` is today or earlier."""
    today = timezone.localdate()
    if day > today:
        raise DomainError(
            _("%(what)s %(date)s on tulevaisuudessa; tulevalle päivälle ei voi kirjata.")
            % {"what": what, "date": _short(day), "today": _short(today)},
            field=field,
        )
    return day


# The earliest booking for an appropriation: a later year's share of an order or a decision is
# booked when it is made, at most this many years before the appropriation's own year.
BOOKING_YEARS_BEFORE = 2


def check_booking_window(day: date, *, year: int) -> date:
    """A booking date for `year`'s appropriation: never in the future (check_not_future) and
    not before 1 January of `year` − BOOKING_YEARS_BEFORE (a typo such as 1900 is refused)."""
    check_not_future(day, what=_("Kirjauspäivä"))
    earliest = date(year - BOOKING_YEARS_BEFORE, 1, 1)
    if day < earliest:
        raise DomainError(
            _(
                "Kirjauspäivä %(date)s on liian aikainen: vuoden %(year)s määrärahaan voi "
                "kirjata aikaisintaan %(earliest)s."
            )
            % {"date": _short(day), "year": year, "earliest": _short(earliest)},
            field="booked_on",
        )
    return day


# A January payment for the previous year's obligation is the one allowed carry-over.
CARRY_OVER_LAST_MONTH = 1


def check_payment_date(
    *, appropriation: Appropriation, booked_on: date, carry_over_reason: str = ""
) -> str:
    """A payment or recovery is dated in the appropriation's year, or is an explicit carry-over.

    Returns the ledger reason: "" in the year, `carry_over` for a January payment of the
    previous year's obligation with its explanation; anything else is refused naming the rule.
    """
    check_not_future(booked_on, what=_("Maksupäivä"))
    year = appropriation.year
    if booked_on.year == year:
        return ""
    carry_over = booked_on.year == year + 1 and booked_on.month <= CARRY_OVER_LAST_MONTH
    if carry_over and carry_over_reason.strip():
        return LedgerEntry.Reason.CARRY_OVER
    if carry_over:
        raise DomainError(
            _(
                "Maksupäivä %(date)s on vuoden %(year)s määrärahan vuoden jälkeen. Tammikuussa "
                "maksettava edellisen vuoden velvoite kirjataan vain siirtona: kirjoita siirron "
                "peruste."
            )
            % {"date": _short(booked_on), "year": year}
        )
    raise DomainError(
        _(
            "Maksupäivä %(date)s ei ole määrärahan vuonna %(year)s. Maksu kirjataan sen vuoden "
            "määrärahalle, jona se maksetaan (edellisen vuoden velvoitteen voi maksaa siirtona "
            "tammikuussa)."
        )
        % {"date": _short(booked_on), "year": year}
    )


def _check_year(year: int) -> int:
    if not isinstance(year, int) or isinstance(year, bool) or not 2000 <= year <= 2100:
        raise DomainError(_("Vuoden on oltava välillä 2000–2100."))
    return year


@transaction.atomic
def appropriation_create(
    *,
    actor: User,
    year: int,
    line: BudgetLine,
    name: str,
    amount: AmountInput,
    decided_by: str,
    decided_on: date,
    reference: str = "",
    note: str = "",
) -> Appropriation:
    """Create an appropriation with the decision that reserved its amount (amount > 0)."""
    area_id = _actor_area_id(actor)
    require_area(actor, line.employment_area_id)
    amount = parse_money(amount, allow_zero=False)
    check_not_future(decided_on, what=_("Päätöspäivä"))
    appropriation = Appropriation.objects.create(
        employment_area_id=area_id,
        year=_check_year(year),
        line=line,
        name=_text(name, field=_("Nimi"), max_length=200),
        amount=amount,
        available=amount,
        created_by=actor,
    )
    decision = AppropriationDecision.objects.create(
        appropriation=appropriation,
        kind=AppropriationDecision.Kind.INITIAL,
        amount=amount,
        decided_by=_text(decided_by, field=_("Päättäjä"), max_length=200),
        decided_on=decided_on,
        reference=_text(reference, field=_("Viite"), max_length=100, required=False),
        note=note.strip(),
        recorded_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="appropriation.create",
        target=appropriation,
        changes={
            "year": [None, appropriation.year],
            "line": [None, line.code],
            "amount": [None, str(amount)],
            "decision": [None, decision.pk],
        },
    )
    return appropriation


def _lock_appropriation(appropriation_id: int) -> Appropriation:
    return Appropriation.objects.select_for_update().select_related("line").get(pk=appropriation_id)


@transaction.atomic
def appropriation_amend(
    *,
    actor: User,
    appropriation: Appropriation,
    amount: AmountInput,
    decided_by: str,
    decided_on: date,
    reference: str = "",
    note: str = "",
) -> AppropriationDecision:
    """Record an amendment (positive or negative) as a new decision; never below committed."""
    require_area(actor, appropriation.employment_area_id)
    delta = parse_money(amount, allow_negative=True, allow_zero=False)
    check_not_future(decided_on, what=_("Päätöspäivä"))
    locked = _lock_appropriation(appropriation.pk)
    new_amount = locked.amount + delta
    if new_amount - locked.committed < 0:
        raise ConflictError(
            _(
                "Muutosta ei voi tehdä: määräraha olisi %(amount)s, mutta siitä on sidottu "
                "%(committed)s."
            )
            % {"amount": format_eur(new_amount), "committed": format_eur(locked.committed)}
        )
    decision = AppropriationDecision.objects.create(
        appropriation=locked,
        kind=AppropriationDecision.Kind.AMENDMENT,
        amount=delta,
        decided_by=_text(decided_by, field=_("Päättäjä"), max_length=200),
        decided_on=decided_on,
        reference=_text(reference, field=_("Viite"), max_length=100, required=False),
        note=note.strip(),
        recorded_by=actor,
    )
    old_amount = locked.amount
    locked.amount = new_amount
    locked.available = new_amount - locked.committed
    _save_balances(locked, ["amount", "available"])
    audit_event_record(
        actor=actor,
        action="appropriation.amend",
        target=locked,
        changes={"amount": [str(old_amount), str(new_amount)], "decision": [None, decision.pk]},
    )
    return decision


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


def envelope_message(*, scheme: GrantScheme, priority: Decimal, requested: Decimal) -> str:
    free = scheme.envelope - scheme.committed
    if priority:
        return _(
            "Avustuksen kehys ei riitä: kehystä vapaana %(free)s, aiemmin saapuneiden "
            "käsittelemättömien hakemusten etusija %(priority)s, pyydetty %(requested)s, "
            "vaje %(shortfall)s."
        ) % {
            "free": format_eur(free),
            "priority": format_eur(priority),
            "requested": format_eur(requested),
            "shortfall": format_eur(requested - (free - priority)),
        }
    return _(
        "Avustuksen kehys ei riitä: kehystä vapaana %(free)s, pyydetty %(requested)s, "
        "vaje %(shortfall)s."
    ) % {
        "free": format_eur(free),
        "requested": format_eur(requested),
        "shortfall": format_eur(requested - free),
    }


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
    description = _text(description, field=_("Kuvaus"), max_length=300)
    source_id = _text(str(source_id), field=_("Lähteen tunniste"), max_length=64, required=False)
    booked_on = booked_on or timezone.localdate()
    check_not_future(booked_on, what=_("Kirjauspäivä"))
    if booked_on.year > locked.appropriation.year:
        raise DomainError(
            _(
                "Sitoumusta ei voi kirjata vuoden %(year)s määrärahalle päivälle %(date)s: "
                "vuoden päätyttyä sitoumukset kirjataan uuden vuoden määrärahalle."
            )
            % {"year": locked.appropriation.year, "date": _short(booked_on)}
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
            % {"date": _short(booked_on), "year": locked.appropriation.year}
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
    description = _text(description, field=_("Selite"), max_length=300)
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


@transaction.atomic
def appropriation_year_end_release(
    *, actor: User, appropriation: Appropriation, today: date | None = None
) -> tuple[int, Decimal]:
    """Release the unpaid part of the appropriation's commitments at the year's end.

    Allowed from 1 December of the appropriation's year on (an earlier run would be a
    mistake). Never frees money that is still owed: a grant decision's commitment (the
    employer may still claim the year's months, paid in January as a carry-over) and a
    commitment split across years stay open; the year-end report lists them as open
    obligations. Returns how many commitments were released and the total freed.
    """
    require_area(actor, appropriation.employment_area_id)
    today = today or timezone.localdate()
    if today < date(appropriation.year, 12, 1):
        raise ConflictError(
            _("Vuoden %(year)s sitoumuksia voi vapauttaa aikaisintaan 1.12.%(year)s.")
            % {"year": appropriation.year}
        )
    booked_on = min(today, date(appropriation.year, 12, 31))
    count, total = 0, ZERO
    open_ids = list(
        Commitment.objects.filter(appropriation=appropriation, committed__gt=0)
        .exclude(source_type=CommitmentSource.GRANT_DECISION)
        .exclude(year_parts__isnull=False)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    for commitment in Commitment.objects.filter(pk__in=open_ids).order_by("pk"):
        if commitment.unpaid <= 0:
            continue
        entry = commitment_release(
            actor=actor,
            commitment=commitment,
            reason=LedgerEntry.Reason.YEAR_END,
            booked_on=booked_on,
            description=_("Vuoden %(year)s päättyminen") % {"year": appropriation.year},
        )
        count += 1
        total += entry.amount
    audit_event_record(
        actor=actor,
        action="appropriation.year_end_release",
        target=appropriation,
        changes={"released": [None, str(total)], "commitments": [None, count]},
    )
    return count, total
