"""Signed links for employers without an account (grant applications and claims).

The token carries only ids (and, for an application link, the nonce of its ApplicationLink
row); it is signed with SECRET_KEY (django.core.signing) under a salt of its own kind, and
expires after settings.SIGNED_LINK_MAX_AGE_DAYS. An application link is worth something only
while its row is neither used up nor revoked (finance.services.links).
"""

import hashlib
import hmac
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


def application_token(*, link: Any) -> str:
    return _sign(APPLICATION, {"s": link.scheme_id, "c": link.company_id, "n": link.nonce})


def claim_token(*, decision: Any) -> str:
    return _sign(CLAIM, {"d": decision.pk})


def max_age() -> timedelta:
    return timedelta(days=settings.SIGNED_LINK_MAX_AGE_DAYS)


def read_link(token: str, *, kind: str) -> dict[str, Any]:
    """The payload of a valid link; ConflictError when expired, DomainError when forged."""
    if len(token) > 400:
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link")
    try:
        payload = signing.loads(token, salt=_SALT + kind, max_age=max_age())
    except signing.SignatureExpired as exc:
        raise ConflictError(_("Linkki on vanhentunut. Pyydä uusi linkki."), code="expired") from exc
    except signing.BadSignature as exc:
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link") from exc
    if (
        not isinstance(payload, dict)
        or (kind == APPLICATION and not all(isinstance(payload.get(k), int) for k in "sc"))
        or (kind == APPLICATION and not payload.get("n"))
    ):
        # Application links made before links had a nonce cannot be revoked: refused.
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link")
    return payload


def address_digest(address: str | None) -> str:
    """A keyed digest of a client address: enough to count attempts, not to name the address."""
    key = hashlib.sha256(b"kohtaanto.finance.link-attempt\x00" + settings.SECRET_KEY.encode())
    return hmac.new(key.digest(), (address or "unknown").encode(), hashlib.sha256).hexdigest()
