"""The activation plan (goals, actions) and service events."""

import datetime
from typing import Any

from django.shortcuts import get_object_or_404
from ninja import Field, Query, Schema, Status

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.api.common import (
    company_choice,
    partner_choice,
    person_get,
    person_read_log,
    router,
)
from kohtaanto.jobseekers.models import (
    JobSeeker,
)
from kohtaanto.jobseekers.services import plan as plan_services

# --- plan, events, timeline ------------------------------------------------------------------


class GoalOut(Schema):
    id: int
    description: str
    target_date: datetime.date | None
    status: str


class ActionOut(Schema):
    id: int
    goal_id: int | None
    description: str
    due_on: datetime.date
    status: str
    completed_on: datetime.date | None


class EventOut(Schema):
    id: int
    kind: str
    occurred_on: datetime.date
    description: str
    training_name: str
    partner_organisation_id: int | None
    company_id: int | None
    referral_status: str
    outcome: str


class PlanOut(Schema):
    goals: list[GoalOut]
    actions: list[ActionOut]


def _plan_out(request: AuthenticatedHttpRequest, person: JobSeeker) -> dict[str, Any]:
    plan = selectors.plan_get(actor=request.user, job_seeker=person)
    return {"goals": plan.goals, "actions": plan.actions}


@router.get("/job-seekers/{id}/plan", response=PlanOut)
def plan_get(request: AuthenticatedHttpRequest, id: int) -> dict[str, Any]:
    person = person_get(request, id, "view_job_seeker_record")
    person_read_log(request, person, "plan")
    return _plan_out(request, person)


class GoalIn(Schema):
    description: str
    target_date: datetime.date | None = None


@router.post("/job-seekers/{id}/plan/goals", response={201: GoalOut})
def plan_goal_add(request: AuthenticatedHttpRequest, id: int, payload: GoalIn) -> Any:
    person = person_get(request, id, "change_job_seeker")
    return Status(
        201, plan_services.plan_goal_add(actor=request.user, job_seeker=person, **payload.dict())
    )


class ActionIn(Schema):
    description: str
    due_on: datetime.date
    goal_id: int | None = None


@router.post("/job-seekers/{id}/plan/actions", response={201: ActionOut})
def plan_action_add(request: AuthenticatedHttpRequest, id: int, payload: ActionIn) -> Any:
    person = person_get(request, id, "change_job_seeker")
    goal = None
    if payload.goal_id is not None:
        goal = get_object_or_404(person.goals.all(), pk=payload.goal_id)
    action = plan_services.plan_action_add(
        actor=request.user,
        job_seeker=person,
        description=payload.description,
        due_on=payload.due_on,
        goal=goal,
    )
    return Status(201, action)


class ActionStatusIn(Schema):
    status: str = Field(..., description="open | done | cancelled")
    completed_on: datetime.date | None = None


@router.post("/job-seekers/{id}/plan/actions/{action_id}/status", response=ActionOut)
def plan_action_status(
    request: AuthenticatedHttpRequest, id: int, action_id: int, payload: ActionStatusIn
) -> Any:
    person = person_get(request, id, "change_job_seeker")
    action = selectors.plan_action_get_for_actor(
        actor=request.user, job_seeker=person, id=action_id
    )
    return plan_services.plan_action_set_status(actor=request.user, action=action, **payload.dict())


@router.get("/job-seekers/{id}/events", response=list[EventOut])
def event_list(request: AuthenticatedHttpRequest, id: int) -> Any:
    person = person_get(request, id, "view_job_seeker_record")
    plan = selectors.plan_get(actor=request.user, job_seeker=person)
    person_read_log(request, person, "plan")
    return plan.events


class EventIn(Schema):
    kind: str = Field(
        ...,
        description="meeting | referral_training | referral_partner | referral_employer | outcome",
    )
    occurred_on: datetime.date
    description: str = ""
    training_name: str = ""
    partner_organisation: int | None = None
    company: int | None = None
    outcome: str = ""


@router.post("/job-seekers/{id}/events", response={201: EventOut})
def event_record(request: AuthenticatedHttpRequest, id: int, payload: EventIn) -> Any:
    """Record a meeting, referral or outcome. A referral to a partner or an employer needs the
    person's valid consent to share with that recipient (409 consent_missing otherwise)."""
    person = person_get(request, id, "change_job_seeker")
    data = payload.dict()
    data["partner_organisation"] = partner_choice(data["partner_organisation"])
    data["company"] = company_choice(request, data["company"])
    return Status(
        201, plan_services.service_event_record(actor=request.user, job_seeker=person, **data)
    )


class ReferralStatusIn(Schema):
    referral_status: str = Field(..., description="sent | accepted | declined | completed")


@router.post("/job-seekers/{id}/events/{event_id}/referral-status", response=EventOut)
def referral_status(
    request: AuthenticatedHttpRequest, id: int, event_id: int, payload: ReferralStatusIn
) -> Any:
    person = person_get(request, id, "change_job_seeker")
    event = selectors.service_event_get_for_actor(
        actor=request.user, job_seeker=person, id=event_id
    )
    return plan_services.referral_set_status(
        actor=request.user, event=event, status=payload.referral_status
    )


class TimelineItemOut(Schema):
    on: datetime.date
    kind: str
    title: str
    detail: str


@router.get("/job-seekers/{id}/timeline", response=list[TimelineItemOut])
def timeline(request: AuthenticatedHttpRequest, id: int) -> Any:
    person = person_get(request, id, "view_job_seeker_record")
    items = selectors.timeline(actor=request.user, job_seeker=person)
    person_read_log(request, person, "timeline")
    return items


class WorklistOut(Schema):
    today: datetime.date
    reminders: list[dict[str, Any]]
    follow_ups: list[dict[str, Any]]
    expiring_consents: list[dict[str, Any]]
    overdue_actions: list[dict[str, Any]]
    idle_clients: list[dict[str, Any]]


@router.get("/worklist", response=WorklistOut)
def worklist(
    request: AuthenticatedHttpRequest, idle_days: int = Query(60, ge=1, le=365)
) -> dict[str, Any]:
    """The caller's worklist (the coordinator's covers the whole area)."""
    work = selectors.worklist(actor=request.user, idle_days=idle_days)
    return {
        "today": work.today,
        "reminders": [
            {"job_seeker": r.job_seeker_id, "kind": r.kind, "due_on": r.due_on}
            for r in work.reminders
        ],
        "follow_ups": [
            {"job_seeker": p.job_seeker_id, "participation": p.pk, "exit_date": p.exit_date}
            for p in work.follow_ups
        ],
        "expiring_consents": [
            {"job_seeker": c.job_seeker_id, "consent": c.pk, "expires_on": c.expires_on}
            for c in work.expiring_consents
        ],
        "overdue_actions": [
            {"job_seeker": a.job_seeker_id, "action": a.pk, "due_on": a.due_on}
            for a in work.overdue_actions
        ],
        "idle_clients": [
            {"job_seeker": p.pk, "last_contact_on": p.last_contact_on}  # type: ignore[attr-defined]
            for p in work.idle_clients
        ],
    }
