"""Search of job seekers by skill, and a person's skill gap to a target occupation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.matching.forms_workflow import OccupationGapForm, SkillSearchForm
from kohtaanto.matching.search import job_seeker_skill_search, occupation_gap


@login_required
def skill_search(request: AuthenticatedHttpRequest) -> HttpResponse:
    request.user.permissions.require("view_job_seeker_list")
    form = SkillSearchForm(request.GET or None)
    hits = None
    if form.is_bound and form.is_valid():
        hits = job_seeker_skill_search(
            actor=request.user,
            concept=form.cleaned_data["concept"],
            neighbours=form.cleaned_data["neighbours"],
        )
    return render(request, "matching/search_skills.html", {"form": form, "hits": hits})


@login_required
def gap(request: AuthenticatedHttpRequest, job_seeker_pk: int) -> HttpResponse:
    """The skills a person lacks for a target occupation (the taxonomy's essential skills)."""
    job_seeker = job_seeker_get_for_actor(actor=request.user, id=job_seeker_pk)
    form = OccupationGapForm(request.GET or None)
    result = None
    if form.is_bound and form.is_valid():
        result = occupation_gap(
            actor=request.user, job_seeker=job_seeker, occupation=form.cleaned_data["occupation"]
        )
    return render(
        request,
        "matching/gap_person.html",
        {"job_seeker": job_seeker, "form": form, "result": result},
    )
