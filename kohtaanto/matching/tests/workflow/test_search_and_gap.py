"""Search of job seekers by skill with taxonomy neighbours, and the gap to an occupation."""

from types import SimpleNamespace
from typing import Any

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.common.errors import NotFoundError
from kohtaanto.matching.search import (
    BROADER,
    EXACT,
    NARROWER,
    RELATED,
    concept_neighbours,
    job_seeker_skill_search,
    occupation_gap,
)
from kohtaanto.matching.tests.workflow.conftest import give_skill


@pytest.fixture
def profiles(people: SimpleNamespace, skills: SimpleNamespace) -> SimpleNamespace:
    """Aino: MIG welding (narrower than welding); Bertil: welding itself at level 1."""
    give_skill(people.aino, skills.mig, level=4)
    give_skill(people.bertil, skills.welding, level=1)
    return SimpleNamespace(**vars(people), **vars(skills))


def test_neighbours_follow_broader_narrower_and_related(skills: Any) -> None:
    assert concept_neighbours(skills.welding) == {
        skills.welding.pk: EXACT,
        skills.mig.pk: NARROWER,
        skills.metalwork.pk: BROADER,
        skills.drawings.pk: RELATED,
    }
    assert concept_neighbours(skills.drawings)[skills.welding.pk] == RELATED


def test_exact_skill_ranks_before_a_neighbour(profiles: Any, make_user: Any) -> None:
    hits = job_seeker_skill_search(actor=make_user(Role.COORDINATOR), concept=profiles.welding)
    assert [h.job_seeker for h in hits] == [profiles.bertil, profiles.aino]
    assert hits[1].matches[0].relation == NARROWER


def test_without_neighbours_only_the_skill_itself(profiles: Any, make_user: Any) -> None:
    hits = job_seeker_skill_search(
        actor=make_user(Role.COORDINATOR), concept=profiles.welding, neighbours=False
    )
    assert [h.job_seeker for h in hits] == [profiles.bertil]


def test_search_is_scoped_to_who_the_actor_sees(profiles: Any, make_user: Any) -> None:
    hits = job_seeker_skill_search(actor=profiles.counsellor, concept=profiles.welding)
    assert [h.job_seeker for h in hits] == [profiles.aino]
    assert (
        job_seeker_skill_search(actor=make_user(Role.BUSINESS_ADVISOR), concept=profiles.welding)
        == []
    )


