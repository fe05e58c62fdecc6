"""The counsellor's home: the work list, four-week result checks, new matches for clients and
the shortlist consent questions to ask them."""

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kohtaanto.accounts.models import Role, User
from kohtaanto.common.errors import DomainError
from kohtaanto.employers.models import (
    Vacancy,
    VacancyState,
)
from kohtaanto.home.charts import Chart, bar_chart
from kohtaanto.home.selectors.figures import Figure
from kohtaanto.jobseekers import selectors as jobseekers
from kohtaanto.jobseekers.models import Participation
from kohtaanto.matching import selectors as matching
from kohtaanto.matching import shortlists
from kohtaanto.matching.models import ShortlistCandidate

IDLE_DAYS = 60  # the "clients without contact in 60 days"
RESULT_WINDOW_DAYS = 28  # Annex I: immediate results within four weeks of leaving
NEW_VACANCY_DAYS = 14  # "new" vacancies for the counsellor's new matches
NEW_MATCH_VACANCIES = 8  # newest vacancies ranked for the home page
NEW_MATCH_TOP = 3  # best clients shown per new vacancy


@dataclass
class NewMatch:
    vacancy: Vacancy
    job_seeker_id: int
    name: str
    score: float


@dataclass
class CounsellorHome:
    worklist: jobseekers.Worklist
    result_checks: list[tuple[Participation, datetime.date]]
    new_matches: list[NewMatch]
    consent_requests: list[ShortlistCandidate]
    clients: int
    figures: list[Figure]
    chart: Chart


def result_checks_due(
    *, actor: User, today: datetime.date
) -> list[tuple[Participation, datetime.date]]:
    """Exits whose immediate result (Annex I, within four weeks of leaving) is not recorded,
    with the day the four weeks end; the person must be one the actor may see."""
    people = jobseekers.job_seeker_list(actor=actor, mine=actor.role == Role.COUNSELLOR)
    rows = (
        Participation.objects.filter(
            job_seeker__in=people.values("pk"),
            exit_date__isnull=False,
            exit_date__lte=today,
            exit_results_on__isnull=True,
            exit_job_searching__isnull=True,
            exit_in_education__isnull=True,
            exit_qualification__isnull=True,
            exit_employed__isnull=True,
        )
        .select_related("job_seeker", "operation")
        .order_by("exit_date", "id")
    )
    window = datetime.timedelta(days=RESULT_WINDOW_DAYS)
    return [(p, p.exit_date + window) for p in rows if p.exit_date is not None]


def new_matches(*, actor: User, today: datetime.date) -> list[NewMatch]:
    """The actor's visible people who rank best for vacancies opened in the last two weeks
    (matching's own ranking and its rules: consent, hard requirements, visibility)."""
    since = today - datetime.timedelta(days=NEW_VACANCY_DAYS)
    vacancies = (
        Vacancy.objects.filter(
            employment_area_id=actor.employment_area_id,
            state=VacancyState.OPEN,
        )
        .filter(
            Q(published_at__date__gte=since)
            | Q(published_at__isnull=True, created_at__date__gte=since)
        )
        .select_related("company")
        .order_by("-published_at", "-created_at", "-id")[:NEW_MATCH_VACANCIES]
    )
    found: list[tuple[Vacancy, Any]] = []
    for vacancy in vacancies:
        if not actor.permissions.can_view_vacancy_candidates(vacancy):
            continue
        try:
            results = matching.job_seekers_for_vacancy(
                actor=actor, vacancy=vacancy, top=NEW_MATCH_TOP
            )
        except DomainError:
            continue  # a vacancy without skills has nobody to rank
        found.extend((vacancy, r) for r in results)
    names = {
        p.pk: str(p)
        for p in jobseekers.job_seeker_list(actor=actor).filter(
            pk__in={r.job_seeker_id for _, r in found}
        )
    }
    return [
        NewMatch(
            vacancy=v, job_seeker_id=r.job_seeker_id, name=names[r.job_seeker_id], score=r.score
        )
        for v, r in found
        if r.job_seeker_id in names
    ]


def consent_requests(*, actor: User) -> list[ShortlistCandidate]:
    """Shortlist candidates waiting for the person's answer that the actor may record: the
    counsellor's own clients (matching's consent-request selector and its decide rule)."""
    return [
        c
        for c in shortlists.consent_requests(actor=actor)
        if actor.permissions.can_decide_candidate(c)
    ]


def counsellor_home(*, actor: User, today: datetime.date | None = None) -> CounsellorHome:
    day = today or timezone.localdate()
    work = jobseekers.worklist(actor=actor, today=day, idle_days=IDLE_DAYS)
    checks = result_checks_due(actor=actor, today=day)
    matches = new_matches(actor=actor, today=day)
    requests = consent_requests(actor=actor)
    clients = jobseekers.job_seeker_list(actor=actor, mine=True, status="active").count()
    worklist_url = reverse("jobseekers:worklist")
    counts = [
        (_("Kuuden kuukauden seurannat"), len(work.follow_ups)),
        (_("Neljän viikon tulostilanteet"), len(checks)),
        (_("Päättyvät suostumukset"), len(work.expiring_consents)),
        (_("Uudet sopivat työpaikat"), len(matches)),
        (_("Ei yhteyttä 60 päivään"), len(work.idle_clients)),
        (_("Myöhässä olevat toimenpiteet"), len(work.overdue_actions)),
    ]
    figures = [Figure(_("Aktiiviset asiakkaasi"), str(clients), reverse("jobseekers:list"))]
    figures += [Figure(label, str(n), worklist_url) for label, n in counts[:3]]
    chart = bar_chart(
        key="counsellor-work",
        title=_("Työlistasi tänään"),
        row_header=pgettext("to-do item", "Tehtävä"),
        series=[_("Lukumäärä")],
        rows=[(label, [n]) for label, n in counts],
    )
    return CounsellorHome(
        worklist=work,
        result_checks=checks,
        new_matches=matches,
        consent_requests=requests,
        clients=clients,
        figures=figures,
        chart=chart,
    )
