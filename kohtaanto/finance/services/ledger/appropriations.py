"""Budget lines, appropriations and the decisions that set or amend their amounts."""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.common.validators import service_text
from kohtaanto.finance.models import Appropriation, AppropriationDecision, BudgetLine
from kohtaanto.finance.services.ledger.booking import _lock_appropriation, _save_balances
from kohtaanto.finance.services.ledger.rules import (
    AmountInput,
    _check_year,
    check_not_future,
    require_area,
)


@transaction.atomic
def budget_line_create(*, actor: User, code: str, name: str, description: str = "") -> BudgetLine:
    """Add a budget line to the actor's area; codes are unique within the area."""
    area_id = actor.required_area_id()
    code = service_text(code, field=_("Tunnus"), max_length=40).lower()
    if BudgetLine.objects.filter(employment_area_id=area_id, code=code).exists():
        raise ConflictError(_("Budjettirivi %(code)s on jo olemassa.") % {"code": code})
    line = BudgetLine.objects.create(
        employment_area_id=area_id,
        code=code,
        name=service_text(name, field=_("Nimi"), max_length=200),
        description=description.strip(),
    )
    audit_event_record(
        actor=actor, action="budget_line.create", target=line, changes={"code": [None, code]}
    )
    return line


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
    area_id = actor.required_area_id()
    require_area(actor, line.employment_area_id)
    amount = parse_money(amount, allow_zero=False)
    check_not_future(decided_on, what=_("Päätöspäivä"))
    appropriation = Appropriation.objects.create(
        employment_area_id=area_id,
        year=_check_year(year),
        line=line,
        name=service_text(name, field=_("Nimi"), max_length=200),
        amount=amount,
        available=amount,
        created_by=actor,
    )
    decision = AppropriationDecision.objects.create(
        appropriation=appropriation,
        kind=AppropriationDecision.Kind.INITIAL,
        amount=amount,
        decided_by=service_text(decided_by, field=_("Päättäjä"), max_length=200),
        decided_on=decided_on,
        reference=service_text(reference, field=_("Viite"), max_length=100, required=False),
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
        decided_by=service_text(decided_by, field=_("Päättäjä"), max_length=200),
        decided_on=decided_on,
        reference=service_text(reference, field=_("Viite"), max_length=100, required=False),
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
