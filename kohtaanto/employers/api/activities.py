"""The activation log, follow-up tasks, a company's timeline and the advisor's worklist."""

from datetime import date, datetime
from typing import Any

from ninja import Schema
from ninja.responses import Status

from kohtaanto.accounts.models import User
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers import selectors
from kohtaanto.employers.api.common import field_refusals, router, user_in_area, writable_company
from kohtaanto.employers.errors import FieldError
from kohtaanto.employers.models import (
    Activity,
    CompanyContact,
    FollowUpTask,
)
from kohtaanto.employers.services import activities

# Activation log and tasks


class TaskOut(Schema):
    id: int
    company_id: int
    activity_id: int | None
    title: str
    due_date: date
    assignee_id: int
    done_at: datetime | None


class ActivityOut(Schema):
    id: int
    kind: str
    occurred_at: datetime
    subject: str
    notes: str
    agreed: str
    participant_ids: list[int]
    contact_ids: list[int]
    created_by_id: int | None

    @staticmethod
    def resolve_participant_ids(obj: Activity) -> list[int]:
        return sorted(u.pk for u in obj.participants.all())

    @staticmethod
    def resolve_contact_ids(obj: Activity) -> list[int]:
        return sorted(c.pk for c in obj.contacts.all())


class TaskIn(Schema):
    title: str
    due_date: date
    assignee_id: int | None = None


class ActivityIn(Schema):
    kind: str
    occurred_at: datetime
    subject: str
    notes: str = ""
    agreed: str = ""
    participant_ids: list[int] = []
    contact_ids: list[int] = []
    follow_up: TaskIn | None = None


def _task_data(actor: User, payload: TaskIn) -> activities.TaskData:
    assignee = user_in_area(actor, payload.assignee_id, "assignee_id") or actor
    return activities.TaskData(title=payload.title, due_date=payload.due_date, assignee=assignee)


@router.get("/companies/{id}/activities", response=list[ActivityOut])
def activity_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_activities", company)
    return selectors.activity_list(actor=request.user, company=company)


@router.post("/companies/{id}/activities", response={201: ActivityOut})
def activity_create(request: AuthenticatedHttpRequest, id: int, payload: ActivityIn) -> Any:
    actor = request.user
    company = writable_company(actor, id)
    with field_refusals():
        participants = list(
            User.objects.filter(
                pk__in=payload.participant_ids, employment_area_id=actor.employment_area_id
            )
        )
        if len(participants) != len(set(payload.participant_ids)):
            raise FieldError("participant_ids", "Unknown participant.")
        contacts = list(CompanyContact.objects.filter(pk__in=payload.contact_ids))
        if len(contacts) != len(set(payload.contact_ids)):
            raise FieldError("contact_ids", "Unknown contact.")
        activity = activities.activity_log(
            actor=actor,
            company=company,
            data=activities.ActivityData(
                kind=payload.kind,
                occurred_at=payload.occurred_at,
                subject=payload.subject,
                notes=payload.notes,
                agreed=payload.agreed,
                participants=participants,
                contacts=contacts,
            ),
            follow_up=_task_data(actor, payload.follow_up) if payload.follow_up else None,
        )
    return Status(201, activity)


@router.get("/companies/{id}/tasks", response=list[TaskOut])
def task_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_company_activities", company)
    return selectors.task_list(actor=request.user, company=company)


@router.post("/companies/{id}/tasks", response={201: TaskOut})
def task_create(request: AuthenticatedHttpRequest, id: int, payload: TaskIn) -> Any:
    company = writable_company(request.user, id)
    with field_refusals():
        task = activities.task_create(
            actor=request.user, company=company, data=_task_data(request.user, payload)
        )
    return Status(201, task)


@router.post("/company-tasks/{id}/complete", response=TaskOut)
def task_complete(request: AuthenticatedHttpRequest, id: int) -> FollowUpTask:
    task = selectors.task_get_for_actor(actor=request.user, id=id)
    return activities.task_complete(actor=request.user, task=task)


class TimelineOut(Schema):
    at: datetime
    kind: str
    title: str
    detail: str
    url: str


@router.get("/companies/{id}/timeline", response=list[TimelineOut])
def company_timeline(request: AuthenticatedHttpRequest, id: int) -> Any:
    company = selectors.company_get_for_actor(actor=request.user, id=id)
    return selectors.company_timeline(actor=request.user, company=company)


class WorklistSurveyOut(Schema):
    id: int
    company_id: int
    status: str
    link_sent_at: datetime | None
    last_saved_at: datetime | None
    submitted_at: datetime | None


class WorklistVacancyOut(Schema):
    id: int
    company_id: int
    title: str
    closing_date: date | None


class EmployerWorklistOut(Schema):
    overdue_tasks: list[TaskOut]
    upcoming_tasks: list[TaskOut]
    answered_surveys: list[WorklistSurveyOut]
    pending_surveys: list[WorklistSurveyOut]
    closing_vacancies: list[WorklistVacancyOut]


@router.get("/company-worklist", response=EmployerWorklistOut)
def worklist(request: AuthenticatedHttpRequest) -> Any:
    return selectors.worklist(actor=request.user)
