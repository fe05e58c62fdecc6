"""The dates a CV gives a card right after naming it: when it was taken, until when it is valid.

    card_dates_of("Tulityökortti, voimassa 31.12.2027. Trukkikortti suoritettu 5.3.2021.", result)
    # {<tulityökortti id>: FoundDates(None, date(2027, 12, 31)),
    #  <trukkikortti id>: FoundDates(date(2021, 3, 5), None)}

A date belongs to a card when it follows the card's name on the same line, before the next
concept the text names, with a word that says which date it is ("voimassa", "giltigt till",
"valid until"; "suoritettu", "avlagt", "obtained"), or as a range "1.6.2023–1.6.2028" (taken,
valid until). Dates are written d.m.yyyy, as Finnish and Swedish CVs write them; a day that does
not exist (31.2.2027) is no date. The counsellor sees them on the confirm page and may change
them; nothing here is stored.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

_DAY = r"(\d{1,2})\.(\d{1,2})\.(\d{4})"
_EXPIRES = re.compile(
    r"\b(?:voimassa|voim\.|vanhenee|giltig|giltigt|gäller|valid|expires)\D{0,20}?" + _DAY,
    re.IGNORECASE,
)
_ACQUIRED = re.compile(
    r"\b(?:suoritettu|suoritus|myönnetty|hankittu|avlagt|avlagd|beviljat|utfärdat|obtained|"
    r"issued|completed|acquired)\D{0,20}?" + _DAY,
    re.IGNORECASE,
)
_RANGE = re.compile(_DAY + r"\s*[-–—]\s*" + _DAY)
WINDOW = 80  # characters after the card's name that may still speak of it


@dataclass(frozen=True, slots=True)
class FoundDates:
    acquired_on: date | None = None
    expires_on: date | None = None


def card_dates_of(text: str, result: Any) -> dict[int, FoundDates]:
    """The dates of each card (requirement concept) the extraction `result` found in `text`;
    cards the text gives no date are left out."""
    starts = sorted(span[0] for m in result.concepts for span in m.spans)
    found = {}
    for mention in result.concepts:
        if mention.type != "requirement":
            continue
        for span in mention.spans:
            dates = card_dates(text, span, starts)
            if dates != FoundDates():
                found[mention.concept_id] = dates
                break
    return found


def card_dates(text: str, span: tuple[int, int], starts: Sequence[int] = ()) -> FoundDates:
    """The dates after the card named at `span`, up to the end of the line, the next concept
    named (`starts`) or `WINDOW` characters."""
    end = min(
        [span[1] + WINDOW, len(text)]
        + [i for i in (text.find("\n", span[1]),) if i >= 0]
        + [start for start in starts if start >= span[1]]
    )
    window = text[span[1] : end]
    if match := _RANGE.search(window):
        return FoundDates(_date(*match.groups()[:3]), _date(*match.groups()[3:]))
    expires, acquired = _EXPIRES.search(window), _ACQUIRED.search(window)
    return FoundDates(
        _date(*acquired.groups()) if acquired else None,
        _date(*expires.groups()) if expires else None,
    )


def _date(day: str, month: str, year: str) -> date | None:
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None
