"""Search of job seekers by skill, and a person's skill gap to a target vacancy or occupation."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import VacancyState
from kohtaanto.employers.selectors import vacancy_list
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.matching.forms_workflow import OccupationGapForm, SkillSearchForm, VacancyGapForm
from kohtaanto.matching.search import job_seeker_skill_search, occupation_gap
from kohtaanto.matching.selectors import match_explain
from kohtaanto.training.selectors import programmes_for_gap


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
    """The skills a person lacks for a target vacancy (the engine's explanation) or a target
    occupation (the taxonomy's essential skills), and the training programmes that teach them,
    ranked by the share of the gap each closes."""
    actor = request.user
    job_seeker = job_seeker_get_for_actor(actor=actor, id=job_seeker_pk)
    vacancies = vacancy_list(actor=actor, state=VacancyState.OPEN)
    occupation_form = OccupationGapForm(request.GET if "occupation" in request.GET else None)
    vacancy_form = VacancyGapForm(
        request.GET if "vacancy" in request.GET else None, vacancies=vacancies
    )
    result = explanation = None
    error = ""
    if occupation_form.is_bound and occupation_form.is_valid():
        result = occupation_gap(
            actor=actor,
            job_seeker=job_seeker,
            occupation=occupation_form.cleaned_data["occupation"],
        )
    if vacancy_form.is_bound and vacancy_form.is_valid():
        try:
            explanation = match_explain(
                actor=actor, job_seeker=job_seeker, vacancy=vacancy_form.cleaned_data["vacancy"]
            )
        except NotFoundError:
            raise
        except DomainError as exc:
            error = exc.message
    if result is not None:
        gap_ids = [c.pk for c in result.missing]
    elif explanation is not None:
        gap_ids = [s.concept_id for s in (*explanation.missing, *explanation.partial)]
    else:
        gap_ids = []
    trainings = programmes_for_gap(actor=actor, concept_ids=gap_ids) if gap_ids else []
    return render(
        request,
        "matching/gap_person.html",
        {
            "job_seeker": job_seeker,
            "occupation_form": occupation_form,
            "vacancy_form": vacancy_form,
            "result": result,
            "explanation": explanation,
            "target_vacancy": vacancy_form.cleaned_data["vacancy"] if explanation else None,
            "error": error,
            "trainings": trainings[:10],
            "gap_size": len(gap_ids),
        },
    )
