"""Concepts suggested from free text (survey answers, pasted job ads) by the extraction engine.

The engine finds the concepts; this module sorts them into what a vacancy or a survey can
use; the text is cut for highlighting by the extraction's own `highlight`. Negated mentions
("ei vaadita trukkikorttia") are never suggested, and are shown struck through.
"""

from dataclasses import dataclass, field
from functools import cached_property

from kohtaanto.extraction.engine import ExtractionResult, extract
from kohtaanto.extraction.selectors import Segment, highlight
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
    text: str = ""
    result: ExtractionResult | None = None

    @cached_property
    def segments(self) -> list[Segment]:
        """The text cut into pieces, found and negated ones marked
        (`extraction.selectors.highlight`); cut only where a page shows it (the ad page shows
        the details' own)."""
        return highlight(self.text, self.result) if self.result is not None else []


def text_suggestions(text: str, result: ExtractionResult | None = None) -> TextSuggestions:
    """Occupations, skills and requirements that `text` mentions, best first. `result` is the
    text's extraction where the caller has it already (the ad page), so it is not read twice."""
    if not (text or "").strip():
        return TextSuggestions()
    if result is None:
        result = extract(text, lang="auto")
    mentions = result.concepts[:MAX_SUGGESTIONS]
    concepts = Concept.objects.in_bulk([m.concept_id for m in mentions])
    found = TextSuggestions(lang=result.lang, text=text, result=result)
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
    return found
