from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet

from kohtaanto.audit.models import AccessLogEntry, AuditEvent
from kohtaanto.common.querysets import filter_given

if TYPE_CHECKING:
    from kohtaanto.accounts.models import User

M = TypeVar("M", AuditEvent, AccessLogEntry)


def _check(actor: "User") -> None:
    actor.permissions.require("view_audit")


@dataclass(frozen=True)
class LogSearch:
    """What a search of either log asks for: a free word, who did it (`person`), the object
    (`object_type` such as "finance.commitment", and its id) and the days (Helsinki time).
    A blank value asks for no filter."""

    q: str = ""
    date_from: date | None = None
    date_to: date | None = None
    person: "User | None" = None
    object_type: str = ""
    object_id: str = ""


def audit_event_list(*, actor: "User", search: LogSearch) -> QuerySet[AuditEvent]:
    """Events newest first, filtered by `search`."""
    _check(actor)
    return _log_filter(AuditEvent.objects.select_related("actor"), search, "action", "target")


def access_log_list(*, actor: "User", search: LogSearch) -> QuerySet[AccessLogEntry]:
    """Reads of personal data newest first, filtered by `search` (the object is the person
    whose data was shown)."""
    _check(actor)
    return _log_filter(AccessLogEntry.objects.select_related("actor"), search, "what", "subject")


def _log_filter(qs: QuerySet[M], search: LogSearch, deed: str, subject: str) -> QuerySet[M]:
    """The filters both logs share. `deed` names the field saying what was done, `subject` the
    prefix of the object's fields (`<subject>_type`, `_id`, `_repr`)."""
    q = search.q
    if q:
        qs = qs.filter(
            Q(actor_username__icontains=q)
            | Q(**{f"{deed}__icontains": q})
            | Q(**{f"{subject}_repr__uicontains": q})
            | Q(**{f"{subject}_type__icontains": q})
            | Q(**{f"{subject}_id": q})
        )
    return filter_given(
        qs,
        actor_id=search.person.pk if search.person is not None else None,
        occurred_at__date__gte=search.date_from,
        occurred_at__date__lte=search.date_to,
        **{f"{subject}_type": search.object_type, f"{subject}_id": search.object_id},
    )


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
