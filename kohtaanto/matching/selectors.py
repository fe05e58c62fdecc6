"""Rankings, scoped to the actor: vacancies for a person, people for a vacancy, career moves.

Every function answers NotFoundError (404) for what the actor may not see, and a MatchingError
(400, with a message saying which and why) for input that cannot be ranked: a person who is
not active, has no skills or no consent to processing; a vacancy that is not open or asks for
no skills. Nothing is written.
"""

from typing import Any

import numpy as np
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.employers.models import Vacancy, VacancyState
from kohtaanto.jobseekers.models import ConsentPurpose, JobSeeker
from kohtaanto.jobseekers.selectors import consent_is_valid, job_seeker_list, valid_consents
from kohtaanto.matching.engine import explain as ex
from kohtaanto.matching.engine.index import Scores
from kohtaanto.matching.engine.loader import AreaIndex, area_index
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.mobility import career_moves
from kohtaanto.matching.results import (
    HIGHLY_VIABLE,
    NOT_ASSESSED,
    NOT_VIABLE,
    REQ_EXPIRED,
    REQ_MISSING,
    VIABLE,
    CareerMoves,
    MatchResult,
    MobilityResult,
    RequirementBlock,
    RequirementCheck,
    SkillMatch,
    VacancyCandidates,
)

__all__ = [
    "HIGHLY_VIABLE",
    "NOT_ASSESSED",
    "NOT_VIABLE",
    "VIABLE",
    "CareerMoves",
    "MatchResult",
    "MobilityResult",
    "RequirementBlock",
    "RequirementCheck",
    "SkillMatch",
    "career_moves_for_job_seeker",
    "job_seekers_for_vacancy",
    "match_explain",
    "occupations_for_job_seeker",
    "vacancies_for_job_seeker",
    "vacancy_candidates",
]


def _check_job_seeker(job_seeker: JobSeeker) -> None:
    if job_seeker.status != JobSeeker.Status.ACTIVE or job_seeker.pseudonymised_at:
        raise MatchingError(
            _("Työnhakija %(name)s ei ole aktiivinen, joten hänelle ei haeta työpaikkoja.")
            % {"name": str(job_seeker)},
            code="job_seeker_not_active",
        )
    if not consent_is_valid(job_seeker=job_seeker, purpose=ConsentPurpose.PROCESSING):
        raise MatchingError(
            _(
                "Työnhakijalla %(name)s ei ole voimassa olevaa suostumusta tietojen käsittelyyn "
                "hankkeessa, joten häntä ei verrata työpaikkoihin."
            )
            % {"name": str(job_seeker)},
            code="no_consent",
        )
    if not job_seeker.skills.exists():
        raise MatchingError(
            _("Työnhakijan %(name)s osaamisprofiilissa ei ole yhtään osaamista.")
            % {"name": str(job_seeker)},
            code="no_skills",
        )


def _check_vacancy(vacancy: Vacancy) -> None:
    if vacancy.state != VacancyState.OPEN:
        raise MatchingError(
            _("Työpaikka %(title)s ei ole avoinna (tila: %(state)s).")
            % {"title": vacancy.title, "state": vacancy.get_state_display()},
            code="vacancy_not_open",
        )
    if not vacancy.skills.exists():
        raise MatchingError(
            _("Työpaikalle %(title)s ei ole kirjattu osaamisvaatimuksia.")
            % {"title": vacancy.title},
            code="vacancy_without_skills",
        )


def _results(
    area: AreaIndex,
    pairs: list[tuple[int, int, float, dict[str, float], bool]],
) -> list[MatchResult]:
    """Explanations for (person, vacancy, score, components, excluded) with a few queries."""
    people = {p for p, *_ in pairs}
    vacancies = {v for _, v, *_ in pairs}
    have = ex.person_skills(area, people)
    cards = ex.person_cards(people)
    wanted = ex.vacancy_skills(area, vacancies)
    reqs = ex.vacancy_requirements(area, vacancies)
    starts = dict(Vacancy.objects.filter(pk__in=vacancies).values_list("pk", "start_date"))
    labels = ex.source_concepts(area, have.values())
    today = timezone.localdate()
    out = []
    for person, vacancy, score, comps, excluded in pairs:
        checks = ex.requirement_checks(
            reqs.get(vacancy, []), cards.get(person, {}), today=today, start=starts.get(vacancy)
        )
        out.append(
            ex.explain(
                area,
                job_seeker_id=person,
                vacancy_id=vacancy,
                score=score,
                components=comps,
                excluded=excluded,
                have=have.get(person, {}),
                wanted=wanted.get(vacancy, []),
                requirements=checks,
                labels=labels,
            )
        )
    return out


