"""The threshold rule for counts of people: a count from one to four can point at a person to
someone who knows the people around it, so it is shown only as "< 5". Zero names nobody and is
shown. Statistics Finland's practice for frequency tables (a cell under five is not published);
Eurostat, "Handbook on Statistical Disclosure Control" (2010), ch. 4. The indicator tables add
secondary suppression on top (programme/disclosure.py)."""

from typing import Any

THRESHOLD = 5
SUPPRESSED = "< 5"


def is_small(value: Any) -> bool:
    """Whether `value` is a count of one to `THRESHOLD - 1` people."""
    return isinstance(value, int) and not isinstance(value, bool) and 0 < value < THRESHOLD


def shown(value: int) -> int | str:
    """One count on its own (no table around it): `SUPPRESSED` when 1–4."""
    return SUPPRESSED if is_small(value) else value
