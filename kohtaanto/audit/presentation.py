"""Audit rows as people read them: names instead of user names, translated event names and
sentences, field names from the models, values in the reader's language (amounts "2 520,00 €",
dates "2.12.2026", times "2.12.2026 klo 14.30", choices by their label: "vastaanotettu →
maksettu", related objects by their text: "Esimerkki Konepaja Oy" rather than 3).

Used by the log page and its Excel export, so that both say the same thing. Only what is shown
changes: the stored rows stay as the services wrote them.
"""

import datetime
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from django.db import models
from django.utils import formats, timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from kohtaanto.audit.events import ACCESS_WHAT, CHANGE_LABELS, EVENT_TYPES
from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.audit.reasons import LISTED, listed_ids, reason_text
from kohtaanto.audit.references import (
    CONCEPT_URI,
    PERSON_RULES,
    PERSONAL_APPS,
    USERNAME_KEYS,
    References,
    field_of,
    locate,
    model_for,
    pk_of,
    reference_model,
    references_for,
    type_label,
)
from kohtaanto.common.formats import (
    format_date,
    format_integer,
    language_name,
    user_display_name,
)
from kohtaanto.common.money import format_decimal, format_eur

# Change keys that hold euro amounts although their model field is named otherwise (or the
# value is a balance the service computed, such as a commitment's paid total).
MONEY_KEYS = frozenset(
    {
        "amount",
        "paid",
        "committed",
        "gross_salary",
        "budget",
        "price",
        "employer_share",
        "total",
        "claimed",
        "eligible",
        "released",
        "ceiling",
        "envelope",
        "maximum_amount",
        "later_years",
    }
)
# Decimal fields that count something other than euros: percentages, hours, months, years.
_QUANTITY = re.compile(r"percent|hours|months|person_years")
# Change keys that hold language codes ("fi", or several: "fi,sv,en").
LANGUAGE_KEYS = frozenset({"language", "lang", "languages", "preferred_language"})
_LANGUAGE_CODES = re.compile(r"^[a-z]{2}(,[a-z]{2})*$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_DATETIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}")
_ISO_PERIOD = re.compile(r"^(\d{4}-\d{2}-\d{2})\s*[–-]\s*(\d{4}-\d{2}-\d{2})$")
# Reverse relations recorded as the related rows' choice codes: (model, field with choices).
CHOICES_FROM: dict[str, tuple[str, str]] = {
    "employers.company:programme_roles": ("employers.companyprogrammerole", "role"),
}
# A programme activity's participant as recorded: "<organisation id or ->:<name>".
_PARTICIPANT = re.compile(r"^(\d+|-):(.+)$")


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


def format_moment(value: datetime.datetime) -> str:
    """A moment in Helsinki time as the audit log shows it: fi "2.12.2026 klo 14.30",
    sv "2.12.2026 kl. 14.30", en "2 Dec 2026, 14:30" (the locale's DATETIME_FORMAT)."""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return formats.date_format(value, "DATETIME_FORMAT")


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


def _number(value: Decimal) -> str:
    """A count or share that is not euros: "100", "37,5" ("37.5" in English)."""
    places = 0 if value == value.to_integral_value() else 2
    return format_decimal(value, places=places)


def _is_money(field: models.Field | None, key: str) -> bool:
    if key in MONEY_KEYS or key.endswith("_eur"):
        return True
    return (
        isinstance(field, models.DecimalField)
        and field.decimal_places == 2
        and not _QUANTITY.search(field.name)
    )


def _text_value(text: str) -> str:
    """Dates, moments and periods written by the services in ISO 8601."""
    try:
        if _ISO_DATE.match(text):
            return format_date(datetime.date.fromisoformat(text))
        if _ISO_DATETIME.match(text):
            return format_moment(datetime.datetime.fromisoformat(text))
        period = _ISO_PERIOD.match(text)
        if period:
            start, end = (datetime.date.fromisoformat(d) for d in period.groups())
            return f"{format_date(start)}–{format_date(end)}"
    except ValueError:
        return text
    return text


def _participant(text: str, refs: References) -> str | None:
    """ "1:Eero Malli" → "Eero Malli (KPEDU)"; "-:Kaisa Koordinaattori" → the name alone."""
    match = _PARTICIPANT.match(text)
    organisation = reference_model(model_for("programme.activityparticipant"), "organisation")
    if match is None or organisation is None:
        return None
    org_id, name = match.groups()
    if org_id == "-":
        return name
    return f"{name} ({refs.text(organisation, org_id)})"


