"""The register list's ESF+ participation filter is only for roles that see participation,
and search terms are bounded: in pages and in the API."""

import pytest
from django.test import Client
from django.urls import reverse

from kohtaanto.common.errors import DomainError
from kohtaanto.jobseekers import selectors

MAY_FILTER = {"coordinator", "own_counsellor", "auditor"}
MAY_NOT_FILTER = {"partner_with_consent", "business_advisor"}


@pytest.mark.parametrize("who", sorted(MAY_FILTER | MAY_NOT_FILTER))
def test_api_participation_filter_only_for_roles_that_see_participation(world, api_client_for, who):
    client = api_client_for(world["users"][who])
    active = client.get("/api/v1/job-seekers", {"participation": "active"})
    none = client.get("/api/v1/job-seekers", {"participation": "none"})
    if who in MAY_FILTER:
        assert active.status_code == 200 and none.status_code == 200
        assert [p["id"] for p in active.json()["items"]] == [world["person"].pk]
        assert none.json()["items"] == []
    else:
        # The same refusal whatever the person's participation: nothing is learned.
        assert active.status_code == none.status_code == 400
        assert active.json() == none.json()
        assert active.json()["errors"][0]["field"] == "participation"
        # Without the filter the person is listed as usual.
        plain = client.get("/api/v1/job-seekers")
        assert [p["id"] for p in plain.json()["items"]] == [world["person"].pk]


@pytest.mark.parametrize("who", sorted(MAY_NOT_FILTER))
def test_page_offers_no_participation_filter_and_ignores_it(world, who):
    client = Client()
    client.force_login(world["users"][who])
    url = reverse("jobseekers:list")
    page = client.get(url)
    assert 'name="participation"' not in page.content.decode()
    none = client.get(url, {"participation": "none"}).content.decode()
    active = client.get(url, {"participation": "active"}).content.decode()
    assert world["person"].display_name in none and world["person"].display_name in active


def test_page_offers_the_participation_filter_to_the_coordinator(world):
    client = Client()
    client.force_login(world["users"]["coordinator"])
    url = reverse("jobseekers:list")
    assert 'name="participation"' in client.get(url).content.decode()
    none = client.get(url, {"participation": "none"}).content.decode()
    assert world["person"].display_name not in none


def test_selector_refuses_the_filter_for_a_partner(world):
    with pytest.raises(DomainError) as excinfo:
        selectors.job_seeker_list(
            actor=world["users"]["partner_with_consent"], participation="exited"
        )
    assert excinfo.value.field == "participation"


def test_overlong_search_term_is_a_clear_400_in_the_api(world, api_client_for):
    client = api_client_for(world["users"]["coordinator"])
    response = client.get("/api/v1/job-seekers", {"q": "a " * 5000})
    assert response.status_code == 400
    assert response.json()["errors"][0]["field"] == "q"
    assert client.get("/api/v1/job-seekers", {"q": "Aino"}).status_code == 200
