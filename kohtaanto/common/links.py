"""Signed, expiring links for people without an account.

A company answers a competence survey, reads a shortlist or applies for a grant through a link
that carries only ids (and a nonce), signed with SECRET_KEY by `django.core.signing` under a salt
of its own kind and time-stamped. A link stops working after settings.SIGNED_LINK_MAX_AGE_DAYS;
the caller checks the nonce against its row, so that a replaced or revoked link stops at once.
"""

from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core import signing

# A genuine token is well under this; a longer one is refused before any work is done on it.
MAX_TOKEN_LENGTH = 400


class LinkInvalidError(Exception):
    """Forged, damaged or pointing at nothing: answered like a missing page."""


class LinkExpiredError(Exception):
    """Genuine but too old, replaced or revoked: answered as gone."""


def link_max_age() -> timedelta:
    return timedelta(days=settings.SIGNED_LINK_MAX_AGE_DAYS)


def link_token(payload: dict[str, Any], *, salt: str) -> str:
    """The signed, time-stamped token of `payload` (small values: ids, a nonce, a language)."""
    return signing.dumps(payload, salt=salt, compress=True)


def link_payload(token: str, *, salt: str, ids: tuple[str, ...] = ()) -> dict[str, Any]:
    """The payload of a genuine, unexpired token whose `ids` keys hold whole numbers.

    LinkExpiredError when the signature is genuine but older than link_max_age();
    LinkInvalidError for anything else that is wrong (forged, damaged, other salt, too long,
    not a mapping, an id missing or not a whole number).
    """
    if not isinstance(token, str) or len(token) > MAX_TOKEN_LENGTH:
        raise LinkInvalidError
    try:
        payload = signing.loads(token, salt=salt, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        raise LinkExpiredError from exc
    except signing.BadSignature as exc:
        raise LinkInvalidError from exc
    if not isinstance(payload, dict):
        raise LinkInvalidError
    for key in ids:
        value = payload.get(key)
        if not isinstance(value, int) or isinstance(value, bool):
            raise LinkInvalidError
    return payload
