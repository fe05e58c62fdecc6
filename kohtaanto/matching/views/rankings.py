"""Ranking pages: vacancies and career moves for a person, people for a vacancy.

Thin: find the object the actor may see (same 404 for missing and forbidden), ask the
selector, render. Input that cannot be ranked shows the selector's reason on the page.
"""

from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Vacancy
from kohtaanto.employers.selectors import vacancy_get_for_actor
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.matching import selectors
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.explanations import (
    blocked_text,
    explanation_lines,
    not_shown_texts,
    partial_text,
    score_points,
    thin_profile_texts,
    viability_label,
)
from kohtaanto.matching.results import MatchResult

TOP = 20


def _log(request: AuthenticatedHttpRequest, person: JobSeeker, what: str) -> None:
    access_log_record(
        actor=request.user,
        subject=person,
        what=what,
        reason=f"page, role: {request.user.role}",
        path=request.path,
        subject_repr=str(person),
    )


def _rows(results: list[MatchResult]) -> list[dict[str, Any]]:
    rows = []
    for r in results:
        percent, components = score_points(r)
        rows.append(
            {
                "result": r,
                "percent": percent,
                "components": components,
                "partial": [partial_text(s) for s in r.partial],
                "lines": explanation_lines(r),
            }
        )
    return rows


@login_required
def job_seeker_matches(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    person = job_seeker_get_for_actor(
        actor=request.user, id=pk, permission="view_job_seeker_matches"
    )
    context: dict[str, Any] = {
        "person": person,
        "error": None,
        "rows": [],
        "moves": [],
        "blocked": [],
        "thin_profile": [],
        "targets_without_profile": [],
    }
    try:
        results = selectors.vacancies_for_job_seeker(actor=request.user, job_seeker=person, top=TOP)
        blocked = selectors.vacancies_blocked_for_job_seeker(actor=request.user, job_seeker=person)
        career = selectors.career_moves_for_job_seeker(actor=request.user, job_seeker=person)
    except MatchingError as exc:
        context["error"] = exc.message
    else:
        vacancies = Vacancy.objects.select_related("company", "municipality").in_bulk(
            [r.vacancy_id for r in results] + [v for b in blocked for v in b.vacancy_ids]
        )
        context["blocked"] = [
            {"text": blocked_text(b), "vacancies": [vacancies[v] for v in b.vacancy_ids]}
            for b in blocked
        ]
        context["rows"] = [
            {**row, "vacancy": vacancies[row["result"].vacancy_id]} for row in _rows(results)
        ]
        context["moves"] = [
            {"move": m, "percent": round(m.similarity * 100), "label": viability_label(m.viability)}
            for m in career.moves
        ]
        context["targets_without_profile"] = career.targets_without_profile
        if career.thin_profile:
            context["thin_profile"] = thin_profile_texts(
                career.profile_skills, settings.MATCHING_MOBILITY_MIN_PROFILE_SKILLS
            )
    _log(request, person, "matches")
    return render(request, "matching/job_seeker_matches.html", context)


@login_required
def vacancy_matches(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    vacancy = vacancy_get_for_actor(actor=request.user, id=pk)
    request.user.permissions.require("view_vacancy_candidates", vacancy)
    context: dict[str, Any] = {"vacancy": vacancy, "error": None, "rows": [], "not_shown": []}
    try:
        found = selectors.vacancy_candidates(actor=request.user, vacancy=vacancy, top=TOP)
    except MatchingError as exc:
        context["error"] = exc.message
    else:
        results = found.results
        context["not_shown"] = not_shown_texts(found.not_shown, request.user.role)
        people = JobSeeker.objects.select_related("municipality").in_bulk(
            [r.job_seeker_id for r in results]
        )
        for r in results:
            _log(request, people[r.job_seeker_id], "matches")
        context["rows"] = [
            {**row, "person": people[row["result"].job_seeker_id]} for row in _rows(results)
        ]
    return render(request, "matching/vacancy_matches.html", context)
