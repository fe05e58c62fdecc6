"""Single sign-on through the municipality's OpenID Connect provider (OIDC_ENABLED=true).

Kohtaanto keeps roles and scopes itself: the provider only proves who the person is. A user is
matched by e-mail to an existing, active account; new accounts are created only when
OIDC_CREATE_USER=true, and then without a role (deny by default) until an administrator gives one.
"""

from typing import Any

from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kohtaanto.accounts.models import User


class KohtaantoOIDCBackend(OIDCAuthenticationBackend):
    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        email = (claims.get("email") or "").strip()
        if not email:
            return self.UserModel.objects.none()
        return self.UserModel.objects.filter(email__iexact=email, is_active=True)

    def create_user(self, claims: dict[str, Any]) -> User:
        email = claims["email"].strip()
        user: User = self.UserModel.objects.create_user(
            username=email.lower()[:150],
            email=email,
            first_name=claims.get("given_name", "")[:150],
            last_name=claims.get("family_name", "")[:150],
        )
        user.set_unusable_password()
        user.save(update_fields=["password"])
        return user

    def update_user(self, user: User, claims: dict[str, Any]) -> User:
        return user
