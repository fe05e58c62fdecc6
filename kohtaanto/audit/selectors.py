from datetime import date
from typing import TYPE_CHECKING

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from kohtaanto.audit.models import AccessLogEntry, AuditEvent

if TYPE_CHECKING:
    from kohtaanto.accounts.models import User


def _check(actor: "User") -> None:
    actor.permissions.require("view_audit")


def audit_event_list(
    *,
    actor: "User",
    q: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    person: "User | None" = None,
    object_type: str = "",
    object_id: str = "",
) -> QuerySet[AuditEvent]:
    """Events newest first, filtered by a free word, by who did them (`person`), by the object
    (`object_type` such as "finance.commitment", and its id) and by day (Helsinki time)."""
    _check(actor)
    qs = AuditEvent.objects.select_related("actor")
    if q:
        qs = qs.filter(
            Q(actor_username__icontains=q)
            | Q(action__icontains=q)
            | Q(target_repr__icontains=q)
            | Q(target_type__icontains=q)
            | Q(target_id=q)
        )
    if person is not None:
        qs = qs.filter(actor_id=person.pk)
    if object_type:
        qs = qs.filter(target_type=object_type)
    if object_id:
        qs = qs.filter(target_id=object_id)
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    return qs


def access_log_list(
    *,
    actor: "User",
    q: str = "",
    date_from: date | None = None,
    date_to: date | None = None,
    person: "User | None" = None,
    object_type: str = "",
    object_id: str = "",
) -> QuerySet[AccessLogEntry]:
    """Reads of personal data newest first, with the same filters as `audit_event_list`
    (the object is the person whose data was shown)."""
    _check(actor)
    qs = AccessLogEntry.objects.select_related("actor")
    if q:
        qs = qs.filter(
            Q(actor_username__icontains=q)
            | Q(what__icontains=q)
            | Q(subject_repr__icontains=q)
            | Q(subject_type__icontains=q)
            | Q(subject_id=q)
        )
    if person is not None:
        qs = qs.filter(actor_id=person.pk)
    if object_type:
        qs = qs.filter(subject_type=object_type)
    if object_id:
        qs = qs.filter(subject_id=object_id)
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    return qs


def audit_people(*, actor: "User") -> QuerySet["User"]:
    """Everyone who may appear as the doer in the logs, by name, for the person filter."""
    _check(actor)
    return get_user_model().objects.order_by("last_name", "first_name", "username")


def audit_object_types(*, actor: "User") -> list[str]:
    """The object types that occur in either log (model labels), for the object filter."""
    _check(actor)
    events = AuditEvent.objects.order_by().values_list("target_type", flat=True).distinct()
    reads = AccessLogEntry.objects.order_by().values_list("subject_type", flat=True).distinct()
    return sorted(set(events) | set(reads))
