"""API plumbing: bounded list pages, API docs from the installed package under the CSP."""

from django.test import Client

from kohtaanto.accounts.models import Role


def test_list_limit_above_the_cap_is_refused_clearly(api_client_for, make_user):
    client = api_client_for(make_user(Role.BUSINESS_ADVISOR))
    response = client.get("/api/v1/companies?limit=5000")
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid"
    assert any(e["field"].endswith("limit") for e in body["errors"])
    assert client.get("/api/v1/companies?limit=100").status_code == 200


def test_api_docs_are_served_from_the_package_under_the_csp(client_as):
    response = client_as(Role.COORDINATOR).get("/api/v1/docs")
    assert response.status_code == 200
    html = response.content.decode()
    assert "cdn.jsdelivr.net" not in html and "unpkg.com" not in html
    assert "/static/ninja/swagger-ui-bundle.js" in html
    assert "script-src 'self'" in response["Content-Security-Policy"]


def test_api_docs_and_schema_need_login_in_production(settings, client_as):
    settings.PRODUCTION = True
    for path in ("/api/v1/docs", "/api/v1/openapi.json"):
        response = Client().get(path)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert client_as(Role.AUDITOR).get("/api/v1/openapi.json").status_code == 200


def test_api_docs_are_open_outside_production(settings):
    settings.PRODUCTION = False
    assert Client().get("/api/v1/openapi.json").status_code == 200
