import pytest
from django.test import Client
from django.urls import reverse

from kohtaanto.accounts.models import Role


def test_front_page_requires_login():
    response = Client().get("/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_login_with_password_shows_finnish_front_page(make_user):
    user = make_user(Role.COUNSELLOR, username="ohjaaja")
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "ohjaaja", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 302
    page = client.get("/")
    body = page.content.decode()
    assert page.status_code == 200
    assert '<html lang="fi">' in body
    assert f"Tervetuloa, {user.get_full_name()}" in body


def test_repeated_failed_logins_lock_the_account(make_user, settings):
    make_user(Role.COUNSELLOR, username="lukittava")
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("accounts:login"), {"username": "lukittava", "password": "väärä"})
    response = client.post(
        reverse("accounts:login"), {"username": "lukittava", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 429
    assert "tilapäisesti lukittu" in response.content.decode()


def test_logout_everywhere_ends_other_sessions(make_user):
    user = make_user(Role.COUNSELLOR)
    laptop, phone = Client(), Client()
    laptop.force_login(user)
    phone.force_login(user)
    assert phone.get("/").status_code == 200
    laptop.post(reverse("accounts:logout_everywhere"))
    response = phone.get("/")
    assert response.status_code == 302
    assert phone.get("/").status_code == 302


def test_logout_requires_post(client_as):
    client = client_as(Role.COUNSELLOR)
    assert client.get(reverse("accounts:logout")).status_code == 405


def test_totp_device_is_required_at_login_once_confirmed(make_user):
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    user = make_user(Role.FINANCE, username="talous")
    device = TOTPDevice.objects.create(user=user, name="TOTP", confirmed=True)
    client = Client()
    response = client.post(
        reverse("accounts:login"), {"username": "talous", "password": "Testi-salasana-123"}
    )
    assert response.status_code == 200  # refused: code missing
    token = f"{totp(device.bin_key):06d}"
    response = client.post(
        reverse("accounts:login"),
        {
            "username": "talous",
            "password": "Testi-salasana-123",
            "otp_device": device.persistent_id,
            "otp_token": token,
        },
    )
    assert response.status_code == 302


@pytest.mark.parametrize("lang,text", [("sv", "Välkommen"), ("en", "Welcome")])
def test_language_switch_changes_front_page_language(client_as, lang, text):
    client = client_as(Role.COORDINATOR)
    client.post("/i18n/setlang/", {"language": lang, "next": "/"})
    body = client.get("/").content.decode()
    assert f'<html lang="{lang}">' in body
    assert text in body
