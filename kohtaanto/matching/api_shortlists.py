"""JSON API of the shortlist workflow, the regional gaps and the search by skill, with the
same permissions as the pages (permissions_workflow.py).

A refused state change answers 409, bad input 400, anything missing or not the caller's 404,
all in the API's one error body. Concepts are given and shown by URI.
"""

from datetime import date, datetime
from typing import Any

from django.urls import reverse
from ninja import Query, Router, Schema
from ninja.responses import Status

from kohtaanto.common.errors import DomainError, NotFoundError
from kohtaanto.common.types import AuthenticatedHttpRequest
from kohtaanto.employers.models import CompanyContact
from kohtaanto.employers.selectors import vacancy_get_for_actor
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching import shortlists
from kohtaanto.matching.regional import SkillGap, regional_occupation_gaps, regional_skill_gaps
from kohtaanto.matching.search import job_seeker_skill_search
from kohtaanto.matching.shortlists import CandidateRow
from kohtaanto.taxonomy.lookup import concepts_by_uri
from kohtaanto.taxonomy.models import ConceptType

router = Router(tags=["matching"])


class CandidateOut(Schema):
    id: int
    job_seeker_id: int | None
    name: str | None
    status: str
    consent_valid: bool
    share_contact: bool
    company_answer: str
    company_comment: str
    outcome: str
    outcome_on: date | None


def _candidate_out(row: CandidateRow) -> dict[str, Any]:
    c = row.candidate
    return {
        "id": c.pk,
        "job_seeker_id": c.job_seeker_id if row.visible else None,
        "name": c.job_seeker.display_name if row.visible else None,
        "status": c.status,
        "consent_valid": row.consent_valid,
        "share_contact": c.share_contact,
        "company_answer": c.company_answer,
        "company_comment": c.company_comment,
        "outcome": c.outcome,
        "outcome_on": c.outcome_on,
    }


class ShortlistOut(Schema):
    id: int
    vacancy_id: int
    vacancy_title: str
    company: str
    status: str
    link_expires_at: datetime | None
    candidates: list[CandidateOut]


def _shortlist_out(request: AuthenticatedHttpRequest, shortlist: Any) -> dict[str, Any]:
    rows = shortlists.shortlist_candidates(actor=request.user, shortlist=shortlist)
    return {
        "id": shortlist.pk,
        "vacancy_id": shortlist.vacancy_id,
        "vacancy_title": shortlist.vacancy.title,
        "company": shortlist.vacancy.company.name,
        "status": shortlist.status,
        "link_expires_at": shortlists.link_expires_at(shortlist),
        "candidates": [_candidate_out(r) for r in rows],
    }


class ShortlistSummaryOut(Schema):
    id: int
    vacancy_id: int
    status: str
    candidates: int
    consented: int


@router.get("/shortlists", response=list[ShortlistSummaryOut])
def shortlist_list(request: AuthenticatedHttpRequest) -> Any:
    return [
        {
            "id": s.pk,
            "vacancy_id": s.vacancy_id,
            "status": s.status,
            "candidates": s.n_candidates,  # type: ignore[attr-defined]
            "consented": s.n_consented,  # type: ignore[attr-defined]
        }
        for s in shortlists.shortlist_list(actor=request.user)
    ]


class StatisticsQuery(Schema):
    date_from: date | None = None
    date_to: date | None = None


@router.get("/shortlists/statistics", response=shortlists.ShortlistStatistics)
def shortlist_statistics(request: AuthenticatedHttpRequest, q: Query[StatisticsQuery]) -> Any:
    return shortlists.shortlist_statistics(
        actor=request.user, date_from=q.date_from, date_to=q.date_to
    )


@router.get("/shortlists/{id}", response=ShortlistOut)
def shortlist_detail(request: AuthenticatedHttpRequest, id: int) -> Any:
    shortlist = shortlists.shortlist_get_for_actor(actor=request.user, id=id)
    return _shortlist_out(request, shortlist)


class ProposeIn(Schema):
    job_seeker_id: int
    note: str = ""


@router.post("/vacancies/{vacancy_id}/shortlist/candidates", response={201: CandidateOut})
def candidate_propose(
    request: AuthenticatedHttpRequest, vacancy_id: int, payload: ProposeIn
) -> Any:
    actor = request.user
    vacancy = vacancy_get_for_actor(actor=actor, id=vacancy_id)
    job_seeker = JobSeeker.objects.filter(
        pk=payload.job_seeker_id, employment_area_id=actor.employment_area_id
    ).first()
    if job_seeker is None:
        raise NotFoundError("not found")
    candidate = shortlists.candidate_propose(
        actor=actor, vacancy=vacancy, job_seeker=job_seeker, note=payload.note
    )
    return Status(201, _row(request, candidate.pk))


def _row(request: AuthenticatedHttpRequest, candidate_id: int) -> dict[str, Any]:
    candidate = shortlists.candidate_get_for_actor(actor=request.user, id=candidate_id)
    rows = shortlists.shortlist_candidates(actor=request.user, shortlist=candidate.shortlist)
    return _candidate_out(next(r for r in rows if r.candidate.pk == candidate.pk))