def _vacancy_skill(value: list[Any], refs: References) -> str:
    """A vacancy's skill as recorded, [URI, essential, level] → "kaarihitsaus (välttämätön,
    taso 2)"."""
    uri, essential, level = ([*value, None, None])[:3]
    name = refs.concept(str(uri)) or str(uri)
    if essential:
        return _("%(skill)s (välttämätön, taso %(level)s)") % {"skill": name, "level": level}
    return _("%(skill)s (toivottu, taso %(level)s)") % {"skill": name, "level": level}


# Values of one key that are small lists of their own: "<target type>:<key>" → formatter.
VALUE_SHAPES = {"employers.vacancy:skills": _vacancy_skill}


def format_value(
    model: type[models.Model] | None,
    key: str,
    value: Any,
    refs: References | None = None,
    action: str = "",
) -> str:
    """One recorded value in the reader's language; ids of related objects as the objects'
    texts from `refs` (a neutral "Yritys #3" without them)."""
    refs = refs if refs is not None else References()
    if value is None or value == "":
        return "–"
    if isinstance(value, bool):
        return _("kyllä") if value else _("ei")
    if isinstance(value, list):
        shape = VALUE_SHAPES.get(f"{model._meta.label_lower if model else ''}:{key}")
        if shape is not None and value and not isinstance(value[0], list):
            return shape(value, refs)
        return ", ".join(format_value(model, key, v, refs, action) for v in value) or "–"
    if isinstance(value, dict):
        # Keys that are years ({"2027": "1000.00"}) say when; the value is still the key's.
        return ", ".join(
            f"{k}: {format_value(model, key, v, refs, action)}"
            if str(k).isdigit()
            else f"{_field_label(model, str(k))}: {format_value(model, str(k), v, refs, action)}"
            for k, v in value.items()
        )
    field = field_of(model, key)
    if field is not None and field.choices:
        labels = {str(k): str(v) for k, v in field.flatchoices}
        if str(value) in labels:
            return labels[str(value)]
    related = reference_model(model, key)
    found = locate(related, value, action=action, key=key) if related is not None else None
    if related is not None and found is not None:
        return refs.text(related, found[1], found[0])
    choices = CHOICES_FROM.get(f"{model._meta.label_lower if model else ''}:{key}")
    if choices is not None:
        chosen = field_of(model_for(choices[0]), choices[1])
        labels = {str(k): str(v) for k, v in chosen.flatchoices} if chosen is not None else {}
        if str(value) in labels:
            return labels[str(value)]
    number = _decimal(value)
    if number is not None and _is_money(field, key):
        return format_eur(number)
    if number is not None and isinstance(field, models.DecimalField):
        return _number(number)
    if isinstance(value, int) and abs(value) >= 10000:  # a count; years stay as they are
        return format_integer(value)
    text = str(value)
    if key in USERNAME_KEYS:
        return refs.user(text) or text
    if key in LANGUAGE_KEYS and _LANGUAGE_CODES.match(text):
        return ", ".join(language_name(code) for code in text.split(","))
    if CONCEPT_URI.match(text):
        return refs.concept(text) or text
    if key == "participants" and model is model_for("programme.activityentry"):
        return _participant(text, refs) or text
    return _text_value(text)


def _auto_named(field: models.Field) -> bool:
    """A field whose label Django made from its code name (an English word): explicit labels
    are lazy translations."""
    return isinstance(field.verbose_name, str)


def _field_label(model: type[models.Model] | None, key: str) -> str:
    """The change key `key` of an event on `model` in words: the field's own label, else the
    project's word for the key (`CHANGE_LABELS`), else the name of the kind of object it
    holds, else the key itself."""
    field = field_of(model, key)
    if field is None and key.endswith("_id"):
        field = field_of(model, key[:-3])
    if field is not None and not _auto_named(field):
        return capfirst(str(field.verbose_name))
    if key in CHANGE_LABELS:
        return str(CHANGE_LABELS[key])
    related = reference_model(model, key)
    if related is not None:
        return type_label(related._meta.label_lower)
    return capfirst(key.replace("_", " "))


