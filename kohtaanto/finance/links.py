"""Signed, expiring links for employers without an account (grant applications and claims).

The token carries only ids; it is signed with SECRET_KEY (django.core.signing) under a salt of
its own kind, and expires after settings.SIGNED_LINK_MAX_AGE_DAYS.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing
from django.utils.translation import gettext as _

from kohtaanto.common.errors import ConflictError, DomainError

APPLICATION = "application"
CLAIM = "claim"
_SALT = "kohtaanto.finance.grant-link."


def _sign(kind: str, payload: dict[str, Any]) -> str:
    return signing.dumps(payload, salt=_SALT + kind, compress=True)


def application_token(*, scheme: Any, company: Any) -> str:
    return _sign(APPLICATION, {"s": scheme.pk, "c": company.pk})


def claim_token(*, decision: Any) -> str:
    return _sign(CLAIM, {"d": decision.pk})


def max_age() -> timedelta:
    return timedelta(days=settings.SIGNED_LINK_MAX_AGE_DAYS)


def read_link(token: str, *, kind: str) -> dict[str, Any]:
    """The payload of a valid link; ConflictError when expired, DomainError when forged."""
    try:
        return signing.loads(token, salt=_SALT + kind, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise ConflictError(_("Linkki on vanhentunut. Pyydä uusi linkki."), code="expired") from exc
    except signing.BadSignature as exc:
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link") from exc
