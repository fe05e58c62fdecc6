"""Grant schemes and their dated rules.

A scheme's envelope never goes below what it has committed. A new rule closes the open rule
of its category the day before it starts; overlapping closed periods are refused."""

from datetime import date, timedelta
from typing import Any

from django.db import transaction
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record, diff
from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.formats import format_date
from kohtaanto.common.money import format_eur, parse_money
from kohtaanto.finance.models import BudgetLine, GrantScheme, SchemeRule
from kohtaanto.finance.services.ledger import AmountInput, require_area


@transaction.atomic
def grant_scheme_create(
    *,
    actor: User,
    code: str,
    name: str,
    kind: str,
    line: BudgetLine,
    envelope: AmountInput,
    starts_on: date,
    ends_on: date | None,
    legal_basis: str,
    first_come: bool = False,
    de_minimis: bool = False,
    description: str = "",
) -> GrantScheme:
    """Add a scheme to the actor's area; it takes applications once it has rules."""
    require_area(actor, line.employment_area_id)
    if GrantScheme.objects.filter(employment_area_id=line.employment_area_id, code=code).exists():
        raise ConflictError(_("Avustusohjelma %(code)s on jo olemassa.") % {"code": code})
    if ends_on is not None and ends_on < starts_on:
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    scheme = GrantScheme.objects.create(
        employment_area_id=line.employment_area_id,
        code=code,
        name=name,
        kind=kind,
        line=line,
        envelope=parse_money(envelope, field="envelope", allow_zero=True),
        starts_on=starts_on,
        ends_on=ends_on,
        legal_basis=legal_basis,
        first_come=first_come,
        de_minimis=de_minimis,
        description=description,
    )
    audit_event_record(
        actor=actor,
        action="grant_scheme.create",
        target=scheme,
        changes={"code": [None, code], "envelope": [None, str(scheme.envelope)]},
    )
    return scheme


GRANT_SCHEME_FIELDS = [
    "name",
    "envelope",
    "starts_on",
    "ends_on",
    "first_come",
    "de_minimis",
    "is_active",
    "legal_basis",
    "description",
]


@transaction.atomic
def grant_scheme_update(*, actor: User, scheme: GrantScheme, **values: Any) -> GrantScheme:
    """Change a scheme's terms; the envelope can never go below what it has committed."""
    require_area(actor, scheme.employment_area_id)
    unknown = set(values) - set(GRANT_SCHEME_FIELDS)
    if unknown:
        raise DomainError(_("Tuntemattomat kentät: %(f)s") % {"f": ", ".join(sorted(unknown))})
    locked = GrantScheme.objects.select_for_update().get(pk=scheme.pk)
    if "envelope" in values:
        values["envelope"] = parse_money(values["envelope"], field="envelope", allow_zero=True)
        if values["envelope"] < locked.committed:
            raise ConflictError(
                _("Kehys ei voi olla pienempi kuin siitä sidottu %(committed)s.")
                % {"committed": format_eur(locked.committed)}
            )
    ends_on = values.get("ends_on", locked.ends_on)
    if ends_on is not None and ends_on < values.get("starts_on", locked.starts_on):
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    before = {f: getattr(locked, f) for f in values}
    for name, value in values.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*values, "updated_at"])
    audit_event_record(
        actor=actor, action="grant_scheme.update", target=locked, changes=diff(before, values)
    )
    return locked


@transaction.atomic
def scheme_rule_create(*, actor: User, scheme: GrantScheme, **values: Any) -> SchemeRule:
    """Add a dated rule. A rule of the same category still open when the new one starts is
    closed the day before; overlapping closed periods are refused."""
    require_area(actor, scheme.employment_area_id)
    rule = SchemeRule(scheme=scheme, **values)
    if rule.valid_to is not None and rule.valid_to < rule.valid_from:
        raise DomainError(_("Päättymispäivä on ennen alkamispäivää."))
    others = SchemeRule.objects.select_for_update().filter(scheme=scheme, category=rule.category)
    for other in others:
        if other.valid_to is None and other.valid_from < rule.valid_from:
            old_end = other.valid_to
            other.valid_to = rule.valid_from - timedelta(days=1)
            other.save(update_fields=["valid_to"])
            audit_event_record(
                actor=actor,
                action="scheme_rule.close",
                target=other,
                changes={"valid_to": [old_end, other.valid_to]},
            )
            continue
        other_end = other.valid_to or date.max
        new_end = rule.valid_to or date.max
        if other.valid_from <= new_end and rule.valid_from <= other_end:
            raise ConflictError(
                _("Sääntö menee päällekkäin voimassaolon %(start)s alkaen kanssa.")
                % {"start": format_date(other.valid_from)}
            )
    rule.save()
    audit_event_record(
        actor=actor,
        action="scheme_rule.create",
        target=rule,
        changes={k: [None, v] for k, v in values.items()},
    )
    return rule