def _top(total: np.ndarray, allowed: np.ndarray, top: int) -> list[int]:
    scores = np.where(allowed, total, -1.0)
    order = np.argsort(-scores, kind="stable")[: max(top, 0)]
    return [int(i) for i in order if scores[i] > 0]


def vacancies_for_job_seeker(
    *, actor: Any, job_seeker: JobSeeker, top: int = 20
) -> list[MatchResult]:
    """The open vacancies of the person's area that fit them best, explained, best first.

    Vacancies whose hard requirements the person does not meet are left out.
    """
    actor.permissions.require("view_job_seeker_matches", job_seeker)
    return vacancies_ranked(job_seeker=job_seeker, top=top)


def vacancies_ranked(*, job_seeker: JobSeeker, top: int = 20) -> list[MatchResult]:
    """`vacancies_for_job_seeker` without an actor, for batch jobs run by the operator."""
    _check_job_seeker(job_seeker)
    area = area_index(job_seeker.employment_area_id)
    index = area.index
    if index.person_position(job_seeker.pk) is None or not index.vacancy_ids:
        return []
    s = index.score_person(job_seeker.pk)
    chosen, _ = index.rank_person(s, top)
    pairs = [
        (
            job_seeker.pk,
            index.vacancy_ids[i],
            float(s.total[i]),
            {k: float(v[i]) for k, v in s.components.items()},
            False,
        )
        for i in chosen
    ]
    return _results(area, pairs)


def vacancies_blocked_for_job_seeker(
    *, actor: Any, job_seeker: JobSeeker
) -> list[RequirementBlock]:
    """Open vacancies left out of the person's ranking by a hard requirement, per requirement.

    Only vacancies that ask for at least one skill the person covers (exactly or through the
    taxonomy) count: the ones that would otherwise be ranked. A vacancy asking two cards the
    person lacks is counted under both. Largest groups first; a counsellor reads it as
    "3 työpaikkaa vaatii työturvallisuuskortin".
    """
    actor.permissions.require("view_job_seeker_matches", job_seeker)
    return vacancies_blocked(job_seeker=job_seeker)


def vacancies_blocked(*, job_seeker: JobSeeker) -> list[RequirementBlock]:
    """`vacancies_blocked_for_job_seeker` without an actor."""
    _check_job_seeker(job_seeker)
    area = area_index(job_seeker.employment_area_id)
    index = area.index
    if index.person_position(job_seeker.pk) is None or not index.vacancy_ids:
        return []
    s = index.score_person(job_seeker.pk)
    fits = s.components["skills"]
    rows = np.flatnonzero(s.excluded & (fits > 0) & index.v_active[: len(fits)])
    rows = rows[np.argsort(-fits[rows], kind="stable")]
    ids = [index.vacancy_ids[int(i)] for i in rows]
    if not ids:
        return []
    reqs = ex.vacancy_requirements(area, ids)
    cards = ex.person_cards([job_seeker.pk]).get(job_seeker.pk, {})
    today = timezone.localdate()
    blocks: dict[tuple[int, str], RequirementBlock] = {}
    for vacancy_id in ids:
        for check in ex.requirement_checks(
            reqs.get(vacancy_id, []), cards, today=today, start=None
        ):
            if check.status not in (REQ_MISSING, REQ_EXPIRED):
                continue
            key = (check.concept_id, check.status)
            if key not in blocks:
                blocks[key] = RequirementBlock(
                    concept_id=check.concept_id, label=check.label, status=check.status
                )
            blocks[key].vacancy_ids.append(vacancy_id)
    return sorted(blocks.values(), key=lambda b: (-len(b.vacancy_ids), b.label))


def consenting_job_seekers(*, area_id: int) -> set[int]:
    """Active people of the area whose consent to processing in the project is in force."""
    consented = valid_consents().filter(purpose=ConsentPurpose.PROCESSING).values("job_seeker_id")
    return set(
        JobSeeker.objects.filter(
            employment_area_id=area_id, pk__in=consented, status=JobSeeker.Status.ACTIVE
        ).values_list("pk", flat=True)
    )


def job_seekers_for_vacancy(*, actor: Any, vacancy: Vacancy, top: int = 20) -> list[MatchResult]:
    """Active job seekers who fit the vacancy best, among those the actor may see and whose
    consent allows processing; people excluded by a hard requirement are left out."""
    actor.permissions.require("view_vacancy_candidates", vacancy)
    _check_vacancy(vacancy)
    visible = set(job_seeker_list(actor=actor).values_list("pk", flat=True))
    allowed = consenting_job_seekers(area_id=vacancy.employment_area_id) & visible
    return job_seekers_ranked(vacancy=vacancy, allowed=allowed, top=top)


