"""Pages, API and commands of the rankings, each with its permission check."""

import io
import json

import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from kohtaanto.accounts.models import Role
from kohtaanto.audit.models import AccessLogEntry

# --- API -----------------------------------------------------------------------------------


def test_api_vacancies_for_a_person_with_explanation(world, counsellor, api_client_for) -> None:
    person = world.people["welder"]
    response = api_client_for(counsellor).get(
        f"/api/v1/matching/job-seekers/{person.pk}/vacancies?top=5"
    )
    assert response.status_code == 200
    first = response.json()["results"][0]
    assert first["external_id"] == "V-CNC"
    assert world.c["welding"].uri in [s["uri"] for s in first["partial"]]
    assert any("trukkikortti" in line for line in first["explanation"])
    assert AccessLogEntry.objects.filter(subject_id=str(person.pk), what="matches").exists()


def test_api_people_for_a_vacancy_and_career_moves(world, coordinator, api_client_for) -> None:
    client = api_client_for(coordinator)
    people = client.get(f"/api/v1/matching/vacancies/{world.vacancies['cnc'].pk}/job-seekers")
    assert [r["job_seeker"] for r in people.json()["results"]] == [world.people["welder"].pk]
    moves = client.get(f"/api/v1/matching/job-seekers/{world.people['welder'].pk}/occupations")
    assert moves.json()["results"][0]["viability"] == "highly viable"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/matching/job-seekers/{person}/vacancies",
        "/api/v1/matching/job-seekers/{person}/occupations",
        "/api/v1/matching/vacancies/{vacancy}/job-seekers",
    ],
)
def test_api_answers_forbidden_as_missing(
    world, make_user, partner_user, finance_user, api_client_for, path
) -> None:
    url = path.format(person=world.people["welder"].pk, vacancy=world.vacancies["cnc"].pk)
    missing = path.format(person=999999, vacancy=999999)
    for user in (partner_user, finance_user):
        client = api_client_for(user)
        forbidden = client.get(url)
        assert forbidden.status_code == 404
        assert forbidden.json() == client.get(missing).json()
    other_counsellor = api_client_for(make_user(Role.COUNSELLOR))
    if "job-seekers/{person}" in path:
        assert other_counsellor.get(url).status_code == 404


def test_api_input_that_cannot_be_ranked_is_a_400_with_the_reason(
    world, coordinator, api_client_for
) -> None:
    client = api_client_for(coordinator)
    closed = client.get(f"/api/v1/matching/vacancies/{world.vacancies['closed'].pk}/job-seekers")
    assert closed.status_code == 400
    assert closed.json()["error"] == "vacancy_not_open"
    person = client.get(f"/api/v1/matching/job-seekers/{world.people['no_consent'].pk}/vacancies")
    assert person.status_code == 400 and "suostumus" in person.json()["detail"]


# --- pages ---------------------------------------------------------------------------------


def test_person_page_shows_vacancies_and_career_moves(world, client_as, counsellor) -> None:
    client = client_as(counsellor)
    url = reverse("matching:job-seeker-matches", args=[world.people["welder"].pk])
    html = client.get(url).content.decode()
    assert "CNC-koneistaja" in html and "hitsaus osittain" in html
    assert "Erittäin realistinen siirtymä" in html
    detail = client.get(reverse("jobseekers:detail", args=[world.people["welder"].pk]))
    assert url in detail.content.decode()


def test_person_page_in_english(world, client_as, counsellor) -> None:
    client = client_as(counsellor)
    url = reverse("matching:job-seeker-matches", args=[world.people["welder"].pk])
    client.cookies["django_language"] = "en"
    html = client.get(url).content.decode()
    assert "Suitable vacancies" in html and "Partly:" in html


def test_vacancy_page_lists_people_and_explains_refusals(world, client_as, coordinator) -> None:
    client = client_as(coordinator)
    html = client.get(
        reverse("matching:vacancy-matches", args=[world.vacancies["cnc"].pk])
    ).content.decode()
    assert str(world.people["welder"]) in html
    closed = client.get(reverse("matching:vacancy-matches", args=[world.vacancies["closed"].pk]))
    assert closed.status_code == 200 and "ei ole avoinna" in closed.content.decode()


@pytest.mark.parametrize("user", ["partner_user", "finance_user"])
def test_pages_answer_forbidden_as_missing(world, client_as, request, user) -> None:
    client = client_as(request.getfixturevalue(user))
    for url in (
        reverse("matching:job-seeker-matches", args=[world.people["welder"].pk]),
        reverse("matching:vacancy-matches", args=[world.vacancies["cnc"].pk]),
        reverse("matching:vacancy-matches", args=[999999]),
    ):
        assert client.get(url).status_code == 404


def test_business_advisor_gets_the_vacancy_ranking_but_not_a_persons(world, client_as) -> None:
    client = client_as(Role.BUSINESS_ADVISOR)
    url = reverse("matching:vacancy-matches", args=[world.vacancies["cnc"].pk])
    assert client.get(url).status_code == 200
    url = reverse("matching:job-seeker-matches", args=[world.people["welder"].pk])
    assert client.get(url).status_code == 404


# --- commands ------------------------------------------------------------------------------


def test_match_command_prints_the_issue_format(world) -> None:
    out = io.StringIO()
    call_command("match", "--vacancy", "V-CNC", "--top", "5", "--format", "json", stdout=out)
    (row,) = json.loads(out.getvalue())["results"]
    assert row["external_id"] == str(world.people["welder"].pk)  # no external id: the pk
    assert world.c["cnc"].uri in row["matched"]
    world.people["welder"].external_id = "JS-1"
    world.people["welder"].save(update_fields=["external_id"])
    out = io.StringIO()
    call_command("match", "--job-seeker", "JS-1", stdout=out)
    results = json.loads(out.getvalue())["results"]
    assert results[0]["external_id"] == "V-CNC" and results[0]["missing"] == []


def test_match_command_bad_input_is_a_clear_error(world) -> None:
    with pytest.raises(CommandError, match="No vacancy with external id 'nope'"):
        call_command("match", "--vacancy", "nope")
    with pytest.raises(CommandError, match=r"ei ole kirjattu osaamisvaatimuksia"):
        world.vacancies["bakery"].skills.all().delete()
        call_command("match", "--vacancy", "V-BAKE")


def test_match_all_writes_one_line_per_consenting_person(world, tmp_path) -> None:
    out = tmp_path / "all.jsonl"
    call_command("match_all", "--top", "2", "--out", str(out), stdout=io.StringIO())
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    by_person = {line["job_seeker"]: line["vacancies"] for line in lines}
    assert set(by_person) == {str(world.people["welder"].pk), str(world.people["baker"].pk)}
    assert by_person[str(world.people["welder"].pk)][0]["external_id"] == "V-CNC"
    assert [v["external_id"] for v in by_person[str(world.people["baker"].pk)]] == ["V-BAKE"]


def test_match_all_runs_as_a_background_task(world, tmp_path) -> None:
    out = tmp_path / "bg.jsonl"
    text = io.StringIO()
    call_command("match_all", "--out", str(out), "--background", stdout=text)
    assert "Queued" in text.getvalue()
    assert len(out.read_text().splitlines()) == 2  # the test settings run tasks at once
