"""The reads behind the shortlist pages and API: shortlists, candidates, consent requests,
the company's view of the consented profiles, and the statistics."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet

from kohtaanto.accounts.models import Role, User
from kohtaanto.audit.services import access_log_record
from kohtaanto.common.errors import NotFoundError
from kohtaanto.employers.models import Vacancy
from kohtaanto.jobseekers.models import (
    ConsentPurpose,
    LanguageSkill,
    ProfileSkill,
    RequirementCard,
)
from kohtaanto.jobseekers.selectors import valid_consents
from kohtaanto.matching.models import (
    CandidateStatus,
    CompanyAnswer,
    Outcome,
    Shortlist,
    ShortlistCandidate,
    ShortlistStatus,
)


def _candidates_qs() -> QuerySet[ShortlistCandidate]:
    return ShortlistCandidate.objects.select_related(
        "job_seeker__municipality", "job_seeker__employment_area", "proposed_by", "consent"
    ).prefetch_related("job_seeker__counsellors")


def shortlist_get_for_actor(*, actor: User, id: Any) -> Shortlist:
    """One shortlist if the actor may see it; otherwise the same NotFoundError as a miss."""
    try:
        shortlist = Shortlist.objects.select_related(
            "vacancy__company", "vacancy__occupation", "contact"
        ).get(pk=int(id), vacancy__employment_area_id=actor.employment_area_id)
    except (Shortlist.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc
    actor.permissions.require("view_shortlist", shortlist)
    return shortlist


def shortlist_for_vacancy(*, actor: User, vacancy: Vacancy) -> Shortlist | None:
    shortlist = Shortlist.objects.filter(vacancy=vacancy).first()
    if shortlist is None or not actor.permissions.can_view_shortlist(shortlist):
        return None
    return shortlist


def shortlist_list(*, actor: User) -> QuerySet[Shortlist]:
    actor.permissions.require("view_shortlist_list")
    qs = Shortlist.objects.filter(vacancy__employment_area_id=actor.employment_area_id)
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(candidates__job_seeker__counsellors=actor).distinct()
    return (
        qs.select_related("vacancy__company")
        .annotate(
            n_candidates=Count("candidates", distinct=True),
            n_consented=Count(
                "candidates",
                filter=Q(candidates__status=CandidateStatus.CONSENTED),
                distinct=True,
            ),
        )
        .order_by("-created_at", "-id")
    )


@dataclass
class CandidateRow:
    candidate: ShortlistCandidate
    visible: bool  # whether the viewer may see who the person is
    can_decide: bool
    consent_valid: bool


def shortlist_candidates(*, actor: User, shortlist: Shortlist) -> list[CandidateRow]:
    """The shortlist's candidates as the actor may see them.

    Counsellors get only their own clients' rows. Others see every row, with the person's
    name only where they may see the person (jobseekers/permissions.py).
    """
    actor.permissions.require("view_shortlist", shortlist)
    qs = _candidates_qs().filter(shortlist=shortlist)
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(job_seeker__counsellors=actor)
    company = shortlist.vacancy.company
    valid_ids = set(
        valid_consents()
        .filter(
            job_seeker__shortlist_entries__shortlist=shortlist,
            purpose=ConsentPurpose.SEND_TO_EMPLOYER,
            company=company,
        )
        .values_list("job_seeker_id", flat=True)
    )
    rows = []
    for candidate in qs:
        person = candidate.job_seeker
        rows.append(
            CandidateRow(
                candidate=candidate,
                visible=actor.permissions.can_view_job_seeker(person),
                can_decide=actor.permissions.can_decide_candidate(candidate),
                consent_valid=person.pk in valid_ids,
            )
        )
    return rows


def candidate_get_for_actor(
    *, actor: User, id: Any, permission: str = "view_shortlist"
) -> ShortlistCandidate:
    try:
        candidate = _candidates_qs().select_related("shortlist__vacancy__company").get(pk=int(id))
    except (ShortlistCandidate.DoesNotExist, TypeError, ValueError) as exc:
        raise NotFoundError("not found") from exc
    if permission == "view_shortlist":
        actor.permissions.require("view_shortlist", candidate.shortlist)
        if actor.role == Role.COUNSELLOR and actor.pk not in {
            u.pk for u in candidate.job_seeker.counsellors.all()
        }:
            raise NotFoundError("not found")
    else:
        actor.permissions.require(permission, candidate)
    return candidate


def consent_requests(*, actor: User) -> QuerySet[ShortlistCandidate]:
    """Candidates waiting for the person's answer, among the people the actor cares for."""
    qs = _candidates_qs().filter(
        status=CandidateStatus.PROPOSED,
        shortlist__vacancy__employment_area_id=actor.employment_area_id,
    )
    if actor.role == Role.COUNSELLOR:
        qs = qs.filter(job_seeker__counsellors=actor)
    elif actor.role != Role.COORDINATOR:
        return qs.none()
    return qs.select_related("shortlist__vacancy__company").order_by("created_at", "id")


