"""Signed, expiring links through which a company answers a survey without an account.

A link carries the survey's id, the survey's current link nonce and the form language, signed
with SECRET_KEY (django.core.signing, time-stamped). It stops working after
settings.SIGNED_LINK_MAX_AGE_DAYS, and at once when the advisor issues a new link or revokes
it (the nonce changes).
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.core import signing

from kohtaanto.employers.models import CompetenceSurvey

SALT = "kohtaanto.employers.survey-link"
LANGUAGES = ("fi", "sv", "en")


class LinkInvalidError(Exception):
    """Forged, damaged or pointing at nothing: answered like a missing page."""


class LinkExpiredError(Exception):
    """Genuine but too old, replaced or revoked: answered as gone."""


def link_max_age() -> timedelta:
    return timedelta(days=settings.SIGNED_LINK_MAX_AGE_DAYS)


def link_expires_at(survey: CompetenceSurvey) -> datetime | None:
    if not survey.link_sent_at or not survey.link_nonce:
        return None
    return survey.link_sent_at + link_max_age()


def survey_link_token(survey: CompetenceSurvey) -> str:
    return signing.dumps(
        {"s": survey.pk, "n": survey.link_nonce, "l": survey.language}, salt=SALT, compress=True
    )


def survey_from_link(token: str) -> tuple[CompetenceSurvey, str]:
    """The survey a link opens and the link's language."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=link_max_age())
    except signing.SignatureExpired as exc:
        raise LinkExpiredError from exc
    except signing.BadSignature as exc:
        raise LinkInvalidError from exc
    if not isinstance(payload, dict) or not isinstance(payload.get("s"), int):
        raise LinkInvalidError
    survey = CompetenceSurvey.objects.select_related("company").filter(pk=payload["s"]).first()
    if survey is None:
        raise LinkInvalidError
    if not survey.link_nonce or survey.link_nonce != payload.get("n"):
        raise LinkExpiredError
    lang = payload.get("l")
    return survey, lang if isinstance(lang, str) and lang in LANGUAGES else "fi"