def vacancy_candidates(*, actor: Any, vacancy: Vacancy, top: int = 20) -> VacancyCandidates:
    """`job_seekers_for_vacancy`, and how many more people fit the vacancy the same way
    (consent to processing in force, a skill in common, no hard requirement missing) but are
    not listed because the actor may not see them: for a business advisor, people without a
    consent to send their profile to employers; for a counsellor, other counsellors' clients.

    Only the number leaves this function, never who they are; counts of people are open to
    every staff role (the regional supply counts, matching/permissions_workflow.py).
    """
    actor.permissions.require("view_vacancy_candidates", vacancy)
    _check_vacancy(vacancy)
    visible = set(job_seeker_list(actor=actor).values_list("pk", flat=True))
    consenting = consenting_job_seekers(area_id=vacancy.employment_area_id)
    area = area_index(vacancy.employment_area_id)
    index = area.index
    if index.vacancy_position(vacancy.pk) is None or not index.person_ids:
        return VacancyCandidates(results=[], not_shown=0)
    s = index.score_vacancy(vacancy.pk)
    hidden = np.array([p in consenting and p not in visible for p in index.person_ids], bool)
    return VacancyCandidates(
        results=_ranked(area, vacancy, s, consenting & visible, top),
        not_shown=int(np.count_nonzero(_fits(s) & hidden)),
    )


def job_seekers_ranked(*, vacancy: Vacancy, allowed: set[int], top: int = 20) -> list[MatchResult]:
    """The best of the people `allowed` for the vacancy, without an actor (batch jobs)."""
    _check_vacancy(vacancy)
    area = area_index(vacancy.employment_area_id)
    index = area.index
    if index.vacancy_position(vacancy.pk) is None or not index.person_ids:
        return []
    return _ranked(area, vacancy, index.score_vacancy(vacancy.pk), allowed, top)


def _fits(s: Scores) -> np.ndarray:
    """People a vacancy may list: a skill in common, no hard requirement missing."""
    return ~s.excluded & (s.components["skills"] > 0) & (s.total > 0)


def _ranked(
    area: AreaIndex, vacancy: Vacancy, s: Scores, allowed: set[int], top: int
) -> list[MatchResult]:
    index = area.index
    mask = np.array([pid in allowed for pid in index.person_ids], dtype=bool)
    chosen = _top(s.total, mask & _fits(s), top)
    pairs = [
        (
            index.person_ids[i],
            vacancy.pk,
            float(s.total[i]),
            {k: float(v[i]) for k, v in s.components.items()},
            False,
        )
        for i in chosen
    ]
    return _results(area, pairs)


def match_explain(*, actor: Any, job_seeker: JobSeeker, vacancy: Vacancy) -> MatchResult:
    """The full explanation of one pair, also when a hard requirement excludes it."""
    actor.permissions.require("view_job_seeker_matches", job_seeker)
    actor.permissions.require("view_vacancy_candidates", vacancy)
    _check_job_seeker(job_seeker)
    _check_vacancy(vacancy)
    if vacancy.employment_area_id != job_seeker.employment_area_id:
        raise MatchingError(
            _("Työpaikka ja työnhakija ovat eri työllisyysalueilla."), code="different_area"
        )
    area = area_index(job_seeker.employment_area_id)
    score, comps, excluded = area.index.score_pair(job_seeker.pk, vacancy.pk)
    return _results(area, [(job_seeker.pk, vacancy.pk, score, comps, excluded)])[0]


# --- occupational mobility (the rules are in mobility.py) ---------------------------------


def career_moves_for_job_seeker(*, actor: Any, job_seeker: JobSeeker, top: int = 10) -> CareerMoves:
    """The person's target occupations and the `top` occupations whose essential skills the
    person mostly has, each with the missing essential skills."""
    actor.permissions.require("view_job_seeker_matches", job_seeker)
    _check_job_seeker(job_seeker)
    return career_moves(job_seeker=job_seeker, top=top)


def occupations_for_job_seeker(
    *, actor: Any, job_seeker: JobSeeker, top: int = 10
) -> list[MobilityResult]:
    """`career_moves_for_job_seeker`'s moves alone."""
    return career_moves_for_job_seeker(actor=actor, job_seeker=job_seeker, top=top).moves
