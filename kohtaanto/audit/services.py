"""Writing audit rows. Call these inside the service's own transaction."""

import json
from collections.abc import Iterable
from typing import Any

from django.db import models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast

from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.common.client_address import current_client_address
from kohtaanto.common.imports.bulk import rows_insert

REMOVED = "[poistettu]"


def _target_label(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


# The types JSON holds as they are, looked up by exact type first: an import's audit events hold
# hundreds of them each.
_PLAIN_TYPES = frozenset({type(None), bool, int, float, str})


def _json_safe(value: Any) -> Any:
    kind = type(value)
    if kind in _PLAIN_TYPES:
        return value
    if kind is list:
        return [v if type(v) in _PLAIN_TYPES else _json_safe(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _json_safe(v) for k, v in value.items()}
    if isinstance(value, models.Model):
        return str(value.pk)
    return str(value)


def audit_event_record(
    *,
    actor: Any,
    action: str,
    target: models.Model,
    changes: dict[str, Any] | None = None,
    target_repr: str | None = None,
) -> AuditEvent:
    """Append one domain event. `changes` maps field → [old, new]."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if authenticated else None,
        actor_username=actor.get_username() if authenticated else "",
        action=action,
        target_type=_target_label(target),
        target_id=str(target.pk),
        target_repr=(target_repr if target_repr is not None else str(target))[:255],
        changes=_json_safe(changes or {}),
    )


def audit_events_record_many(
    *, actor: Any, events: Iterable[tuple[str, models.Model, dict[str, Any]]]
) -> None:
    """Append many domain events (action, target, changes) in one insert, as
    `audit_event_record` would one by one: for bulk imports."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    actor_id = actor.pk if authenticated else None
    username = actor.get_username() if authenticated else ""
    # Plain rows rather than model instances: an import writes one event a person.
    rows_insert(
        AuditEvent,
        (
            {
                "actor_id": actor_id,
                "actor_username": username,
                "action": action,
                "target_type": _target_label(target),
                "target_id": str(target.pk),
                "target_repr": str(target)[:255],
                "changes": _json_safe(changes or {}),
            }
            for action, target, changes in events
        ),
    )


def audit_events_record_plain(
    *,
    actor: Any,
    target_type: type[models.Model],
    events: Iterable[tuple[str, Any, str, dict[str, Any]]],
) -> int:
    """Append many domain events on objects of one model, given as (action, target's pk,
    target's text, changes) without the objects: for bulk imports that insert their rows
    without model instances. `changes` must be plain JSON already (dicts, lists, str, int,
    float, bool, None; a model as its pk in text, as `audit_event_record` stores it): it is
    written as it is, and a value JSON cannot hold (a model, a date) fails the insert rather
    than being turned into text. The rows are those `audit_events_record_many` writes.
    Returns the number of events."""
    authenticated = actor is not None and getattr(actor, "is_authenticated", False)
    actor_id = actor.pk if authenticated else None
    username = actor.get_username() if authenticated else ""
    label = _target_label(target_type)  # type: ignore[arg-type]
    return rows_insert(
        AuditEvent,
        ((action, str(pk), text[:255], changes) for action, pk, text, changes in events),
        columns=("action", "target_id", "target_repr", "changes"),
        same={"actor_id": actor_id, "actor_username": username, "target_type": label},
    )


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """Field → [old, new] for the fields whose value changed."""
    return {k: [old.get(k), new.get(k)] for k in new if old.get(k) != new.get(k)}


def access_log_record_many(
    *,
    actor: Any,
    subject_type: type[models.Model],
    subject_ids: "list[int] | set[int]",
    what: str,
    reason: str = "",
    path: str = "",
) -> int:
    """Record in one INSERT that `actor` was shown `what` of each person in `subject_ids`
    (a list page showing many people); the rows are those `access_log_record` would write.
    Returns the number of rows."""
    authenticated = getattr(actor, "is_authenticated", False)
    label = f"{subject_type._meta.app_label}.{subject_type._meta.model_name}"
    rows = [
        AccessLogEntry(
            actor=actor if authenticated else None,
            actor_username=actor.get_username() if authenticated else "",
            subject_type=label,
            subject_id=str(pk),
            subject_repr=f"#{pk}",
            what=what,
            reason=reason[:255],
            path=path[:500],
        )
        for pk in sorted(set(subject_ids))
    ]
    AccessLogEntry.objects.bulk_create(rows)
    return len(rows)


def access_log_record(
    *,
    actor: Any,
    subject: models.Model,
    what: str,
    reason: str = "",
    path: str = "",
    subject_repr: str | None = None,
) -> AccessLogEntry:
    """Record that `actor` was shown `what` of the person `subject`."""
    return AccessLogEntry.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        actor_username=actor.get_username() if getattr(actor, "is_authenticated", False) else "",
        subject_type=_target_label(subject),
        subject_id=str(subject.pk),
        subject_repr=(subject_repr if subject_repr is not None else f"#{subject.pk}")[:255],
        what=what,
        reason=reason[:255],
        path=path[:500],
        client_address=current_client_address(),
    )


def _redact_all(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _redact_all(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_all(v) for v in value]
    return None if value is None else REMOVED


def _redact_matching(value: Any, needles: list[str]) -> Any:
    if isinstance(value, dict):
        return {k: _redact_matching(v, needles) for k, v in value.items()}
    if isinstance(value, list):
        return [_redact_matching(v, needles) for v in value]
    if isinstance(value, str) and _mentions(value, needles):
        return REMOVED
    return value


def _mentions(text: str, needles: list[str]) -> bool:
    lowered = text.casefold()
    return any(needle.casefold() in lowered for needle in needles)


def _text_query(fields: Iterable[str], needles: list[str]) -> Q:
    query = Q()
    for needle in needles:
        # JSON on SQLite keeps non-ASCII letters as \u escapes; look for both spellings.
        spellings = {needle, json.dumps(needle)[1:-1]}
        for field in fields:
            for spelling in spellings:
                query |= Q(**{f"{field}__icontains": spelling})
    return query


@transaction.atomic
def audit_forget(*, subjects: Iterable[tuple[str, str]], needles: Iterable[str]) -> int:
    """Scrub a person's data from audit snapshots and access-log labels; return rows changed.

    `subjects` are (label, id) pairs of the person and of every object that was theirs
    (`jobseekers.jobseeker`, `jobseekers.consent`, …): events about them lose every value
    in `changes` (the field names stay) and their label becomes the bare id. `needles` are
    the person's identifying texts (full name, e-mail, phone, …): any other event or access
    row that mentions one loses the strings that mention it. The event, the actor, the time,
    what was seen and why stay, so the proof of lawful processing remains.
    """
    subjects = [(label, str(pk)) for label, pk in subjects]
    needles = sorted({n.strip() for n in needles if n and len(n.strip()) >= 3})
    changed = 0
    by_subject = Q()
    for label, pk in subjects:
        by_subject |= Q(target_type=label, target_id=pk)
    if subjects:
        for event in AuditEvent.objects.filter(by_subject).only("id", "changes", "target_id"):
            changed += AuditEvent.objects.filter(pk=event.pk).scrub(
                changes=_redact_all(event.changes), target_repr=f"#{event.target_id}"
            )
    if needles:
        mentioned = (
            AuditEvent.objects.annotate(changes_text=Cast("changes", TextField()))
            .filter(_text_query(["changes_text", "target_repr"], needles))
            .exclude(by_subject)
            .only("id", "changes", "target_id", "target_repr")
        )
        for event in mentioned:
            target_repr = event.target_repr
            if _mentions(target_repr, needles):
                target_repr = f"#{event.target_id}"
            changed += AuditEvent.objects.filter(pk=event.pk).scrub(
                changes=_redact_matching(event.changes, needles), target_repr=target_repr
            )
    by_person = Q()
    for label, pk in subjects:
        by_person |= Q(subject_type=label, subject_id=pk)
    access = AccessLogEntry.objects.none()
    if subjects:
        access = AccessLogEntry.objects.filter(by_person)
    if needles:
        access = access | AccessLogEntry.objects.filter(
            _text_query(["subject_repr", "reason", "path"], needles)
        )
    for entry in access.only("id", "subject_id", "subject_repr", "reason", "path"):
        changed += AccessLogEntry.objects.filter(pk=entry.pk).scrub(
            subject_repr=f"#{entry.subject_id}",
            reason=REMOVED if _mentions(entry.reason, needles) else entry.reason,
            path=REMOVED if _mentions(entry.path, needles) else entry.path,
        )
    return changed
