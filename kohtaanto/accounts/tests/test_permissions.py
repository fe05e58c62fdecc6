from pathlib import Path

import pytest

from kohtaanto.accounts.checks import check_permission_names, permission_names_used
from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import PermissionResolver, UnknownPermissionError


def test_unknown_permission_name_is_an_error_not_a_silent_no(coordinator):
    with pytest.raises(UnknownPermissionError, match="launch_rockets"):
        coordinator.permissions.can_launch_rockets()
    with pytest.raises(UnknownPermissionError):
        PermissionResolver(None).check("launch_rockets")


def test_start_up_check_finds_every_written_permission_registered():
    assert check_permission_names() == []


def test_start_up_check_reads_names_from_code_templates_and_guards(tmp_path: Path):
    (tmp_path / "views.py").write_text(
        "if request.user.permissions.can_launch_rockets(x):\n"
        '    request.user.permissions.require("fly_away", obj)\n'
        '_require(request, "view_moon")\n',
        encoding="utf-8",
    )
    (tmp_path / "page.html").write_text(
        "{% if user.permissions.can_open_pod_bay %}{% endif %}", encoding="utf-8"
    )
    used = permission_names_used(tmp_path)
    assert set(used) == {"launch_rockets", "fly_away", "view_moon", "open_pod_bay"}
    assert used["fly_away"] == ["views.py:2"]


def test_inactive_user_is_denied_everything(coordinator):
    coordinator.is_active = False
    assert PermissionResolver(coordinator).can_view_audit() is False


@pytest.mark.parametrize("role", [r.value for r in Role])
def test_every_role_sees_front_page(client_as, role):
    kwargs = {}
    if role == Role.PARTNER:
        from kohtaanto.accounts.models import PartnerOrganisation

        kwargs["partner_organisation"] = PartnerOrganisation.objects.first()
    assert client_as(role, **kwargs).get("/").status_code == 200


def test_admin_is_for_superusers_only(client_as, make_user):
    assert client_as(Role.COORDINATOR).get("/admin/").status_code == 302
    admin = make_user(Role.COORDINATOR, is_staff=True, is_superuser=True)
    assert client_as(admin).get("/admin/").status_code == 200


def test_api_token_authenticates_and_revoked_token_does_not(api_client_for, coordinator):
    client = api_client_for(coordinator)
    assert client.get("/api/v1/openapi.json").status_code == 200
    bad = client.__class__(headers={"Authorization": "Bearer kht_nonsense"})
    assert bad.get("/api/v1/me").status_code == 401


def test_require_refuses_as_not_found_and_passes_when_permitted(coordinator, counsellor):
    from kohtaanto.common.errors import NotFoundError

    coordinator.permissions.require("view_audit")
    with pytest.raises(NotFoundError):
        counsellor.permissions.require("view_audit")
    with pytest.raises(UnknownPermissionError):
        coordinator.permissions.require("no_such_rule")
