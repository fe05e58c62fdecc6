"""A vacancy's candidates page says how many more people fit whom the viewer may not see,
why, and what to do next, without telling who they are: one to four only as "under 5"."""

import datetime

import pytest
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.employers.tests.factories import CompanyFactory
from kohtaanto.jobseekers.models import ConsentPurpose, ProfileSkill, RequirementCard, SkillSource
from kohtaanto.jobseekers.tests.factories import ConsentFactory, JobSeekerFactory


def _fitting_person(world, name: str, counsellor, *, card: bool = True):
    """Someone the CNC vacancy would list: consent to processing, CNC skill, forklift card."""
    person = JobSeekerFactory(first_name=name, last_name="Piilonen")
    person.counsellors.add(counsellor)
    ConsentFactory(job_seeker=person)
    ProfileSkill.objects.create(
        job_seeker=person,
        concept=world.c["cnc"],
        level=3,
        source=SkillSource.COUNSELLOR,
        assessed_on=datetime.date(2026, 3, 1),
    )
    if card:
        RequirementCard.objects.create(
            job_seeker=person, concept=world.c["forklift"], expires_on=datetime.date(2028, 1, 1)
        )
    return person


@pytest.fixture
def hidden(world, make_user):
    """The welder may be sent to employers; two more fitting people may not (clients of
    another counsellor); one more lacks the vacancy's forklift card, so does not fit."""
    ConsentFactory(
        job_seeker=world.people["welder"],
        purpose=ConsentPurpose.SEND_TO_EMPLOYER,
        company=CompanyFactory(),
    )
    other = make_user(Role.COUNSELLOR)
    return [
        _fitting_person(world, "Salainen", other),
        _fitting_person(world, "Näkymätön", other),
        _fitting_person(world, "Kortiton", other, card=False),
    ]


def _page(client, world) -> str:
    url = reverse("matching:vacancy-matches", args=[world.vacancies["cnc"].pk])
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_business_advisor_is_told_how_many_more_fit_and_why_not_who(
    world, hidden, client_as, business_advisor
) -> None:
    html = _page(client_as(business_advisor), world)
    assert str(world.people["welder"]) in html
    assert (
        "Alle 5 muuta sopivaa työnhakijaa ei näy sinulle, koska heillä ei ole voimassa olevaa "
        "suostumusta profiilin lähettämiseen työnantajalle." in html
    )
    assert "2 muuta" not in html
    assert "Pyydä ohjaajia kysymään suostumus" in html
    for person in hidden:
        assert person.first_name not in html and "Piilonen" not in html
        assert f'name="job_seeker" value="{person.pk}"' not in html


def test_business_advisor_who_sees_nobody_is_not_told_that_nobody_fits(
    world, hidden, client_as, business_advisor
) -> None:
    world.people["welder"].consents.filter(purpose=ConsentPurpose.SEND_TO_EMPLOYER).delete()
    html = _page(client_as(business_advisor), world)
    assert "Yksikään sinulle näkyvä työnhakija ei vastaa" in html
    assert "Yksikään työnhakija ei vastaa" not in html
    assert "Alle 5 muuta sopivaa työnhakijaa ei näy sinulle" in html


def test_counsellor_is_told_the_rest_are_other_counsellors_clients(
    world, hidden, client_as, counsellor
) -> None:
    html = _page(client_as(counsellor), world)
    assert "Alle 5 muuta sopivaa työnhakijaa on muiden ohjaajien asiakkaita" in html
    assert "Salainen" not in html


def test_coordinator_sees_everyone_and_no_note_of_hidden_people(
    world, hidden, client_as, coordinator
) -> None:
    html = _page(client_as(coordinator), world)
    assert "Salainen" in html and "Näkymätön" in html and "Kortiton" not in html
    assert 'id="not-shown"' not in html


def test_the_note_in_swedish_and_english(world, hidden, client_as, business_advisor) -> None:
    client = client_as(business_advisor)
    client.cookies["django_language"] = "sv"
    assert "Färre än 5 andra lämpliga arbetssökande syns inte för dig" in _page(client, world)
    client.cookies["django_language"] = "en"
    assert "Fewer than 5 more suitable job seekers are not shown to you" in _page(client, world)


def test_api_gives_the_number_not_shown(world, hidden, business_advisor, api_client_for) -> None:
    client = api_client_for(business_advisor)
    body = client.get(f"/api/v1/matching/vacancies/{world.vacancies['cnc'].pk}/job-seekers")
    assert body.json()["not_shown"] == "< 5"
    assert [r["job_seeker"] for r in body.json()["results"]] == [world.people["welder"].pk]


def test_five_or_more_not_shown_are_counted_exactly(
    world, hidden, make_user, client_as, business_advisor, api_client_for
) -> None:
    other = make_user(Role.COUNSELLOR)
    for name in ("Kolmas", "Neljäs", "Viides"):
        _fitting_person(world, name, other)
    html = _page(client_as(business_advisor), world)
    assert "5 muuta sopivaa työnhakijaa ei näy sinulle" in html
    assert "Alle 5" not in html
    client = api_client_for(business_advisor)
    body = client.get(f"/api/v1/matching/vacancies/{world.vacancies['cnc'].pk}/job-seekers")
    assert body.json()["not_shown"] == 5


def test_nobody_not_shown_says_nothing_and_the_api_gives_zero(
    world, client_as, business_advisor, api_client_for
) -> None:
    ConsentFactory(
        job_seeker=world.people["welder"],
        purpose=ConsentPurpose.SEND_TO_EMPLOYER,
        company=CompanyFactory(),
    )
    html = _page(client_as(business_advisor), world)
    assert 'id="not-shown"' not in html
    client = api_client_for(business_advisor)
    body = client.get(f"/api/v1/matching/vacancies/{world.vacancies['cnc'].pk}/job-seekers")
    assert body.json()["not_shown"] == 0