_BARE_ID = re.compile(r"^#\S+$")
# Objects of a person's record (a CV, a consent) are recorded as "<job seeker id>: <object>".
_PERSON_PREFIXED = re.compile(r"^(\d+): (.+)$", re.DOTALL)


def _person_prefixed(label: str, recorded: str) -> tuple[str, str] | None:
    """(the job seeker's id, the object's own text) of a recorded text "12: cv.pdf" of an
    object of a person's record; None for any other text."""
    if label == LISTED or label.split(".")[0] not in PERSONAL_APPS:
        return None
    match = _PERSON_PREFIXED.match(recorded)
    return (match.group(1), match.group(2)) if match else None


def _shown_by_id(text: str) -> bool:
    """A label that is only the object's id: a list page's access row, or a scrubbed one."""
    return not text or bool(_BARE_ID.match(text))


def describe_events(
    events: Iterable[AuditEvent], *, actor: Any, people_shown: set[tuple[str, str]] | None = None
) -> list[EventView]:
    """A page of events, with every object they name looked up at once; the (type, id) of
    each person whose name the page reads out is added to `people_shown`."""
    events = list(events)
    refs = references_for(
        actor=actor,
        changes=[
            (e.target_type, e.action, e.changes) for e in events if isinstance(e.changes, dict)
        ],
        objects=[(e.target_type, e.target_id) for e in events if _shown_by_id(e.target_repr)]
        + [
            (LISTED, prefixed[0])
            for e in events
            if (prefixed := _person_prefixed(e.target_type, e.target_repr))
        ],
    )
    views = [describe_event(event, refs) for event in events]
    if people_shown is not None:
        people_shown.update(refs.people_shown)
    return views


def describe_accesses(
    entries: Iterable[AccessLogEntry],
    *,
    actor: Any,
    people_shown: set[tuple[str, str]] | None = None,
) -> list["AccessView"]:
    """A page of the access log, the people shown by id named as `actor` may see them; the
    (type, id) of each person whose name the page reads out is added to `people_shown`."""
    entries = list(entries)
    objects = [(e.subject_type, e.subject_id) for e in entries if _shown_by_id(e.subject_repr)]
    objects += [(LISTED, pk) for e in entries for pk in listed_ids(e.reason)]
    refs = references_for(actor=actor, changes=[], objects=objects)
    views = [describe_access(entry, refs) for entry in entries]
    if people_shown is not None:
        people_shown.update(refs.people_shown)
    return views


def _object_text(label: str, pk: str, recorded: str, refs: References) -> str:
    prefixed = _person_prefixed(label, recorded)
    person = model_for(LISTED)
    if prefixed is not None and person is not None:
        # The person as the reader may see them ("henkilö #12" otherwise), never a bare id.
        return _("%(person)s: %(object)s") % {
            "person": refs.text(person, prefixed[0]),
            "object": prefixed[1],
        }
    if not _shown_by_id(recorded):
        if label in PERSON_RULES:
            refs.people_shown.add((label, pk))  # the name as recorded
        return recorded
    model = model_for(label)
    key = pk_of(model, pk) if model is not None else None
    if model is None or key is None:
        return recorded or f"#{pk}"
    return refs.text(model, key)


def describe_event(event: AuditEvent, refs: References | None = None) -> EventView:
    refs = refs if refs is not None else References()
    model = model_for(event.target_type)
    name = actor_name(event)
    target = _object_text(event.target_type, event.target_id, event.target_repr, refs)
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
                format_value(model, key, old, refs, event.action),
                format_value(model, key, new, refs, event.action),
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
        target_repr=target,
        changes=rows,
    )


def describe_access(entry: AccessLogEntry, refs: References | None = None) -> AccessView:
    refs = refs if refs is not None else References()
    return AccessView(
        occurred_at=entry.occurred_at,
        actor_name=actor_name(entry),
        actor_username=entry.actor_username,
        what=str(ACCESS_WHAT[entry.what]) if entry.what in ACCESS_WHAT else entry.what,
        subject_type=type_label(entry.subject_type),
        subject_id=entry.subject_id,
        subject_repr=_object_text(entry.subject_type, entry.subject_id, entry.subject_repr, refs),
        reason=reason_text(entry.reason, refs),
    )
