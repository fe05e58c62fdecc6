from kohtaanto.accounts.models import Role
from kohtaanto.accounts.oidc import KohtaantoOIDCBackend


def test_oidc_matches_existing_active_user_by_email(make_user, settings):
    settings.OIDC_RP_CLIENT_ID = "kohtaanto"
    settings.OIDC_RP_CLIENT_SECRET = "not-used"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.invalid/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.invalid/userinfo"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    user = make_user(Role.COUNSELLOR, email="Olli.Ohjaaja@kokkola.fi")
    make_user(Role.COUNSELLOR, email="poistunut@kokkola.fi", is_active=False)
    backend = KohtaantoOIDCBackend()
    assert list(backend.filter_users_by_claims({"email": "olli.ohjaaja@kokkola.fi"})) == [user]
    assert not backend.filter_users_by_claims({"email": "poistunut@kokkola.fi"}).exists()
    assert not backend.filter_users_by_claims({}).exists()


def test_oidc_created_user_has_no_role_and_no_password(db, settings):
    settings.OIDC_RP_CLIENT_ID = "kohtaanto"
    settings.OIDC_RP_CLIENT_SECRET = "not-used"
    settings.OIDC_OP_TOKEN_ENDPOINT = "https://idp.invalid/token"
    settings.OIDC_OP_USER_ENDPOINT = "https://idp.invalid/userinfo"
    settings.OIDC_RP_SIGN_ALGO = "HS256"
    user = KohtaantoOIDCBackend().create_user(
        {"email": "uusi@kokkola.fi", "given_name": "Uusi", "family_name": "Käyttäjä"}
    )
    assert user.role == ""
    assert not user.has_usable_password()
    assert user.permissions.can_view_home() is False
