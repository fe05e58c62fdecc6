"""Activation log (visits, meetings, calls, events) and follow-up tasks."""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Activity,
    ActivityKind,
    Company,
    CompanyContact,
    FollowUpTask,
)
from kohtaanto.employers.permissions import WRITERS


@dataclass
class ActivityData:
    kind: str
    occurred_at: datetime
    subject: str
    notes: str = ""
    agreed: str = ""
    participants: list[User] = field(default_factory=list)
    contacts: list[CompanyContact] = field(default_factory=list)


@dataclass
class TaskData:
    title: str
    due_date: date
    assignee: User


def _check_task(company: Company, data: TaskData) -> None:
    if not data.title.strip():
        raise FieldError("task_title", _("Tehtävän kuvaus puuttuu."))
    if data.assignee.employment_area_id != company.employment_area_id or (
        data.assignee.role not in WRITERS
    ):
        raise FieldError(
            "task_assignee",
            _("Tehtävän voi antaa vain alueen yritysneuvojalle tai koordinaattorille."),
        )


@transaction.atomic
def activity_log(
    *,
    actor: User,
    company: Company,
    data: ActivityData,
    follow_up: TaskData | None = None,
) -> Activity:
    """Record a contact with the company and, optionally, a follow-up task from it.

    Invariants: company participants are the company's own contacts; staff participants
    work in the company's area; the actor always takes part.
    """
    if data.kind not in ActivityKind.values:
        raise FieldError("kind", _("Tuntematon yhteydenoton laji."))
    if not data.subject.strip():
        raise FieldError("subject", _("Aihe puuttuu."))
    if timezone.is_naive(data.occurred_at):
        raise FieldError("occurred_at", _("Ajankohdasta puuttuu aikavyöhyke."))
    if any(c.company_id != company.pk for c in data.contacts):
        raise FieldError("contacts", _("Osallistujan on oltava tämän yrityksen yhteyshenkilö."))
    if any(u.employment_area_id != company.employment_area_id for u in data.participants):
        raise FieldError("participants", _("Osallistujan on työskenneltävä samalla alueella."))
    if follow_up is not None:
        _check_task(company, follow_up)
    activity = Activity.objects.create(
        company=company,
        kind=data.kind,
        occurred_at=data.occurred_at,
        subject=data.subject.strip(),
        notes=data.notes,
        agreed=data.agreed,
        created_by=actor,
    )
    participants = {u.pk: u for u in [actor, *data.participants]}
    activity.participants.set(participants.values())
    activity.contacts.set(data.contacts)
    audit_event_record(
        actor=actor,
        action="company_activity.create",
        target=activity,
        changes={
            "company": [None, company.pk],
            "kind": [None, data.kind],
            "occurred_at": [None, data.occurred_at.isoformat()],
            "participants": [None, sorted(participants)],
            "contacts": [None, sorted(c.pk for c in data.contacts)],
        },
    )
    if follow_up is not None:
        task_create(actor=actor, company=company, data=follow_up, activity=activity)
    return activity


@transaction.atomic
def task_create(
    *, actor: User, company: Company, data: TaskData, activity: Activity | None = None
) -> FollowUpTask:
    """Add a follow-up task for an advisor of the company's area."""
    _check_task(company, data)
    task = FollowUpTask.objects.create(
        company=company,
        activity=activity,
        title=data.title.strip(),
        due_date=data.due_date,
        assignee=data.assignee,
        created_by=actor,
    )
    audit_event_record(
        actor=actor,
        action="company_task.create",
        target=task,
        changes={
            "company": [None, company.pk],
            "due_date": [None, data.due_date.isoformat()],
            "assignee": [None, data.assignee.pk],
        },
    )
    return task


@transaction.atomic
def task_complete(*, actor: User, task: FollowUpTask) -> FollowUpTask:
    """Mark a task done once; a second completion is refused."""
    task = FollowUpTask.objects.select_for_update().get(pk=task.pk)
    if task.done_at is not None:
        raise ConflictError(_("Tehtävä on jo merkitty tehdyksi."))
    task.done_at = timezone.now()
    task.done_by = actor
    task.save(update_fields=["done_at", "done_by", "updated_at"])
    audit_event_record(
        actor=actor,
        action="company_task.complete",
        target=task,
        changes={"done_at": [None, task.done_at.isoformat()]},
    )
    return task
