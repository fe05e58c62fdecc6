"""The demo region is one a counsellor can show: most clients get vacancies, cards tell the rest."""

import random

from kohtaanto.accounts.demo_users import demo_users_ensure
from kohtaanto.employers import demo as employers_demo
from kohtaanto.employers.models import Vacancy, VacancyState
from kohtaanto.jobseekers import demo as jobseekers_demo
from kohtaanto.jobseekers.models import JobSeeker
from kohtaanto.matching.engine import loader
from kohtaanto.matching.errors import MatchingError
from kohtaanto.matching.selectors import vacancies_blocked, vacancies_ranked
from kohtaanto.taxonomy import demo as taxonomy_demo

SEED = 2026  # the demo command's seed


def test_most_demo_clients_get_vacancies_and_not_every_vacancy_asks_cards(area) -> None:
    loader._CACHE.clear()
    users, _logins = demo_users_ensure(area)
    for module in (taxonomy_demo, employers_demo, jobseekers_demo):
        module.generate(rng=random.Random(SEED), area=area, users=users)

    open_vacancies = Vacancy.objects.filter(employment_area=area, state=VacancyState.OPEN)
    without_cards = open_vacancies.filter(requirements__isnull=True).count()
    assert 0 < without_cards < open_vacancies.count()

    ranked = with_matches = blocked_only = 0
    for person in JobSeeker.objects.filter(
        employment_area=area, external_id__startswith="DEMO-JS-"
    ):
        try:
            results = vacancies_ranked(job_seeker=person, top=20)
        except MatchingError:
            continue  # not active or no consent: not compared, by rule
        ranked += 1
        if results:
            with_matches += 1
        elif vacancies_blocked(job_seeker=person):
            blocked_only += 1
    assert ranked >= 30
    assert with_matches / ranked >= 0.8, (with_matches, ranked)
    # Whoever gets nothing is mostly told which card keeps them out.
    assert with_matches + blocked_only >= 0.9 * ranked
