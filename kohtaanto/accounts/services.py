"""Writes for users, tokens and sessions."""

import datetime

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from kohtaanto.accounts.models import ApiToken, EmploymentArea, PartnerOrganisation, Role, User
from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ConflictError, DomainError, ImportRejectedError, RowError


@transaction.atomic
def api_token_create(
    *, actor: User | None, user: User, name: str = "", days: int = ApiToken.DEFAULT_DAYS
) -> str:
    """Create a token for `user` valid for `days` and return it in clear text.

    Invariants: only the token's digest and its first 8 characters are kept; 1 ≤ days ≤
    ApiToken.MAX_DAYS. Side effect: an `api_token.create` audit event.
    """
    if not 1 <= days <= ApiToken.MAX_DAYS:
        raise DomainError(
            _("API-avaimen voimassaolo on 1–%(max)s päivää.") % {"max": ApiToken.MAX_DAYS}
        )
    raw = ApiToken.generate()
    expires_at = timezone.now() + datetime.timedelta(days=days)
    token = ApiToken.objects.create(
        user=user, name=name, digest=ApiToken.hash(raw), prefix=raw[:8], expires_at=expires_at
    )
    audit_event_record(
        actor=actor,
        action="api_token.create",
        target=token,
        changes={"user": [None, user.username], "expires_at": [None, expires_at]},
    )
    return raw


@transaction.atomic
def api_token_revoke(*, actor: User | None, token: ApiToken) -> None:
    """Revoke the token at once; revoking a revoked token changes nothing."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is not None:
        return
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_event_record(actor=actor, action="api_token.revoke", target=token)


def api_token_authenticate(raw: str) -> User | None:
    """The user of a valid token (not revoked, not expired, user active), noting its use."""
    token = (
        ApiToken.objects.select_related("user")
        .filter(
            digest=ApiToken.hash(raw),
            revoked_at__isnull=True,
            expires_at__gt=timezone.now(),
            user__is_active=True,
        )
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user


@transaction.atomic
def user_logout_everywhere(*, actor: User) -> None:
    """End every session of the actor, on every device, and revoke nothing else."""
    User.objects.filter(pk=actor.pk).update(session_generation=F("session_generation") + 1)
    actor.refresh_from_db(fields=["session_generation"])
    audit_event_record(actor=actor, action="user.logout_everywhere", target=actor)


def _invalid(errors: dict[str, str]) -> ImportRejectedError:
    """Every invalid field of one submitted record, with its reason; nothing was saved."""
    error = ImportRejectedError(RowError(None, name, reason) for name, reason in errors.items())
    error.code = "invalid"
    error.message = _("Tiedoissa on virheitä; mitään ei tallennettu.")
    return error


@transaction.atomic
def user_create(
    *,
    actor: User | None,
    username: str,
    role: str,
    area: EmploymentArea,
    password: str,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    partner_organisation: PartnerOrganisation | None = None,
) -> User:
    """Create a staff user with one role in one employment area.

    Invariants: the username is new; the role is one of Role; a partner user has an
    organisation; the password passes the configured password validators (nothing is
    created otherwise). Side effect: a `user.create` audit event (never the password).
    """
    errors: dict[str, str] = {}
    if User.objects.filter(username__iexact=username).exists():
        errors["username"] = _("Käyttäjätunnus %(name)s on jo käytössä.") % {"name": username}
    if role not in Role.values:
        errors["role"] = _("Tuntematon rooli %(role)s. Roolit: %(roles)s.") % {
            "role": role,
            "roles": ", ".join(Role.values),
        }
    elif role == Role.PARTNER and partner_organisation is None:
        errors["partner_organisation"] = _("Kumppanin käyttäjällä on oltava organisaatio.")
    user = User(
        username=username,
        role=role,
        employment_area=area,
        email=email,
        first_name=first_name,
        last_name=last_name,
        partner_organisation=partner_organisation if role == Role.PARTNER else None,
    )
    try:
        validate_password(password, user)
    except ValidationError as exc:
        errors["password"] = " ".join(exc.messages)
    if errors:
        raise _invalid(errors)
    user.set_password(password)
    user.save()
    audit_event_record(
        actor=actor,
        action="user.create",
        target=user,
        changes={
            "username": [None, username],
            "role": [None, role],
            "employment_area": [None, area.code],
            "partner_organisation": [None, str(partner_organisation or "") or None],
        },
    )
    return user


@transaction.atomic
def user_deactivate(*, actor: User | None, user: User) -> User:
    """Stop the user from signing in: inactive, every session ended, every API token revoked.

    Side effect: a `user.deactivate` audit event (and one per revoked token).
    """
    user = User.objects.select_for_update().get(pk=user.pk)
    if not user.is_active:
        raise ConflictError(_("Käyttäjä %(name)s on jo poistettu käytöstä.") % {"name": user})
    User.objects.filter(pk=user.pk).update(
        is_active=False, session_generation=F("session_generation") + 1
    )
    for token in ApiToken.objects.filter(user=user, revoked_at__isnull=True):
        api_token_revoke(actor=actor, token=token)
    audit_event_record(
        actor=actor, action="user.deactivate", target=user, changes={"is_active": [True, False]}
    )
    user.refresh_from_db(fields=["is_active", "session_generation"])
    return user


@transaction.atomic
def user_set_role(
    *,
    actor: User | None,
    user: User,
    role: str,
    partner_organisation: PartnerOrganisation | None = None,
) -> User:
    """Give the user another role; their open sessions end so the new rights apply at once.

    Invariants: the role is one of Role; a partner user has an organisation, other roles
    none. Side effect: a `user.set_role` audit event with old → new.
    """
    if role not in Role.values:
        raise _invalid(
            {
                "role": _("Tuntematon rooli %(role)s. Roolit: %(roles)s.")
                % {"role": role, "roles": ", ".join(Role.values)}
            }
        )
    organisation = partner_organisation if role == Role.PARTNER else None
    if role == Role.PARTNER and organisation is None:
        raise _invalid({"partner_organisation": _("Kumppanin käyttäjällä on oltava organisaatio.")})
    user = User.objects.select_for_update().get(pk=user.pk)
    old_role, old_org = user.role, user.partner_organisation
    if old_role == role and old_org == organisation:
        return user
    user.role = role
    user.partner_organisation = organisation
    user.session_generation = F("session_generation") + 1  # type: ignore[assignment]
    user.save(update_fields=["role", "partner_organisation", "session_generation"])
    user.refresh_from_db(fields=["session_generation"])
    audit_event_record(
        actor=actor,
        action="user.set_role",
        target=user,
        changes={
            "role": [old_role, role],
            "partner_organisation": [str(old_org or "") or None, str(organisation or "") or None],
        },
    )
    return user
