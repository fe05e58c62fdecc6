from datetime import date
from typing import TYPE_CHECKING

from django.db.models import Q, QuerySet

from kohtaanto.audit.models import AccessLogEntry, AuditEvent

if TYPE_CHECKING:
    from kohtaanto.accounts.models import User


def _check(actor: "User") -> None:
    actor.permissions.require("view_audit")


def audit_event_list(
    *, actor: "User", q: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet[AuditEvent]:
    _check(actor)
    qs = AuditEvent.objects.all()
    if q:
        qs = qs.filter(
            Q(actor_username__icontains=q)
            | Q(action__icontains=q)
            | Q(target_repr__icontains=q)
            | Q(target_type__icontains=q)
            | Q(target_id=q)
        )
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    return qs


def access_log_list(
    *, actor: "User", q: str = "", date_from: date | None = None, date_to: date | None = None
) -> QuerySet[AccessLogEntry]:
    _check(actor)
    qs = AccessLogEntry.objects.all()
    if q:
        qs = qs.filter(
            Q(actor_username__icontains=q)
            | Q(what__icontains=q)
            | Q(subject_repr__icontains=q)
            | Q(subject_type__icontains=q)
            | Q(subject_id=q)
        )
    if date_from:
        qs = qs.filter(occurred_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(occurred_at__date__lte=date_to)
    return qs
