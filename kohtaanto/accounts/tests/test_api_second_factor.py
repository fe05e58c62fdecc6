"""The second factor on the JSON API, and API tokens that expire, are revoked and show use."""

import datetime

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from kohtaanto.accounts.models import ApiToken, Role
from kohtaanto.accounts.services import api_token_create, api_token_revoke
from kohtaanto.audit.models import AuditEvent
from kohtaanto.common.errors import DomainError


def test_api_refuses_a_password_only_session_when_otp_is_required(client_as, settings):
    settings.OTP_REQUIRED = True
    client = client_as(Role.COORDINATOR)
    response = client.get("/api/v1/me")
    assert response.status_code == 403
    assert response.json()["error"] == "otp_required"
    assert client.get("/api/v1/jobseekers").status_code == 403


def test_api_answers_a_session_once_its_device_is_verified(client_as, settings):
    settings.OTP_REQUIRED = True
    client = client_as(Role.COORDINATOR)
    device = TOTPDevice.objects.create(user=client.user, name="TOTP", confirmed=False)
    client.post("/accounts/otp/", {"token": f"{totp(device.bin_key):06d}"})
    assert client.get("/api/v1/me").status_code == 200


def test_api_session_without_otp_requirement_still_works(client_as, settings):
    settings.OTP_REQUIRED = False
    assert client_as(Role.COORDINATOR).get("/api/v1/me").status_code == 200


def test_api_token_works_when_otp_is_required(api_client_for, coordinator, settings):
    settings.OTP_REQUIRED = True
    assert api_client_for(coordinator).get("/api/v1/me").status_code == 200


def test_unverified_session_with_a_bad_token_is_not_let_in(client_as, settings):
    settings.OTP_REQUIRED = True
    client = client_as(Role.COORDINATOR)
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer kht_nonsense"})
    assert response.status_code == 401


def test_token_is_stored_only_as_its_digest(coordinator):
    raw = api_token_create(actor=None, user=coordinator)
    token = ApiToken.objects.get()
    assert raw not in (token.digest, token.prefix, token.name)
    assert token.digest == ApiToken.hash(raw) and len(token.digest) == 64


def test_expired_token_is_refused(coordinator):
    raw = api_token_create(actor=None, user=coordinator, days=1)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    assert client.get("/api/v1/me").status_code == 200
    ApiToken.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/api/v1/me").status_code == 401


def test_revoked_token_is_refused_and_revocation_is_audited(coordinator):
    raw = api_token_create(actor=None, user=coordinator)
    client = Client(headers={"Authorization": f"Bearer {raw}"})
    api_token_revoke(actor=coordinator, token=ApiToken.objects.get())
    assert client.get("/api/v1/me").status_code == 401
    assert AuditEvent.objects.filter(action="api_token.revoke").count() == 1


def test_token_lifetime_is_bounded(coordinator):
    with pytest.raises(DomainError, match="1–365"):
        api_token_create(actor=None, user=coordinator, days=366)
    with pytest.raises(DomainError):
        api_token_create(actor=None, user=coordinator, days=0)


def test_list_shows_last_use_and_revoke_command_revokes(coordinator, capsys):
    raw = api_token_create(actor=None, user=coordinator, name="integraatio")
    Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me")
    token = ApiToken.objects.get()
    assert token.last_used_at is not None
    call_command("list_api_tokens", coordinator.username)
    listed = capsys.readouterr().out
    assert raw not in listed
    row = listed.splitlines()[1].split("\t")
    assert row[0] == token.prefix and row[2] == "integraatio"
    assert row[5] == timezone.localtime(token.last_used_at).strftime("%Y-%m-%d %H:%M")
    assert row[6] == "valid"
    call_command("revoke_api_token", token.prefix)
    token.refresh_from_db()
    assert token.revoked_at is not None
    call_command("list_api_tokens")
    assert "revoked" in capsys.readouterr().out.splitlines()[-1]
