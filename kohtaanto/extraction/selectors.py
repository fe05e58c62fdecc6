"""Reads for the confirm flow: suggestions for a pasted text and concept search.

Neither reads nor writes personal data records: the text is interpreted in memory and not kept.
"""

from dataclasses import dataclass

from django.db.models import Q
from django.db.models.functions import Length

from kohtaanto.extraction.engine import ExtractionResult, Mention, extract
from kohtaanto.extraction.sources import EXTRACTED_TYPES
from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptType

# A text this long is a description rather than a list: the ranker's guesses are offered too.
RANK_FROM_WORDS = 30
RANKED_SUGGESTIONS = 8


@dataclass(frozen=True)
class Segment:
    text: str
    mark: str  # "" | "found" | "negated"


@dataclass(frozen=True)
class Row:
    concept_id: int
    label: str
    type_label: str
    required: bool


@dataclass
class Suggestions:
    result: ExtractionResult
    segments: list[Segment]
    found: list[Row]  # named in the text: accepted unless the user says otherwise
    implied: list[Row]  # the ranker's guesses that the text does not name: offered only
    negated: list[Row]  # the text says they are missing


def extraction_suggest(*, text: str, lang: str = "auto") -> Suggestions:
    """What the text names, negates, and — for a long text — implies."""
    result = extract(text, lang)
    implied: list[Mention] = []
    if len(text.split()) >= RANK_FROM_WORDS:
        named = {m.concept_id for m in result.concepts + result.negated}
        ranked = extract(text, result.lang, mode="rank")
        implied = [m for m in ranked.concepts if m.concept_id not in named][:RANKED_SUGGESTIONS]
    return Suggestions(
        result,
        highlight(text, result),
        _rows(result.concepts),
        _rows(implied),
        _rows(result.negated),
    )


def _rows(mentions: list[Mention]) -> list[Row]:
    types = dict(ConceptType.choices)
    return [
        Row(m.concept_id, m.label, str(types.get(m.type, m.type)), m.required) for m in mentions
    ]


def highlight(text: str, result: ExtractionResult) -> list[Segment]:
    """The text cut into plain and marked pieces; overlapping spans keep the earlier one."""
    spans = sorted(
        [(start, end, "found") for m in result.concepts for start, end in m.spans]
        + [(start, end, "negated") for m in result.negated for start, end in m.spans]
    )
    segments = []
    position = 0
    for start, end, mark in spans:
        if start < position:
            continue
        if start > position:
            segments.append(Segment(text[position:start], ""))
        segments.append(Segment(text[start:end], mark))
        position = end
    if position < len(text):
        segments.append(Segment(text[position:], ""))
    return segments


def concept_search(*, query: str, lang: str, limit: int = 10) -> list[tuple[Concept, str]]:
    """Concepts whose label contains the query, preferred labels and shorter labels first."""
    folded = query.strip().casefold()
    labels = (
        ConceptLabel.objects.filter(concept__type__in=EXTRACTED_TYPES)
        .filter(Q(normalized__contains=folded) | Q(text__icontains=query.strip()))
        .select_related("concept")
        .order_by(Length("text"), "id")[: limit * 5]
    )
    found: dict[int, tuple[Concept, str]] = {}
    for label in sorted(labels, key=lambda row: (row.kind != "pref", len(row.text))):
        if label.concept_id not in found:
            found[label.concept_id] = (label.concept, label.concept.label(lang))
        if len(found) == limit:
            break
    return list(found.values())
