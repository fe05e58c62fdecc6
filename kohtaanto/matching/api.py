"""JSON API of the rankings, with the same permissions as the pages.

GET /api/v1/matching/job-seekers/{id}/vacancies    vacancies for a person
GET /api/v1/matching/vacancies/{id}/job-seekers    people for a vacancy (never for partners)
GET /api/v1/matching/job-seekers/{id}/occupations  career moves for a person

Skills are named by URI with their label; `explanation` is the same text the page shows, in
the request's language. `not_shown` of a vacancy's people counts those who fit but whom the
caller may not see: 0, "< 5" for one to four, else the number. Missing or not the caller's:
404; input that cannot be ranked (person not active or without consent or skills, vacancy not
open or without skills): 400 with the reason.
"""

from typing import Any

from ninja import Query, Router, Schema

from kohtaanto.audit.services import access_log_record
from kohtaanto.common.disclosure import shown
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import Vacancy
from kohtaanto.employers.selectors import vacancy_get_for_actor
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.jobseekers.selectors import job_seeker_get_for_actor
from kohtaanto.matching import selectors
from kohtaanto.matching.api_shortlists import router as workflow_router
from kohtaanto.matching.explanations import explanation_lines, viability_label
from kohtaanto.matching.results import MatchResult, SkillMatch

PREFIX = "matching"

router = Router(tags=["matching"])
# Shortlists, regional supply and demand and search by skill: the same prefix and permissions.
router.add_router("", workflow_router)

MAX_TOP = 200


class TopQuery(Schema):
    top: int = 20


def _top(query: TopQuery) -> int:
    return max(1, min(query.top, MAX_TOP))


def _skill(s: SkillMatch) -> dict[str, Any]:
    return {
        "uri": s.uri,
        "label": s.label,
        "essential": s.essential,
        "via": s.via,
        "via_label": s.via_label or None,
        "credit": s.credit,
    }


def _result(r: MatchResult) -> dict[str, Any]:
    return {
        "score": r.score,
        "components": r.components,
        "matched": [_skill(s) for s in r.matched],
        "partial": [_skill(s) for s in r.partial],
        "missing": [_skill(s) for s in r.missing],
        "requirements": [
            {
                "label": c.label,
                "status": c.status,
                "expires_on": c.expires_on.isoformat() if c.expires_on else None,
            }
            for c in r.requirements
        ],
        "excluded": r.excluded,
        "explanation": explanation_lines(r),
    }


def _log(request: AuthenticatedHttpRequest, person: JobSeeker, what: str) -> None:
    access_log_record(
        actor=request.user,
        subject=person,
        what=what,
        reason=f"api, role: {request.user.role}",
        path=request.path,
        subject_repr=str(person),
    )


@router.get("/job-seekers/{id}/vacancies")
def job_seeker_vacancies(
    request: AuthenticatedHttpRequest, id: int, query: Query[TopQuery]
) -> dict[str, Any]:
    person = job_seeker_get_for_actor(
        actor=request.user, id=id, permission="view_job_seeker_matches"
    )
    results = selectors.vacancies_for_job_seeker(
        actor=request.user, job_seeker=person, top=_top(query)
    )
    _log(request, person, "matches")
    vacancies = Vacancy.objects.select_related("company").in_bulk([r.vacancy_id for r in results])
    return {
        "job_seeker": person.pk,
        "results": [
            {
                "vacancy": r.vacancy_id,
                "external_id": vacancies[r.vacancy_id].external_id,
                "title": vacancies[r.vacancy_id].title,
                "company": vacancies[r.vacancy_id].company.name,
                **_result(r),
            }
            for r in results
        ],
    }


@router.get("/vacancies/{id}/job-seekers")
def vacancy_job_seekers(
    request: AuthenticatedHttpRequest, id: int, query: Query[TopQuery]
) -> dict[str, Any]:
    vacancy = vacancy_get_for_actor(actor=request.user, id=id)
    request.user.permissions.require("view_vacancy_candidates", vacancy)
    found = selectors.vacancy_candidates(actor=request.user, vacancy=vacancy, top=_top(query))
    results = found.results
    people = JobSeeker.objects.in_bulk([r.job_seeker_id for r in results])
    for r in results:
        _log(request, people[r.job_seeker_id], "matches")
    return {
        "vacancy": vacancy.pk,
        # People who fit as well but whom the caller may not see: a number, never who, and
        # "< 5" for one to four (common.disclosure), as an exact small count can name someone.
        "not_shown": shown(found.not_shown),
        "results": [
            {
                "job_seeker": r.job_seeker_id,
                "external_id": people[r.job_seeker_id].external_id,
                "name": str(people[r.job_seeker_id]),
                **_result(r),
            }
            for r in results
        ],
    }


@router.get("/job-seekers/{id}/occupations")
def job_seeker_occupations(
    request: AuthenticatedHttpRequest, id: int, query: Query[TopQuery]
) -> dict[str, Any]:
    person = job_seeker_get_for_actor(
        actor=request.user, id=id, permission="view_job_seeker_matches"
    )
    career = selectors.career_moves_for_job_seeker(
        actor=request.user, job_seeker=person, top=_top(query)
    )
    _log(request, person, "career_moves")
    return {
        "job_seeker": person.pk,
        "profile_skills": career.profile_skills,
        "thin_profile": career.thin_profile,
        "results": [
            {
                "occupation": {"uri": m.occupation.uri, "label": m.occupation.label()},
                "is_target": m.is_target,
                "similarity": m.similarity,
                "shared_essential": m.shared,
                "essential": m.essential,
                "viability": m.viability,
                "viability_label": str(viability_label(m.viability)),
                "missing_essential": [_skill(s) for s in m.missing_essential],
            }
            for m in career.moves
        ],
    }
