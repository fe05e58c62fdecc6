"""Two advisors ending the same vacancy at once: the row lock lets exactly one through.

Runs on PostgreSQL (SQLite serialises whole-database writes, so there is nothing to race)."""

import threading

import pytest
from django.db import connection, connections

from kohtaanto.common.errors import ConflictError
from kohtaanto.employers.models import Vacancy, VacancyState
from kohtaanto.employers.services.vacancies import VacancyData, vacancy_create, vacancy_transition

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def test_concurrent_transitions_of_one_vacancy_let_one_win(company, business_advisor, make_user):
    if connection.vendor != "postgresql":
        pytest.skip("row locking is exercised on PostgreSQL")
    other = make_user("business_advisor")
    vacancy = vacancy_create(
        actor=business_advisor,
        company=company,
        data=VacancyData(title="Hitsaaja"),
        state=VacancyState.OPEN,
    )
    barrier = threading.Barrier(2)
    outcomes: list[str] = []

    def end(actor, state):
        try:
            barrier.wait()
            vacancy_transition(actor=actor, vacancy=vacancy, to_state=state)
            outcomes.append(state)
        except ConflictError:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=end, args=(business_advisor, VacancyState.FILLED)),
        threading.Thread(target=end, args=(other, VacancyState.CLOSED)),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 2 and outcomes.count("refused") == 1
    winner = next(o for o in outcomes if o != "refused")
    assert Vacancy.objects.get(pk=vacancy.pk).state == winner