def test_search_page_and_api(profiles: Any, client_as: Any, api_client_for: Any) -> None:
    client = client_as(profiles.counsellor)
    page = client.get(
        reverse("matching:skill_search"),
        {"concept": profiles.welding.pk, "neighbours": "on"},
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Aino Asiakas" in text and "suppeampi osaaminen" in text and "Bertil" not in text
    api = api_client_for(profiles.counsellor)
    body = api.get("/api/v1/matching/search/job-seekers", {"concept": profiles.welding.uri}).json()
    assert [h["name"] for h in body] == ["Aino Asiakas"]
    unknown = api.get("/api/v1/matching/search/job-seekers", {"concept": "urn:nothing"})
    assert unknown.status_code == 400 and "urn:nothing" in unknown.json()["detail"]


def test_finance_cannot_search(profiles: Any, client_as: Any) -> None:
    assert client_as(Role.FINANCE).get(reverse("matching:skill_search")).status_code == 404


def test_occupation_gap_lists_missing_essential_skills(profiles: Any) -> None:
    gap = occupation_gap(
        actor=profiles.other_counsellor, job_seeker=profiles.bertil, occupation=profiles.welder
    )
    assert gap.have == [profiles.welding]
    assert gap.missing == [profiles.drawings]  # CNC is optional for a welder, not a gap


def test_gap_of_someone_else_is_not_found(profiles: Any) -> None:
    with pytest.raises(NotFoundError):
        occupation_gap(
            actor=profiles.counsellor, job_seeker=profiles.bertil, occupation=profiles.welder
        )


def test_gap_page(profiles: Any, client_as: Any) -> None:
    client = client_as(profiles.other_counsellor)
    url = reverse("matching:gap", args=[profiles.bertil.pk])
    page = client.get(url, {"occupation": profiles.welder.pk})
    assert page.status_code == 200
    assert "piirustusten lukeminen" in page.content.decode()
    # No programme teaches the gap: the training section says so rather than staying empty.
    assert "Yksikään tuleva koulutus ei opeta puuttuvia taitoja." in page.content.decode()
    assert client_as(profiles.counsellor).get(url).status_code == 404
    missing = reverse("matching:gap", args=[profiles.bertil.pk + 999])
    assert client.get(missing).status_code == 404


def test_job_seeker_list_links_to_the_skill_search(client_as: Any) -> None:
    page = client_as(Role.COUNSELLOR).get(reverse("jobseekers:list"))
    assert reverse("matching:skill_search") in page.content.decode()


@pytest.fixture
def processing(profiles: Any) -> Any:
    from kohtaanto.jobseekers.models import ConsentPurpose
    from kohtaanto.jobseekers.tests.factories import ConsentFactory
    from kohtaanto.matching.engine import loader

    loader._CACHE.clear()
    ConsentFactory(job_seeker=profiles.bertil, purpose=ConsentPurpose.PROCESSING)
    return profiles


def test_gap_to_a_vacancy_comes_from_the_engines_explanation(
    processing: Any, vacancy: Any, client_as: Any
) -> None:
    from kohtaanto.employers.models import VacancySkill

    VacancySkill.objects.create(vacancy=vacancy, concept=processing.cnc, essential=True)
    client = client_as(processing.other_counsellor)
    page = client.get(reverse("matching:gap", args=[processing.bertil.pk]), {"vacancy": vacancy.pk})
    assert page.status_code == 200
    text = page.content.decode()
    assert "Työpaikka Hitsaaja" in text
    missing = text.split("Puuttuvat taidot", 1)[1].split("</ul>", 1)[0]
    assert "CNC-ohjelmointi" in missing and "hitsaus" not in missing


def test_gap_to_a_vacancy_without_consent_says_why(
    profiles: Any, vacancy: Any, client_as: Any
) -> None:
    page = client_as(profiles.other_counsellor).get(
        reverse("matching:gap", args=[profiles.bertil.pk]), {"vacancy": vacancy.pk}
    )
    assert page.status_code == 200
    assert "suostumusta" in page.content.decode()


def test_gap_page_tells_apart_vacancies_of_the_same_title(
    profiles: Any, vacancy: Any, client_as: Any
) -> None:
    import datetime

    from kohtaanto.accounts.models import Municipality
    from kohtaanto.employers.tests.factories import CompanyFactory
    from kohtaanto.matching.tests.workflow.conftest import make_vacancy

    vacancy.municipality = Municipality.objects.get(code="272")
    vacancy.closing_date = datetime.date(2027, 2, 15)
    vacancy.save(update_fields=["municipality", "closing_date"])
    make_vacancy(CompanyFactory(name="Toinen Konepaja Oy"))  # "Hitsaaja" too, no place or date
    client = client_as(profiles.other_counsellor)
    url = reverse("matching:gap", args=[profiles.bertil.pk])

    page = client.get(url).content.decode()
    assert (
        f'<option value="{vacancy.pk}">Hitsaaja (Testikonepaja Oy, Kokkola), '
        "haku päättyy 15.2.2027</option>" in page
    )
    assert ">Hitsaaja (Toinen Konepaja Oy)</option>" in page

    client.cookies["django_language"] = "sv"
    page = client.get(url).content.decode()
    assert (
        ">Hitsaaja (Testikonepaja Oy, Karleby), ansökningstiden går ut 15.2.2027</option>" in page
    )
