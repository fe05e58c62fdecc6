import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client

from kohtaanto.accounts.models import Role


def test_pages_carry_security_headers(client_as):
    response = client_as(Role.COORDINATOR).get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["Referrer-Policy"] == "same-origin"


def test_login_post_without_csrf_token_is_refused(make_user):
    make_user(Role.COUNSELLOR, username="csrf")
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        "/accounts/login/", {"username": "csrf", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 403
    assert "Pyyntö hylättiin" in response.content.decode()


@pytest.mark.parametrize("password", ["lyhyt", "123456789012345", "password1234"])
def test_weak_passwords_are_refused(password):
    with pytest.raises(ValidationError):
        validate_password(password)


def test_session_expires_and_ends_with_browser(settings):
    assert settings.SESSION_COOKIE_AGE <= 8 * 3600
    assert settings.SESSION_EXPIRE_AT_BROWSER_CLOSE is True
    assert settings.SESSION_COOKIE_HTTPONLY is True


def test_api_without_credentials_answers_401_json():
    response = Client().get("/api/v1/me")
    assert response.status_code == 401
    assert response.json() == {"error": "unauthorised", "detail": "Authentication required."}


def test_api_me_with_token(api_client_for, counsellor):
    response = api_client_for(counsellor).get("/api/v1/me")
    assert response.status_code == 200
    assert response.json() == {
        "username": counsellor.username,
        "role": "counsellor",
        "employment_area": "keski-pohjanmaa",
    }


def test_unknown_page_gives_finnish_404(client_as):
    response = client_as(Role.COUNSELLOR).get("/ei-ole-olemassa/")
    assert response.status_code == 404
    assert "Sivua ei löydy" in response.content.decode()


def test_favicon_request_is_sent_to_the_projects_icon_not_a_404(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("/static/kohtaanto/favicon.svg")
    icon = client.get(response["Location"])
    assert icon.status_code == 200
    assert b"<svg" in b"".join(icon.streaming_content)


def test_pages_name_the_icon(client):
    html = client.get("/accounts/login/").content.decode()
    assert '<link rel="icon" href="/static/kohtaanto/favicon.svg" type="image/svg+xml">' in html
