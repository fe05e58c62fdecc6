"""Signed links for employers without an account (grant applications and claims).

The token carries only ids (and, for an application link, the nonce of its ApplicationLink
row); it is signed through `common.links` under a salt of its own kind, and expires after
settings.SIGNED_LINK_MAX_AGE_DAYS. An application link is worth something only
while its row is neither used up nor revoked (finance.services.links).
"""

import hashlib
import hmac
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from kohtaanto.common.errors import ConflictError, DomainError
from kohtaanto.common.links import (
    LinkExpiredError,
    LinkInvalidError,
    link_payload,
    link_token,
)

APPLICATION = "application"
CLAIM = "claim"
_SALT = "kohtaanto.finance.grant-link."
# The ids each kind of link must carry as whole numbers.
_IDS = {APPLICATION: ("s", "c"), CLAIM: ("d",)}


def _sign(kind: str, payload: dict[str, Any]) -> str:
    return link_token(payload, salt=_SALT + kind)


def application_token(*, link: Any) -> str:
    return _sign(APPLICATION, {"s": link.scheme_id, "c": link.company_id, "n": link.nonce})


def claim_token(*, decision: Any) -> str:
    return _sign(CLAIM, {"d": decision.pk})


def read_link(token: str, *, kind: str) -> dict[str, Any]:
    """The payload of a valid link; ConflictError when expired, DomainError when forged."""
    try:
        payload = link_payload(token, salt=_SALT + kind, ids=_IDS[kind])
    except LinkExpiredError as exc:
        raise ConflictError(_("Linkki on vanhentunut. Pyydä uusi linkki."), code="expired") from exc
    except LinkInvalidError as exc:
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link") from exc
    if kind == APPLICATION and not payload.get("n"):
        # Application links made before links had a nonce cannot be revoked: refused.
        raise DomainError(_("Linkki ei kelpaa."), code="bad_link")
    return payload


def address_digest(address: str | None) -> str:
    """A keyed digest of a client address: enough to count attempts, not to name the address."""
    key = hashlib.sha256(b"kohtaanto.finance.link-attempt\x00" + settings.SECRET_KEY.encode())
    return hmac.new(key.digest(), (address or "unknown").encode(), hashlib.sha256).hexdigest()
