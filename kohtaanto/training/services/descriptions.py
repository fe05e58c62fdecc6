"""Suggestions from a pasted course description; nothing is saved."""

import re
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kohtaanto.accounts.models import User
from kohtaanto.common.errors import DomainError
from kohtaanto.common.money import parse_money
from kohtaanto.training.models import Programme

_DAYS = re.compile(r"(\d{1,3})\s*(?:koulutus|opetus|lähi)?(?:päivää|päivä|pv|dagar|days)", re.I)
_SEATS = re.compile(r"(\d{1,3})\s*(?:opiskelija|osallistuja|paikka|aloituspaikka|platser|seats)")
_PRICE = re.compile(
    r"(\d{1,3}(?:[ \xa0.]\d{3})+(?:,\d{1,2})?|\d+(?:,\d{1,2})?)\s*(?:€|euroa\b|eur\b)", re.I
)
_DATE = re.compile(r"\b(\d{1,2})\.(\d{1,2})\.(\d{4})\b")
_PLACE = re.compile(r"(?:paikka|toteutuspaikka|ort|place)\s*:\s*([^\n,.;]+)", re.I)
_MODES = [
    (re.compile(r"monimuoto|blended|flerform", re.I), Programme.Mode.BLENDED),
    (re.compile(r"\betä|remote|distans", re.I), Programme.Mode.REMOTE),
    (re.compile(r"lähiopetus|contact|närundervisning", re.I), Programme.Mode.CONTACT),
]


@dataclass
class DescriptionSuggestion:
    """What a pasted course description suggests; the user confirms or corrects every field."""

    skills: list[dict[str, Any]]
    days: int | None = None
    seats: int | None = None
    place: str = ""
    mode: str = ""
    starts_on: date | None = None
    ends_on: date | None = None
    price: Decimal | None = None


def programme_description_parse(*, actor: User, text: str) -> DescriptionSuggestion:
    """Suggest skills (through the extraction engine) and figures from a course description.

    Nothing is saved: the user confirms the suggestions and `programme_create` stores them.
    """
    actor.permissions.require("manage_training")
    text = (text or "").strip()
    if not text:
        raise DomainError(_("Liitä koulutuksen kuvaus."))
    if len(text) > 20000:
        raise DomainError(_("Kuvaus on liian pitkä (enintään 20 000 merkkiä)."))
    from kohtaanto.extraction.engine import extract

    result = extract(text, lang="auto")
    negated = {m.concept_id for m in result.negated}
    best: dict[int, Any] = {}
    for mention in result.concepts:
        if mention.type not in ("skill", "knowledge") or mention.concept_id in negated:
            continue
        if mention.concept_id not in best or mention.score > best[mention.concept_id].score:
            best[mention.concept_id] = mention
    skills = [
        {"concept_id": m.concept_id, "uri": m.uri, "label": m.label, "score": round(m.score, 3)}
        for m in sorted(best.values(), key=lambda m: (-m.score, m.label))
    ]
    suggestion = DescriptionSuggestion(skills=skills)
    if match := _DAYS.search(text):
        suggestion.days = int(match.group(1))
    if match := _SEATS.search(text):
        suggestion.seats = int(match.group(1))
    if match := _PRICE.search(text):
        # In a price the pattern found, a point only groups thousands ("45.600 €").
        with suppress(DomainError):
            suggestion.price = parse_money(match.group(1).replace(".", " "))
    dates = []
    for d, m, y in _DATE.findall(text):
        try:
            dates.append(date(int(y), int(m), int(d)))
        except ValueError:
            continue
    if dates:
        suggestion.starts_on, suggestion.ends_on = min(dates), max(dates)
    if match := _PLACE.search(text):
        suggestion.place = match.group(1).strip()[:200]
    for pattern, mode in _MODES:
        if pattern.search(text):
            suggestion.mode = mode
            break
    return suggestion
