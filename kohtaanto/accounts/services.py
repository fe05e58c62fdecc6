"""Writes for users, tokens and sessions."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from kohtaanto.accounts.models import ApiToken, User
from kohtaanto.audit.services import audit_event_record


@transaction.atomic
def api_token_create(*, actor: User | None, user: User, name: str = "") -> str:
    """Create a token for `user` and return it in clear text; only its digest is kept."""
    raw = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name, digest=ApiToken.hash(raw), prefix=raw[:8])
    audit_event_record(
        actor=actor,
        action="api_token.create",
        target=token,
        changes={"user": [None, user.username]},
    )
    return raw


@transaction.atomic
def api_token_revoke(*, actor: User, token: ApiToken) -> None:
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    audit_event_record(actor=actor, action="api_token.revoke", target=token)


def api_token_authenticate(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=ApiToken.hash(raw), revoked_at__isnull=True, user__is_active=True)
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
