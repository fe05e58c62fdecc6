"""The company's signed shortlist link: issue, read, expiry.

Signed the way the competence-needs survey links are (`employers.survey_links`:
django.core.signing with a salt of its own, time-stamped, expiring after
settings.SIGNED_LINK_MAX_AGE_DAYS, and carrying a nonce so that issuing a new link or revoking
it kills the old ones).
"""

import datetime

from django.core import signing

from kohtaanto.employers.survey_links import LinkExpiredError, LinkInvalidError, link_max_age
from kohtaanto.matching.models import LINK_LANGUAGES, Shortlist

LINK_SALT = "kohtaanto.matching.shortlist-link"
LANGUAGES = tuple(code for code, _label in LINK_LANGUAGES)


# --- the signed link -----------------------------------------------------------------------


def link_expires_at(shortlist: Shortlist) -> datetime.datetime | None:
    if not shortlist.link_sent_at or not shortlist.link_nonce:
        return None
    return shortlist.link_sent_at + link_max_age()


def shortlist_link_token(shortlist: Shortlist) -> str:
    return signing.dumps(
        {"s": shortlist.pk, "n": shortlist.link_nonce, "l": shortlist.link_language},
        salt=LINK_SALT,
        compress=True,
    )


def shortlist_from_link(token: str) -> tuple[Shortlist, str]:
    """The shortlist a link opens and the link's language.

    LinkInvalidError for a forged or damaged link or one pointing at nothing; LinkExpiredError
    for a genuine one that is too old, replaced or revoked.
    """
    try:
        payload = signing.loads(token, salt=LINK_SALT, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        raise LinkExpiredError from exc
    except signing.BadSignature as exc:
        raise LinkInvalidError from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise LinkInvalidError
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
