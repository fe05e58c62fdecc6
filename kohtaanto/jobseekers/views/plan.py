"""The activation plan, service events and the timeline."""

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kohtaanto.common.errors import NotFoundError
from kohtaanto.common.forms import button_pressed, form_saved
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers import selectors
from kohtaanto.jobseekers.forms import (
    ActionForm,
    ActionStatusForm,
    EventForm,
    GoalForm,
    GoalStatusForm,
    ReferralStatusForm,
)
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.services import plan as services
from kohtaanto.jobseekers.views.base import log_read, person_for, render_person


def _plan_page(
    request: AuthenticatedHttpRequest,
    person: JobSeeker,
    bound: dict[str, forms.Form] | None = None,
    status: int = 200,
) -> HttpResponse:
    plan = selectors.plan_get(actor=request.user, job_seeker=person)
    context: dict[str, Any] = {"plan": plan, "today": timezone.localdate()}
    if request.user.permissions.can_change_job_seeker(person):
        bound = bound or {}
        today = timezone.localdate()
        context["forms"] = {
            "goal": bound.get("goal") or GoalForm(prefix="goal"),
            "action": bound.get("action")
            or ActionForm(prefix="action", goals=person.goals.filter(status="open")),
            "event": bound.get("event")
            or EventForm(
                prefix="event",
                initial={"occurred_on": today},
                companies=selectors.company_choices(actor=request.user),
            ),
        }
        context["action_status"] = ActionStatusForm(initial={"completed_on": today})
        context["goal_status"] = GoalStatusForm()
        context["referral_status"] = ReferralStatusForm()
    return render_person(request, "jobseekers/plan.html", person, "plan", context, status=status)


@login_required
def plan(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "view_job_seeker_record")
    log_read(request, person, "plan")
    return _plan_page(request, person)


def _submit(
    request: AuthenticatedHttpRequest, person: JobSeeker, key: str, form: forms.Form, save: Any
) -> HttpResponse:
    if form.is_valid():
        done = form_saved(
            request,
            form,
            lambda: save(form.cleaned_data),
            success=_("Suunnitelma on päivitetty."),
            then=lambda _result: redirect("jobseekers:plan", pk=person.pk),
        )
        if done:
            return done
    return _plan_page(request, person, {key: form}, status=400)


def _status_set(
    request: AuthenticatedHttpRequest, person: JobSeeker, form: forms.Form, save: Any
) -> HttpResponse:
    """A status form of a row of the plan: the change, or why not, as a message on the plan."""
    then = redirect("jobseekers:plan", pk=person.pk)
    if not form.is_valid():
        messages.error(request, _("Tuntematon tila."))
        return then
    return button_pressed(
        request,
        lambda: save(form.cleaned_data),
        success=_("Suunnitelma on päivitetty."),
        then=then,
    )


@login_required
@require_POST
def goal_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    return _submit(
        request,
        person,
        "goal",
        GoalForm(request.POST, prefix="goal"),
        lambda data: services.plan_goal_add(actor=request.user, job_seeker=person, **data),
    )


@login_required
@require_POST
def goal_status(request: AuthenticatedHttpRequest, pk: int, gid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    goal = person.goals.filter(pk=gid).first()
    if goal is None:
        raise NotFoundError("not found")
    return _status_set(
        request,
        person,
        GoalStatusForm(request.POST),
        lambda data: services.plan_goal_set_status(
            actor=request.user, goal=goal, status=data["status"]
        ),
    )


@login_required
@require_POST
def action_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    return _submit(
        request,
        person,
        "action",
        ActionForm(request.POST, prefix="action", goals=person.goals.all()),
        lambda data: services.plan_action_add(actor=request.user, job_seeker=person, **data),
    )


@login_required
@require_POST
def action_status(request: AuthenticatedHttpRequest, pk: int, aid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    action = selectors.plan_action_get_for_actor(actor=request.user, job_seeker=person, id=aid)
    return _status_set(
        request,
        person,
        ActionStatusForm(request.POST),
        lambda data: services.plan_action_set_status(actor=request.user, action=action, **data),
    )


@login_required
@require_POST
def event_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    return _submit(
        request,
        person,
        "event",
        EventForm(
            request.POST, prefix="event", companies=selectors.company_choices(actor=request.user)
        ),
        lambda data: services.service_event_record(actor=request.user, job_seeker=person, **data),
    )


@login_required
@require_POST
def referral_status(request: AuthenticatedHttpRequest, pk: int, eid: int) -> HttpResponse:
    person = person_for(request, pk, "change_job_seeker")
    event = selectors.service_event_get_for_actor(actor=request.user, job_seeker=person, id=eid)
    return _status_set(
        request,
        person,
        ReferralStatusForm(request.POST),
        lambda data: services.referral_set_status(
            actor=request.user, event=event, status=data["referral_status"]
        ),
    )


@login_required
def timeline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = person_for(request, pk, "view_job_seeker_record")
    items = selectors.timeline(actor=request.user, job_seeker=person)
    log_read(request, person, "timeline")
    return render_person(request, "jobseekers/timeline.html", person, "timeline", {"items": items})
