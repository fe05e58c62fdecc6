"""The company's signed shortlist link: issue, read, expiry.

Signed through `common.links` like every link for people without an account (a salt of its
own, time-stamped, expiring after settings.SIGNED_LINK_MAX_AGE_DAYS), and carrying a nonce so
that issuing a new link or revoking it kills the old ones.
"""

import datetime

from kohtaanto.common.links import (
    LinkExpiredError,
    LinkInvalidError,
    link_max_age,
    link_payload,
    link_token,
)
from kohtaanto.matching.models import LINK_LANGUAGES, Shortlist

LINK_SALT = "kohtaanto.matching.shortlist-link"
LANGUAGES = tuple(code for code, _label in LINK_LANGUAGES)


# --- the signed link -----------------------------------------------------------------------


def link_expires_at(shortlist: Shortlist) -> datetime.datetime | None:
    if not shortlist.link_sent_at or not shortlist.link_nonce:
        return None
    return shortlist.link_sent_at + link_max_age()


def shortlist_link_token(shortlist: Shortlist) -> str:
    return link_token(
        {"s": shortlist.pk, "n": shortlist.link_nonce, "l": shortlist.link_language},
        salt=LINK_SALT,
    )


def shortlist_from_link(token: str) -> tuple[Shortlist, str]:
    """The shortlist a link opens and the link's language.

    LinkInvalidError for a forged or damaged link or one pointing at nothing; LinkExpiredError
    for a genuine one that is too old, replaced or revoked.
    """
    payload = link_payload(token, salt=LINK_SALT, ids=("s",))
    shortlist = (
        Shortlist.objects.select_related("vacancy__company", "vacancy__employment_area")
        .filter(pk=payload["s"])
        .first()
    )
    if shortlist is None:
        raise LinkInvalidError
    if not shortlist.link_nonce or shortlist.link_nonce != payload.get("n"):
        raise LinkExpiredError
    lang = payload.get("l")
    return shortlist, lang if isinstance(lang, str) and lang in LANGUAGES else "fi"
