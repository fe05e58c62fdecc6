"""Dates, numbers and language names in the reader's language, in one place.

fi and sv: "2.12.2026", "2.12.2026 14.30", "1 234"; en: "2 Dec 2026", "2 Dec 2026 14:30",
"1,234" (the formats are `kohtaanto/config/formats/<lang>/formats.py`). Amounts go through
`common.money.format_eur`. Code that writes text for people (messages, audit sentences,
__str__) calls these instead of `isoformat()` or `strftime`; data for machines (JSON, CSV
columns meant for programs) keeps ISO 8601.

Language names come from the Unicode CLDR through Babel, so every ISO 639-1 code has its name
in Finnish, Swedish and English ("ruotsi", "svenska", "Swedish").
"""

import datetime
from decimal import Decimal
from functools import lru_cache

from babel import Locale
from django.utils import formats, timezone
from django.utils.translation import get_language, override

LANGUAGES = ("fi", "sv", "en")


def _lang(lang: str | None) -> str:
    code = (lang or get_language() or "fi")[:2]
    return code if code in LANGUAGES else "fi"


def format_date(value: datetime.date | None, *, lang: str | None = None) -> str:
    """A day: fi/sv "2.12.2026", en "2 Dec 2026"; empty for None. A datetime gives its local day."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    with override(_lang(lang)):
        return formats.date_format(value, "SHORT_DATE_FORMAT")


def format_datetime(value: datetime.datetime | None, *, lang: str | None = None) -> str:
    """A moment in Helsinki time: fi/sv "2.12.2026 14.30", en "2 Dec 2026 14:30"."""
    if value is None:
        return ""
    if timezone.is_aware(value):
        value = timezone.localtime(value)
    with override(_lang(lang)):
        return formats.date_format(value, "SHORT_DATETIME_FORMAT")


def format_integer(value: int | Decimal, *, lang: str | None = None) -> str:
    """A whole number with thousands grouped: fi/sv "20 000", en "20,000"."""
    number = int(value)
    sign = "-" if number < 0 else ""
    group = "," if _lang(lang) == "en" else " "
    return sign + f"{abs(number):,}".replace(",", group)


@lru_cache(maxsize=8)
def _cldr_languages(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).languages)


def language_name(code: str, *, lang: str | None = None) -> str:
    """The name of the language `code` (ISO 639-1) in the reader's language, from CLDR:
    "sv" is "ruotsi" in Finnish, "svenska" in Swedish, "Swedish" in English. Unknown codes
    show as they are."""
    names = _cldr_languages(_lang(lang))
    return names.get(code) or _cldr_languages("en").get(code) or code


def user_display_name(*, first_name: str, last_name: str, username: str) -> str:
    """How a user is named to other people: the full name, else the username.

    `accounts.User.display_name` is this rule; a read of many users' plain name columns
    (values_list) and the audit log's snapshot of a user name call it directly.
    """
    return f"{first_name} {last_name}".strip() or username
