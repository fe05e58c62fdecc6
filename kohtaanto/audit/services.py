"""Writing audit rows. Call these inside the service's own transaction."""

from typing import Any

from django.db import models

from kohtaanto.audit.models import AccessLogEntry, AuditEvent


def _target_label(obj: models.Model) -> str:
    return f"{obj._meta.app_label}.{obj._meta.model_name}"


def _json_safe(value: Any) -> Any:
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
    )
