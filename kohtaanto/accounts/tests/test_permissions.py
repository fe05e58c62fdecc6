import pytest

from kohtaanto.accounts.models import Role
from kohtaanto.accounts.permissions import PermissionResolver


def test_unknown_permission_is_denied(coordinator):
    assert coordinator.permissions.can_launch_rockets() is False


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
    with pytest.raises(NotFoundError):
        coordinator.permissions.require("no_such_rule")
