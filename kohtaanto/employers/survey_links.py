"""Signed, expiring links through which a company answers a survey without an account.

A link carries the survey's id, the survey's current link nonce and the form language, signed
through `common.links` (SECRET_KEY, time-stamped, a salt of its own). It stops working after
settings.SIGNED_LINK_MAX_AGE_DAYS, and at once when the advisor issues a new link or revokes
it (the nonce changes).
"""

from datetime import datetime

from kohtaanto.common.links import (
    LinkExpiredError,
    LinkInvalidError,
    link_max_age,
    link_payload,
    link_token,
)
from kohtaanto.employers.models import CompetenceSurvey

SALT = "kohtaanto.employers.survey-link"
LANGUAGES = ("fi", "sv", "en")

__all__ = [
    "LANGUAGES",
    "LinkExpiredError",
    "LinkInvalidError",
    "link_expires_at",
    "survey_from_link",
    "survey_link_token",
]


def link_expires_at(survey: CompetenceSurvey) -> datetime | None:
    if not survey.link_sent_at or not survey.link_nonce:
        return None
    return survey.link_sent_at + link_max_age()


def survey_link_token(survey: CompetenceSurvey) -> str:
    return link_token({"s": survey.pk, "n": survey.link_nonce, "l": survey.language}, salt=SALT)


def survey_from_link(token: str) -> tuple[CompetenceSurvey, str]:
    """The survey a link opens and the link's language."""
    payload = link_payload(token, salt=SALT, ids=("s",))
    survey = CompetenceSurvey.objects.select_related("company").filter(pk=payload["s"]).first()
    if survey is None:
        raise LinkInvalidError
    if not survey.link_nonce or survey.link_nonce != payload.get("n"):
        raise LinkExpiredError
    lang = payload.get("l")
    return survey, lang if isinstance(lang, str) and lang in LANGUAGES else "fi"
