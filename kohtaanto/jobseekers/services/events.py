"""The audit event of a change to one of a person's rows."""

from typing import Any

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record


def person_row_event(
    actor: User | None, action: str, row: Any, changes: dict[str, Any], *, what: object = None
) -> None:
    """Record `action` on `row` (a row of a person's record: it has `job_seeker_id`), named
    "<person id>: <what>" (the row's id unless `what` is given)."""
    audit_event_record(
        actor=actor,
        action=action,
        target=row,
        target_repr=f"{row.job_seeker_id}: {row.pk if what is None else what}",
        changes=changes,
    )