@dataclass
class SharedProfile:
    """What the company sees of one candidate: only what the person consented to."""

    candidate: ShortlistCandidate
    name: str
    municipality: str
    skills: list[ProfileSkill]
    cards: list[RequirementCard]
    languages: list[LanguageSkill]
    email: str
    phone: str


def company_view(*, shortlist: Shortlist, path: str = "") -> list[SharedProfile]:
    """The candidates the company may see now, each read written to the access log.

    Only people whose consent to send the profile to this company is valid today; a
    withdrawal (or expiry) removes the person from the next page load on.
    """
    company = shortlist.vacancy.company
    consenting = valid_consents().filter(purpose=ConsentPurpose.SEND_TO_EMPLOYER, company=company)
    candidates = (
        ShortlistCandidate.objects.filter(
            shortlist=shortlist,
            status=CandidateStatus.CONSENTED,
            job_seeker__pseudonymised_at__isnull=True,
            job_seeker__in=consenting.values("job_seeker_id"),
        )
        .select_related("job_seeker__municipality")
        .prefetch_related(
            Prefetch(
                "job_seeker__skills",
                queryset=ProfileSkill.objects.select_related("concept").order_by(
                    "-level", "concept__uri"
                ),
            ),
            Prefetch(
                "job_seeker__requirement_cards",
                queryset=RequirementCard.objects.select_related("concept").order_by("expires_on"),
            ),
            Prefetch(
                "job_seeker__languages",
                queryset=LanguageSkill.objects.order_by("-is_native", "language"),
            ),
        )
        .order_by("created_at", "id")
    )
    profiles = []
    for candidate in candidates:
        person = candidate.job_seeker
        access_log_record(
            actor=None,
            subject=person,
            what="shortlist_profile",
            reason=f"shortlist {shortlist.pk}: {company.name}",
            path=path,
            subject_repr=person.display_name,
        )
        profiles.append(
            SharedProfile(
                candidate=candidate,
                name=person.display_name,
                municipality=str(person.municipality) if person.municipality else "",
                skills=list(person.skills.all()),
                cards=list(person.requirement_cards.all()),
                languages=list(person.languages.all()),
                email=person.email if candidate.share_contact else "",
                phone=person.phone if candidate.share_contact else "",
            )
        )
    return profiles


@dataclass(frozen=True)
class ShortlistStatistics:
    shortlists: int
    proposed: int
    consented: int
    declined: int
    withdrawn: int
    sent: int
    answered: int
    interested: int
    interviewed: int
    hired: int
    not_chosen: int


def shortlist_statistics(
    *,
    actor: User,
    date_from: datetime.date | None = None,
    date_to: datetime.date | None = None,
) -> ShortlistStatistics:
    """Counts of the area's shortlist candidates by step, proposals made between the dates.

    `sent` counts candidates on shortlists whose link was issued; outcomes count the latest
    outcome the company reported (an interview followed by a hire counts as a hire).
    """
    actor.permissions.require("view_shortlist_statistics")
    qs = ShortlistCandidate.objects.filter(
        shortlist__vacancy__employment_area_id=actor.employment_area_id
    )
    if date_from:
        qs = qs.filter(created_at__date__gte=date_from)
    if date_to:
        qs = qs.filter(created_at__date__lte=date_to)
    totals = qs.aggregate(
        shortlists=Count("shortlist", distinct=True),
        proposed=Count("id"),
        consented=Count("id", filter=Q(status=CandidateStatus.CONSENTED)),
        declined=Count("id", filter=Q(status=CandidateStatus.DECLINED)),
        withdrawn=Count("id", filter=Q(status=CandidateStatus.WITHDRAWN)),
        sent=Count(
            "id",
            filter=Q(status=CandidateStatus.CONSENTED, shortlist__status=ShortlistStatus.SENT),
        ),
        answered=Count("id", filter=~Q(company_answer="")),
        interested=Count("id", filter=Q(company_answer=CompanyAnswer.INTERESTED)),
        interviewed=Count("id", filter=Q(outcome=Outcome.INTERVIEWED)),
        hired=Count("id", filter=Q(outcome=Outcome.HIRED)),
        not_chosen=Count("id", filter=Q(outcome=Outcome.NOT_CHOSEN)),
    )
    return ShortlistStatistics(**totals)
