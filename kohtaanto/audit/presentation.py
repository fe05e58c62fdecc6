"""Audit rows as people read them: names instead of user names, translated event names and
sentences, field names from the models, values in the reader's language (amounts "2 520,00 €",
dates "2.12.2026", choices by their label: "vastaanotettu → maksettu").

Used by the log page and its Excel export, so that both say the same thing.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kohtaanto.audit.events import ACCESS_WHAT, CHANGE_LABELS, EVENT_TYPES
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.common.formats import format_date, format_datetime, user_display_name
from kohtaanto.common.money import format_eur

# Change keys that hold euro amounts although their model field is named otherwise (or the
# value is a balance the service computed, such as a commitment's paid total).
MONEY_KEYS = frozenset(
    {"amount", "paid", "committed", "gross_salary", "budget", "price", "employer_share", "total"}
)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")


@dataclass(frozen=True)
class Change:
    field: str
    old: str
    new: str


@dataclass(frozen=True)
class EventView:
    occurred_at: datetime.datetime
    actor_name: str
    actor_username: str
    action: str
    name: str
    sentence: str
    target_type: str
    target_id: str
    target_repr: str
    changes: list[Change]


@dataclass(frozen=True)
class AccessView:
    occurred_at: datetime.datetime
    actor_name: str
    actor_username: str
    what: str
    subject_type: str
    subject_id: str
    subject_repr: str
    reason: str


@lru_cache(maxsize=256)
def _model(label: str) -> type[models.Model] | None:
    try:
        return apps.get_model(label)
    except (LookupError, ValueError):
        return None


def _field(model: type[models.Model] | None, name: str) -> models.Field | None:
    if model is None:
        return None
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return field if isinstance(field, models.Field) else None


def type_label(label: str) -> str:
    """`finance.commitment` → "Sitoumus" (the model's name in the reader's language)."""
    model = _model(label)
    return capfirst(str(model._meta.verbose_name)) if model is not None else label


def event_name(action: str) -> str:
    known = EVENT_TYPES.get(action)
    return str(known.name) if known else action


def actor_name(row: AuditEvent | AccessLogEntry) -> str:
    """The person's name where it is known; the user name of a removed user; "Järjestelmä"
    for what the system did itself (imports, scheduled tasks)."""
    user = row.actor
    if user is not None:
        return user_display_name(
            first_name=user.first_name,
            last_name=user.last_name,
            username=row.actor_username or user.username,
        )
    return row.actor_username or _("Järjestelmä")


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, bool) or value is None:
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def event_amount(changes: dict[str, Any]) -> Decimal | None:
    """The euro amount a money event moved: the new `amount`, or how much `paid` or
    `committed` changed by."""
    if isinstance(changes.get("amount"), list) and len(changes["amount"]) == 2:
        return _decimal(changes["amount"][1])
    for key in ("paid", "committed"):
        pair = changes.get(key)
        if isinstance(pair, list) and len(pair) == 2:
            old, new = _decimal(pair[0]) or Decimal(0), _decimal(pair[1])
            if new is not None:
                return abs(new - old)
    return None


def format_value(model: type[models.Model] | None, key: str, value: Any) -> str:
    """One recorded value in the reader's language."""
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("kyllä") if value else _("ei")
    if isinstance(value, list):
        return ", ".join(format_value(model, key, v) for v in value) or "–"
    if isinstance(value, dict):
        return ", ".join(f"{k}: {format_value(model, k, v)}" for k, v in value.items())
    field = _field(model, key)
    if field is not None and field.choices:
        labels = {str(k): str(v) for k, v in field.flatchoices}
        if str(value) in labels:
            return labels[str(value)]
    is_money = key in MONEY_KEYS or (
        isinstance(field, models.DecimalField) and field.decimal_places == 2
    )
    number = _decimal(value) if is_money else None
    if number is not None:
        return format_eur(number)
    text = str(value)
    if _ISO_DATE.match(text):
        try:
            return format_date(datetime.date.fromisoformat(text))
        except ValueError:
            return text
    if _ISO_DATETIME.match(text):
        try:
            return format_datetime(datetime.datetime.fromisoformat(text))
        except ValueError:
            return text
    return text


def _field_label(model: type[models.Model] | None, key: str) -> str:
    field = _field(model, key)
    if field is not None:
        return capfirst(str(field.verbose_name))
    if key in CHANGE_LABELS:
        return str(CHANGE_LABELS[key])
    return capfirst(key.replace("_", " "))


def describe_event(event: AuditEvent) -> EventView:
    model = _model(event.target_type)
    name = actor_name(event)
    target = event.target_repr or f"#{event.target_id}"
    changes = event.changes if isinstance(event.changes, dict) else {}
    amount = event_amount(changes)
    known = EVENT_TYPES.get(event.action)
    if known is not None:
        sentence = str(known.sentence) % {
            "actor": name,
            "target": target,
            "amount": format_eur(amount) if amount is not None else "–",
        }
    else:
        sentence = _("%(actor)s: %(action)s, %(target)s.") % {
            "actor": name,
            "action": event.action,
            "target": target,
        }
    rows = []
    for key, pair in changes.items():
        old, new = pair if isinstance(pair, list) and len(pair) == 2 else (None, pair)
        rows.append(
            Change(
                _field_label(model, key),
                format_value(model, key, old),
                format_value(model, key, new),
            )
        )
    return EventView(
        occurred_at=event.occurred_at,
        actor_name=name,
        actor_username=event.actor_username,
        action=event.action,
        name=event_name(event.action),
        sentence=sentence,
        target_type=type_label(event.target_type),
        target_id=event.target_id,
        target_repr=event.target_repr,
        changes=rows,
    )


def describe_access(entry: AccessLogEntry) -> AccessView:
    return AccessView(
        occurred_at=entry.occurred_at,
        actor_name=actor_name(entry),
        actor_username=entry.actor_username,
        what=str(ACCESS_WHAT[entry.what]) if entry.what in ACCESS_WHAT else entry.what,
        subject_type=type_label(entry.subject_type),
        subject_id=entry.subject_id,
        subject_repr=entry.subject_repr,
        reason=entry.reason,
    )
