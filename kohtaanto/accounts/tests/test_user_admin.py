"""User administration from the command line: create, deactivate, change role."""

import pytest
from django.core.management import CommandError, call_command
from django.test import Client

from kohtaanto.accounts.models import ApiToken, PartnerOrganisation, Role, User
from kohtaanto.accounts.services import api_token_create
from kohtaanto.audit.models import AuditEvent

PASSWORD = "Pitkä-salasana-2026!"


def test_create_user_with_password_from_environment(area, monkeypatch):
    monkeypatch.setenv("KT_FIRST_PASSWORD", PASSWORD)
    call_command(
        "create_user",
        "kaisa",
        role="coordinator",
        area=area.code,
        password_env="KT_FIRST_PASSWORD",
    )
    user = User.objects.get(username="kaisa")
    assert (user.role, user.employment_area, user.is_active) == (Role.COORDINATOR, area, True)
    assert user.check_password(PASSWORD)
    event = AuditEvent.objects.get(action="user.create")
    assert event.changes["role"] == [None, "coordinator"]
    assert PASSWORD not in str(event.changes)


def test_create_user_prompts_for_the_password_twice(area, monkeypatch):
    answers = iter([PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    call_command("create_user", "olli", role="counsellor", area=area.code)
    assert User.objects.get(username="olli").check_password(PASSWORD)


def test_create_user_refuses_differing_passwords(area, monkeypatch):
    answers = iter([PASSWORD, PASSWORD + "x"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    with pytest.raises(CommandError, match="differ"):
        call_command("create_user", "olli", role="counsellor", area=area.code)
    assert not User.objects.filter(username="olli").exists()


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"role": "partner"}, "partner_organisation"),
        ({"role": "counsellor", "area": "nowhere"}, "No employment area"),
    ],
)
def test_create_user_refuses_with_the_reason(area, monkeypatch, kwargs, message):
    monkeypatch.setenv("KT_PW", PASSWORD)
    options = {"area": area.code, "password_env": "KT_PW", **kwargs}
    with pytest.raises(CommandError, match=message):
        call_command("create_user", "uusi", **options)
    assert not User.objects.filter(username="uusi").exists()
    assert not AuditEvent.objects.filter(action="user.create").exists()


def test_create_user_refuses_a_weak_password_and_a_taken_name(area, monkeypatch, coordinator):
    monkeypatch.setenv("KT_PW", "lyhyt")
    with pytest.raises(CommandError, match="password"):
        call_command("create_user", "uusi", role="auditor", area=area.code, password_env="KT_PW")
    monkeypatch.setenv("KT_PW", PASSWORD)
    with pytest.raises(CommandError, match="jo käytössä"):
        call_command(
            "create_user",
            coordinator.username,
            role="auditor",
            area=area.code,
            password_env="KT_PW",
        )


def test_deactivate_user_ends_sign_in_sessions_and_tokens(client_as, counsellor):
    client = client_as(counsellor)
    raw = api_token_create(actor=None, user=counsellor)
    call_command("deactivate_user", counsellor.username)
    counsellor.refresh_from_db()
    assert counsellor.is_active is False
    assert client.get("/").status_code == 302
    assert Client(headers={"Authorization": f"Bearer {raw}"}).get("/api/v1/me").status_code == 401
    assert ApiToken.objects.get().revoked_at is not None
    assert AuditEvent.objects.filter(action="user.deactivate", target_id=str(counsellor.pk))
    with pytest.raises(CommandError, match="jo poistettu"):
        call_command("deactivate_user", counsellor.username)


def test_set_role_changes_rights_at_once_and_is_audited(client_as, counsellor):
    client = client_as(counsellor)
    assert client.get("/").status_code == 200
    call_command("set_role", counsellor.username, "auditor")
    counsellor.refresh_from_db()
    assert counsellor.role == Role.AUDITOR
    event = AuditEvent.objects.get(action="user.set_role")
    assert event.changes["role"] == ["counsellor", "auditor"]
    assert client.get("/").status_code == 302  # the old session ended


def test_set_role_partner_needs_an_organisation(counsellor):
    with pytest.raises(CommandError, match="partner_organisation"):
        call_command("set_role", counsellor.username, "partner")
    organisation = PartnerOrganisation.objects.create(name="Testiopisto", short_name="TO")
    call_command("set_role", counsellor.username, "partner", partner="TO")
    counsellor.refresh_from_db()
    assert counsellor.partner_organisation == organisation


def test_a_user_is_named_by_full_name_else_username(make_user):
    named = make_user(username="kaisa", first_name="Kaisa", last_name="Östman")
    nameless = make_user(username="palvelu", first_name="", last_name="")
    assert (named.display_name, nameless.display_name) == ("Kaisa Östman", "palvelu")
