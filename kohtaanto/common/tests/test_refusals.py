"""One refusal: forbidden answers as missing (404) in pages and in the API, with one API error
body; a wrong method gets a real 405 page."""

import pytest

from kohtaanto.accounts.models import Role

pytestmark = pytest.mark.django_db

NOT_FOUND = {"error": "not_found", "detail": "not found"}


@pytest.fixture
def refusal_urls(settings):
    settings.ROOT_URLCONF = "kohtaanto.common.tests.urls"


def test_forbidden_page_answers_exactly_as_a_missing_one(client_as, refusal_urls):
    client = client_as(Role.COUNSELLOR)
    refused, missing = client.get("/refused/"), client.get("/no-such-page/")
    assert refused.status_code == missing.status_code == 404
    assert "Sivua ei löydy" in refused.content.decode()
    assert refused.templates[0].name == missing.templates[0].name == "errors/404.html"


def test_wrong_method_gets_a_405_page_that_says_what_to_do(client_as, refusal_urls):
    response = client_as(Role.COUNSELLOR).get("/post-only/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"
    assert "Toimintoa ei voi tehdä näin" in response.content.decode()


def test_api_forbidden_answers_exactly_as_missing(api_client_for, make_user):
    client = api_client_for(make_user(Role.COUNSELLOR))
    forbidden = client.get("/api/v1/grant-schemes")
    missing = client.get("/api/v1/concepts/999999")
    assert forbidden.status_code == missing.status_code == 404
    assert forbidden.json() == missing.json() == NOT_FOUND


def test_api_wrong_method_has_the_api_error_body(api_client_for, make_user):
    response = api_client_for(make_user(Role.COUNSELLOR)).delete("/api/v1/me")
    assert response.status_code == 405
    assert response.json() == {"error": "method_not_allowed", "detail": "Method not allowed."}
    assert "GET" in response["Allow"]
