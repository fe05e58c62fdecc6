"""A NUL byte or another control character in any API input is a clear 4xx, never a 500
(PostgreSQL refuses NUL in text, so an unchecked one raised inside the database layer there),
and nothing is written."""

import json

import pytest

from kohtaanto.employers.models import Company
from kohtaanto.jobseekers.models import JobSeeker

NUL = "Mat\x00ti"


@pytest.mark.parametrize(
    "path",
    ["/api/v1/job-seekers", "/api/v1/companies", "/api/v1/vacancies"],
)
def test_nul_in_a_search_term_is_refused(api_client_for, coordinator, path):
    response = api_client_for(coordinator).get(path, {"q": NUL})
    assert 400 <= response.status_code < 500, response.status_code


def test_nul_in_a_new_job_seekers_name_is_refused_and_nothing_is_written(
    api_client_for, coordinator
):
    response = api_client_for(coordinator).post(
        "/api/v1/job-seekers",
        json.dumps({"first_name": NUL, "last_name": "Meikäläinen"}),
        content_type="application/json",
    )
    assert response.status_code == 400, response.status_code
    assert response.json()["errors"][0]["field"] == "first_name"
    assert "U+0000" in response.json()["errors"][0]["reason"]
    assert not JobSeeker.objects.exists()


def test_nul_in_a_new_companys_name_is_refused_and_nothing_is_written(api_client_for, coordinator):
    response = api_client_for(coordinator).post(
        "/api/v1/companies",
        json.dumps({"business_id": "0112038-9", "name": NUL}),
        content_type="application/json",
    )
    assert response.status_code == 400, response.status_code
    assert response.json()["errors"][0]["field"] == "name"
    assert not Company.objects.exists()


def test_nul_deep_in_a_body_is_refused_with_its_path(api_client_for, coordinator):
    response = api_client_for(coordinator).post(
        "/api/v1/job-seekers",
        json.dumps({"first_name": "Matti", "last_name": "M", "counsellors": ["a", NUL]}),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "counsellors.1"
    assert not JobSeeker.objects.exists()


def test_text_with_line_breaks_and_tabs_still_reaches_the_schema(api_client_for, coordinator):
    response = api_client_for(coordinator).post(
        "/api/v1/job-seekers",
        json.dumps({"first_name": "Matti", "last_name": "Meikäläinen"}),
        content_type="application/json",
    )
    assert response.status_code == 201


@pytest.mark.parametrize("control", ["\x07", "\x1b", "\x85", "\u2028"])
def test_other_control_characters_are_refused_in_any_field(api_client_for, coordinator, control):
    response = api_client_for(coordinator).post(
        "/api/v1/companies",
        json.dumps({"business_id": "0112038-9", "name": f"Piste{control}Oy"}),
        content_type="application/json",
    )
    assert response.status_code == 400, response.status_code
    assert response.json()["errors"][0]["field"] == "name"
    assert f"U+{ord(control):04X}" in response.json()["errors"][0]["reason"]
    assert not Company.objects.exists()
