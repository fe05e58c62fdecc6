"""Concepts suggested from free text (survey answers, pasted job ads) by the extraction engine.

The engine finds the concepts; this module sorts them into what a vacancy or a survey can
use and marks the spans for highlighting. Negated mentions ("ei vaadita trukkikorttia") are
never suggested.
"""

from dataclasses import dataclass, field

from kohtaanto.extraction.engine import extract
from kohtaanto.taxonomy.models import Concept, ConceptType

SKILL_TYPES = (ConceptType.SKILL, ConceptType.KNOWLEDGE)
MAX_SUGGESTIONS = 30


@dataclass(frozen=True)
class Suggestion:
    concept: Concept
    score: float
    required: bool


@dataclass
class TextSuggestions:
    lang: str = "fi"
    occupations: list[Suggestion] = field(default_factory=list)
    skills: list[Suggestion] = field(default_factory=list)
    requirements: list[Suggestion] = field(default_factory=list)
    # The text cut into (piece, highlighted) for showing where the concepts were found.
    segments: list[tuple[str, bool]] = field(default_factory=list)


def _segments(text: str, spans: list[tuple[int, int]]) -> list[tuple[str, bool]]:
    pieces: list[tuple[str, bool]] = []
    position = 0
    for start, end in sorted(spans):
        if end <= position:
            continue
        start = max(start, position)
        if start > position:
            pieces.append((text[position:start], False))
        pieces.append((text[start:end], True))
        position = end
    if position < len(text):
        pieces.append((text[position:], False))
    return pieces


def text_suggestions(text: str) -> TextSuggestions:
    """Occupations, skills and requirements that `text` mentions, best first."""
    if not (text or "").strip():
        return TextSuggestions()
    result = extract(text, lang="auto")
    mentions = result.concepts[:MAX_SUGGESTIONS]
    concepts = Concept.objects.in_bulk([m.concept_id for m in mentions])
    found = TextSuggestions(lang=result.lang)
    spans: list[tuple[int, int]] = []
    for mention in mentions:
        concept = concepts.get(mention.concept_id)
        if concept is None:
            continue
        suggestion = Suggestion(concept, mention.score, mention.required)
        if concept.type == ConceptType.OCCUPATION:
            found.occupations.append(suggestion)
        elif concept.type in SKILL_TYPES:
            found.skills.append(suggestion)
        elif concept.type == ConceptType.REQUIREMENT:
            found.requirements.append(suggestion)
        else:
            continue
        spans.extend((start, end) for start, end in mention.spans)
    found.segments = _segments(text, spans)
    return found
