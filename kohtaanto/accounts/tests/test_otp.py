from django.test import Client
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kohtaanto.accounts.models import Role


def _code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key):06d}"


def test_user_turns_on_totp_with_a_code_from_the_app(client_as):
    client = client_as(Role.COUNSELLOR)
    page = client.get("/accounts/otp/")
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.content.decode()
    device = TOTPDevice.objects.get(user=client.user, confirmed=False)
    response = client.post("/accounts/otp/", {"token": _code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed is True


def test_wrong_totp_code_is_refused_with_a_field_error(client_as):
    client = client_as(Role.COUNSELLOR)
    client.get("/accounts/otp/")
    response = client.post("/accounts/otp/", {"token": "000000"})
    assert response.status_code == 200
    assert "Koodi ei kelpaa" in response.content.decode()
    assert not TOTPDevice.objects.filter(user=client.user, confirmed=True).exists()


def test_otp_pages_require_login():
    assert Client().get("/accounts/otp/").status_code == 302
    assert Client().get("/accounts/profile/").status_code == 302


def test_when_otp_is_required_unverified_users_are_sent_to_set_it_up(client_as, settings):
    settings.OTP_REQUIRED = True
    client = client_as(Role.FINANCE)
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/accounts/otp/"
    device = TOTPDevice.objects.get_or_create(
        user=client.user, confirmed=False, defaults={"name": "TOTP"}
    )[0]
    client.post("/accounts/otp/", {"token": _code(device)})
    assert client.get("/").status_code == 200