class ConsentIn(Schema):
    given_on: date
    expires_on: date | None = None
    share_contact: bool = False


@router.post("/candidates/{id}/consent", response=CandidateOut)
def candidate_consent(request: AuthenticatedHttpRequest, id: int, payload: ConsentIn) -> Any:
    actor = request.user
    candidate = shortlists.candidate_get_for_actor(
        actor=actor, id=id, permission="decide_candidate"
    )
    shortlists.candidate_consent_record(
        actor=actor,
        candidate=candidate,
        given_on=payload.given_on,
        expires_on=payload.expires_on,
        share_contact=payload.share_contact,
    )
    return _row(request, candidate.pk)


@router.post("/candidates/{id}/decline", response=CandidateOut)
def candidate_decline(request: AuthenticatedHttpRequest, id: int) -> Any:
    actor = request.user
    candidate = shortlists.candidate_get_for_actor(
        actor=actor, id=id, permission="decide_candidate"
    )
    shortlists.candidate_decline(actor=actor, candidate=candidate)
    return _row(request, candidate.pk)


@router.post("/candidates/{id}/withdraw", response=CandidateOut)
def candidate_withdraw(request: AuthenticatedHttpRequest, id: int) -> Any:
    actor = request.user
    candidate = shortlists.candidate_get_for_actor(
        actor=actor, id=id, permission="decide_candidate"
    )
    shortlists.candidate_consent_withdraw(actor=actor, candidate=candidate)
    return _row(request, candidate.pk)


class LinkIn(Schema):
    contact_id: int
    language: str = "fi"


class LinkOut(Schema):
    url: str
    expires_at: datetime | None


@router.post("/shortlists/{id}/link", response=LinkOut)
def shortlist_link(request: AuthenticatedHttpRequest, id: int, payload: LinkIn) -> Any:
    actor = request.user
    shortlist = shortlists.shortlist_get_for_actor(actor=actor, id=id)
    actor.permissions.require("manage_shortlist", shortlist)
    contact = CompanyContact.objects.filter(pk=payload.contact_id).first()
    if contact is None:
        raise DomainError(f"Unknown contact {payload.contact_id}.", code="contact")
    shortlist, token = shortlists.shortlist_link_issue(
        actor=actor, shortlist=shortlist, contact=contact, language=payload.language
    )
    return {
        "url": request.build_absolute_uri(reverse("matching:shortlist_public", args=[token])),
        "expires_at": shortlists.link_expires_at(shortlist),
    }


@router.delete("/shortlists/{id}/link", response={204: None})
def shortlist_link_revoke(request: AuthenticatedHttpRequest, id: int) -> Any:
    shortlist = shortlists.shortlist_get_for_actor(actor=request.user, id=id)
    shortlists.shortlist_link_revoke(actor=request.user, shortlist=shortlist)
    return Status(204, None)


class GapOut(Schema):
    uri: str
    label: str
    demand: int
    vacancy_positions: int
    survey_count: int
    supply: int
    gap: int


def _gaps_out(gaps: list[SkillGap]) -> list[dict[str, Any]]:
    return [
        {
            "uri": g.concept.uri,
            "label": g.concept.label(),
            "demand": g.demand,
            "vacancy_positions": g.vacancy_positions,
            "survey_count": g.survey_count,
            "supply": g.supply,
            "gap": g.gap,
        }
        for g in gaps
    ]


def _area(request: AuthenticatedHttpRequest) -> Any:
    area = request.user.employment_area
    if area is None:
        raise NotFoundError("not found")
    return area


@router.get("/regional/skills", response=list[GapOut])
def regional_skills(request: AuthenticatedHttpRequest) -> Any:
    return _gaps_out(regional_skill_gaps(actor=request.user, area=_area(request)))


@router.get("/regional/occupations", response=list[GapOut])
def regional_occupations(request: AuthenticatedHttpRequest) -> Any:
    return _gaps_out(regional_occupation_gaps(actor=request.user, area=_area(request)))


class SearchQuery(Schema):
    concept: str
    neighbours: bool = True


class SearchMatchOut(Schema):
    uri: str
    level: int
    relation: str


class SearchHitOut(Schema):
    job_seeker_id: int
    name: str
    matches: list[SearchMatchOut]


@router.get("/search/job-seekers", response=list[SearchHitOut])
def search_job_seekers(request: AuthenticatedHttpRequest, q: Query[SearchQuery]) -> Any:
    request.user.permissions.require("view_job_seeker_list")
    concept = concepts_by_uri([q.concept], types=[ConceptType.SKILL, ConceptType.KNOWLEDGE]).get(
        q.concept
    )
    if concept is None:
        raise DomainError(f"Unknown skill {q.concept}.", code="concept")
    hits = job_seeker_skill_search(actor=request.user, concept=concept, neighbours=q.neighbours)
    return [
        {
            "job_seeker_id": h.job_seeker.pk,
            "name": h.job_seeker.display_name,
            "matches": [
                {"uri": m.skill.concept.uri, "level": m.skill.level, "relation": m.relation}
                for m in h.matches
            ],
        }
        for h in hits
    ]
