"""Text → taxonomy concepts: what a person has, what an ad asks, and what is said to be absent.

    from kohtaanto.extraction.engine import extract
    result = extract("Edellytämme tulityökorttia. Ei kokemusta hitsauksesta.")
    result.lang       # "fi"
    result.concepts   # [Mention(label="tulityökortti", required=True, ...)]
    result.negated    # [Mention(label="hitsaus", ...)]

The engine reads the taxonomy through a `ConceptSource` (the database by default), builds its
label index once and rebuilds it when the source's fingerprint changes. The index is immutable
and swapped in whole, so `extract` is safe to call from many threads.
"""

import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from itertools import pairwise
from zoneinfo import ZoneInfo

import numpy as np

from kohtaanto.extraction import bridge, cues, details
from kohtaanto.extraction.ads import AdFields, read_ad
from kohtaanto.extraction.details import Experience, Language
from kohtaanto.extraction.index import Hit, LabelIndex, fold_abbreviation, freeze_heap
from kohtaanto.extraction.language import detect
from kohtaanto.extraction.semantic import SemanticStage
from kohtaanto.extraction.sources import ConceptRecord, ConceptSource, DatabaseSource
from kohtaanto.extraction.text import (
    LANGS,
    Sentence,
    Token,
    clause_breaks,
    lemmatize,
    sentences,
    tokenize,
)

# How sure a match is, by how it was found. A label written out in the text's language is the
# strongest evidence; a part of a compound word the weakest ("robottihitsaus" is about welding,
# "hitsauslaite" only touches it).
LEMMA_MATCH = 0.9
SURFACE_MATCH = 0.8  # a label of another language written as is
ABBREVIATION_MATCH = 0.85
COMPOUND_HEAD = 0.65
COMPOUND_MODIFIER = 0.5
LONGER_LABEL_BONUS = 0.05  # per extra word in the label, up to +0.1
REPEAT_BONUS = 0.05  # per extra occurrence, up to +0.1
MIN_WORDS_FOR_SENTENCE_LANGUAGE = 4
SEMANTIC_MATCH = 0.8  # × cosine similarity: a neighbour in meaning is weaker than a label
MIN_WORDS_FOR_SEMANTIC = 3
VERB_MATCH = 0.85  # a label said with a verb ("luen piirustuksia")
VERB_WINDOW = 3
AGENT_MATCH = 0.75  # the work a worker noun names ("hitsaaja" → welding)
IMPLIED_FACTOR = 0.9
BRIDGE_FACTOR = 0.8  # a concept reached through the word bridge: a suggestion to confirm
BRIDGE_TOP = 5  # a skill known only from the card that evidences it
MODES = ("match", "rank")
HELSINKI = ZoneInfo("Europe/Helsinki")  # "vuodesta 2019" counts to today here
# Mention types experience can belong to ("5 vuotta hitsaajana", "kokemusta hitsauksesta").
EXPERIENCE_TYPES = ("skill", "knowledge", "occupation")


@dataclass(slots=True)
class Mention:
    concept_id: int
    uri: str
    label: str
    type: str  # "skill" | "knowledge" | "occupation" | "requirement"
    score: float  # 0..1
    spans: list[tuple[int, int]]
    required: bool = False  # the text marks it as a requirement
    implied: bool = False  # not named: evidenced by a card the text names
    confirm: bool = False  # outside the shipped vocabulary: offered for confirmation

    def as_dict(self) -> dict[str, object]:
        """The JSON form used by the command and the API."""
        return {
            "uri": self.uri,
            "label": self.label,
            "type": self.type,
            "score": self.score,
            "spans": [list(span) for span in self.spans],
            "required": self.required,
            "implied": self.implied,
            "confirm": self.confirm,
        }


@dataclass(slots=True)
class ExtractionResult:
    lang: str
    concepts: list[Mention] = field(default_factory=list)
    negated: list[Mention] = field(default_factory=list)
    languages: list[Language] = field(default_factory=list)
    experience: list[Experience] = field(default_factory=list)
    ad: AdFields = field(default_factory=AdFields)  # mode "match" only

    def as_dict(self) -> dict[str, object]:
        return {
            "lang": self.lang,
            "concepts": [m.as_dict() for m in self.concepts],
            "negated": [m.as_dict() for m in self.negated],
            "languages": [entry.as_dict() for entry in self.languages],
            "experience": [entry.as_dict() for entry in self.experience],
            "ad": self.ad.as_dict(),
        }


@dataclass(slots=True)
class _Details:
    """Languages and experience found while matching, with each experience's sentence."""

    languages: list[Language] = field(default_factory=list)
    experience: list[tuple[Experience, tuple[int, int]]] = field(default_factory=list)


@dataclass(slots=True)
class _Occurrence:
    span: tuple[int, int]
    score: float
    token: int  # index of the first token in the sentence
    clause: int = 0
    negated: bool = False
    required: bool = False


class Engine:
    def __init__(self, source: ConceptSource, *, model_path: str = "") -> None:
        self.source = source
        self.model_path = model_path
        self._lock = threading.Lock()
        self._index: LabelIndex | None = None
        self._model: object = None  # loaded once, reused when the taxonomy changes
        self._fingerprint: object = None

    def index(self) -> LabelIndex:
        """The current label index, rebuilt first if the taxonomy has changed."""
        fingerprint = self.source.fingerprint()
        index = self._index
        if index is not None and fingerprint == self._fingerprint:
            return index
        with self._lock:
            if self._index is None or fingerprint != self._fingerprint:
                index = LabelIndex(self.source.concepts())
                index.semantic = self._semantic_stage(index)
                freeze_heap()
                self._index = index
                self._fingerprint = fingerprint
            return self._index

    def _semantic_stage(self, index: LabelIndex) -> SemanticStage | None:
        if not self.model_path:
            return None
        if self._model is None:
            stage = SemanticStage.from_path(self.model_path, list(index.concepts.values()))
            self._model = stage.model if stage else False
            return stage
        if self._model is False:
            return None
        return SemanticStage(self._model, list(index.concepts.values()))

    def invalidate(self) -> None:
        """Forget the index; the next call rebuilds it (after a change the fingerprint misses)."""
        with self._lock:
            self._index = None

    def extract(
        self, text: str, lang: str = "auto", *, mode: str = "match", today: date | None = None
    ) -> ExtractionResult:
        """Concepts in one text; see `extract_many`."""
        return self.extract_many([text], lang, mode=mode, today=today)[0]

    def extract_many(
        self,
        texts: Sequence[str],
        lang: str = "auto",
        *,
        mode: str = "match",
        today: date | None = None,
    ) -> list[ExtractionResult]:
        """Concepts in each text, best first.

        mode "match": the concepts whose labels the text writes out (inflected, compounded,
        abbreviated), with their spans, requirement marks and negations, the skills the cards
        found imply, and the fields of a job ad (`ads.read_ad`).
        mode "rank": the skills and knowledge a long text is about, named or not, from the
        TF-IDF ranker (`ranking.py`), best first and without spans; a concept the text negates
        is left out and reported in `negated`. Made for profiles from CVs and descriptions.
        Finnish and Swedish texts also reach the ESCO skills outside the vocabulary (English
        labels only) through the word bridge (`bridge.py`); those are marked `confirm`.
        Both modes report the languages (with a CEFR-like level) and the years of experience
        the text states; "vuodesta 2019" counts to `today` (default: today in Helsinki).
        """
        if lang != "auto" and lang not in LANGS:
            raise ValueError(f"unsupported language {lang!r}; use fi, sv, en or auto")
        if mode not in MODES:
            raise ValueError(f"unsupported mode {mode!r}; use {' or '.join(MODES)}")
        index = self.index()
        day = today or datetime.now(HELSINKI).date()
        if mode == "match":
            results = []
            for text in texts:
                result = _result(index, *self._match_text(index, text, lang, day))
                result.ad = read_ad(text, result, today=day)
                results.append(result)
            return results
        return self._rank(index, texts, lang, day)

    def _rank(
        self, index: LabelIndex, texts: Sequence[str], lang: str, today: date
    ) -> list[ExtractionResult]:
        """Ranked skills and knowledge; label matching only to drop what a text negates."""
        results = []
        for text in texts:
            if cues.may_negate(text) or details.may_state(text):
                matched = _result(index, *self._match_text(index, text, lang, today))
                results.append(
                    ExtractionResult(
                        matched.lang, [], matched.negated, matched.languages, matched.experience
                    )
                )
            else:
                results.append(ExtractionResult(detect(text) if lang == "auto" else lang))
        by_lang: dict[str, list[int]] = {}
        for number, result in enumerate(results):
            by_lang.setdefault(result.lang, []).append(number)
        for text_lang, numbers in by_lang.items():
            ids, scores, bounds = index.ranker(text_lang).top_arrays([texts[n] for n in numbers])
            found = list(zip(ids.tolist(), rounded_scores(scores), strict=True))
            fields = index.mention_fields(text_lang)
            for number, (start, end) in zip(numbers, pairwise(bounds), strict=True):
                result = results[number]
                negated = {m.concept_id for m in result.negated}
                result.concepts = [
                    Mention(concept_id, *fields[concept_id], score, [])
                    for concept_id, score in found[start:end]
                    if concept_id not in negated
                ]
            if index.beyond_vocabulary and text_lang in bridge.GLOSSARY:
                self._bridge(index, [texts[n] for n in numbers], text_lang, numbers, results)
        return results

    def _bridge(
        self,
        index: LabelIndex,
        texts: Sequence[str],
        lang: str,
        numbers: Sequence[int],
        results: list[ExtractionResult],
    ) -> None:
        """Skills outside the vocabulary, reached through the fi/sv → en word bridge
        (`bridge.py`) and the English ranker; marked for confirmation."""
        english = [bridge.english(text, lang) for text in texts]
        ranked = index.ranker("en").top(english)
        labels = index.labels(lang)
        for number, words, top in zip(numbers, english, ranked, strict=True):
            if not words:
                continue
            result = results[number]
            known = {m.concept_id for m in result.concepts} | {m.concept_id for m in result.negated}
            added = 0
            for concept_id, score in top:
                record = index.concepts[concept_id]
                if concept_id in known or record.in_vocabulary or added == BRIDGE_TOP:
                    continue
                result.concepts.append(
                    Mention(
                        concept_id,
                        record.uri,
                        labels[concept_id],
                        record.type,
                        round(score * BRIDGE_FACTOR, 3),
                        [],
                        confirm=True,
                    )
                )
                added += 1

    def _match_text(
        self, index: LabelIndex, text: str, lang: str, today: date
    ) -> tuple[dict[int, list[_Occurrence]], str, _Details]:
        pieces = sentences(text)
        langs, doc_lang = _languages(text, pieces, lang)
        found: dict[int, list[_Occurrence]] = {}
        stated = _Details()
        look_for_details = details.may_state(text)
        unmatched: list[tuple[Sentence, str, list[cues.Clause]]] = []
        section = cues.Mode.NEUTRAL
        previous_end = 0
        for sentence, sentence_lang in zip(pieces, langs, strict=True):
            if "\n\n" in text[previous_end : sentence.start].replace(" ", ""):
                section = cues.Mode.NEUTRAL  # an empty line ends a heading's list
            previous_end = sentence.end
            tokens = tokenize(sentence.text, sentence_lang, offset=sentence.start)
            if not tokens:
                continue
            token_cues = cues.token_cues(tokens, sentence_lang)
            heading = cues.heading_mode(token_cues)
            if sentence.text.endswith(":") or (
                len(tokens) <= 2 and heading is not cues.Mode.NEUTRAL
            ):
                section = heading
            breaks = [sentence.start + b for b in clause_breaks(sentence.text)]
            clauses = cues.clauses(tokens, token_cues, breaks, section)
            occurrences = _match(index, text, tokens, sentence_lang)
            _mark(occurrences, clauses)
            if look_for_details:
                # a level in brackets belongs to its language: "englanti (hyvä)"
                plain = [b for b in breaks if text[b] not in "()"]
                stated.languages.extend(details.languages(tokens, sentence_lang, plain))
                bounds = (sentence.start, sentence.end)
                stated.experience.extend(
                    (entry, bounds)
                    for entry in details.experience(tokens, sentence_lang, today=today)
                )
            for concept_id, occurrence in occurrences:
                found.setdefault(concept_id, []).append(occurrence)
            if not occurrences and len(tokens) >= MIN_WORDS_FOR_SEMANTIC:
                unmatched.append((sentence, sentence_lang, clauses))
        semantic = index.semantic
        if semantic is not None and unmatched:
            _add_semantic(semantic, unmatched, found)
        return found, doc_lang, stated


def rounded_scores(scores: np.ndarray) -> list[float]:
    """Scores as reported: `round(score, 3)`, 1.0 from 1.0 up, for a whole array at once.

    Scaling, rounding to an integer and scaling back gives Python's `round` except where the
    scaled score lies next to a half (the product's own rounding may tip it); those few take
    `round` itself.
    """
    scaled = scores * 1000.0
    result = np.where(scores < 1.0, np.rint(scaled) / 1000.0, 1.0)
    close = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    result[close] = [round(score, 3) if score < 1.0 else 1.0 for score in scores[close].tolist()]
    return result.tolist()


def _add_semantic(
    semantic: SemanticStage,
    unmatched: list[tuple[Sentence, str, list[cues.Clause]]],
    found: dict[int, list[_Occurrence]],
) -> None:
    """Concepts close to sentences that no label matched; the sentence is the span."""
    by_lang: dict[str, list[tuple[Sentence, list[cues.Clause]]]] = {}
    for sentence, lang, clauses in unmatched:
        by_lang.setdefault(lang, []).append((sentence, clauses))
    for lang, items in by_lang.items():
        matches = semantic.match([sentence.text for sentence, _ in items], lang)
        for (sentence, clauses), concepts in zip(items, matches, strict=True):
            negated = any(clause.negation_at is not None for clause in clauses)
            required = any(clause.mode is cues.Mode.REQUIRED for clause in clauses)
            for concept_id, similarity in concepts:
                occurrence = _Occurrence(
                    (sentence.start, sentence.end),
                    SEMANTIC_MATCH * similarity,
                    0,
                    negated=negated,
                    required=required and not negated,
                )
                found.setdefault(concept_id, []).append(occurrence)


def _languages(text: str, pieces: Sequence[Sentence], lang: str) -> tuple[list[str], str]:
    """Each sentence's language and the text's: the one most of its characters are written in.

    Sentences too short to tell take the text's language.
    """
    if lang != "auto":
        return [lang] * len(pieces), lang
    detected = [
        detect(piece.text) if len(piece.text.split()) >= MIN_WORDS_FOR_SENTENCE_LANGUAGE else None
        for piece in pieces
    ]
    weight: dict[str, int] = {}
    for piece, found in zip(pieces, detected, strict=True):
        if found:
            weight[found] = weight.get(found, 0) + len(piece.text)
    doc_lang = max(weight, key=lambda k: weight[k]) if weight else detect(text)
    return [found or doc_lang for found in detected], doc_lang


def _match(
    index: LabelIndex, text: str, tokens: Sequence[Token], lang: str
) -> list[tuple[int, _Occurrence]]:
    """Longest label match at each token; compound parts for words no label covers."""
    result: list[tuple[int, _Occurrence]] = []
    phrases = index.phrases[lang]
    lemmas = [token.lemma for token in tokens]
    norms = [token.norm for token in tokens]
    i = 0
    while i < len(tokens):
        token = tokens[i]
        elided = _elided(index, text, tokens, i, lang)
        if elided:
            for hit in elided:
                result.append(
                    (
                        hit.concept_id,
                        _Occurrence((token.start, token.end), hit.weight * LEMMA_MATCH, i),
                    )
                )
            i += 1
            continue
        factor = 0.0
        length, hits = _longest(phrases, index.prefixes[lang], lemmas, i)
        if length:
            factor = LEMMA_MATCH
        surface_length, surface_hits = _longest(index.surface, index.surface_prefixes, norms, i)
        if surface_length > length:
            length, hits, factor = surface_length, surface_hits, SURFACE_MATCH
        if length == 0 and token.lemma in index.verbs.get(lang, {}):
            # "osaan hitsata" for the label "hitsaus", "jag svetsar" for "svetsning"
            length, hits, factor = 1, index.verbs[lang][token.lemma], VERB_MATCH
        if length == 0 and lang == "fi" and token.text[:1].isupper():
            # a loan word inflected without a colon: "SolidWorksin", "Excelillä"
            hits = _loan_word(index, token.norm)
            if hits:
                length, factor = 1, SURFACE_MATCH
        if length == 0 and i + 1 < len(tokens) and _hyphenated(text, token, tokens[i + 1]):
            # "robotti-hitsaus" written for the label "robottihitsaus"
            joined = token.norm + lemmatize(tokens[i + 1].norm, lang)
            found = phrases.get((joined,))
            if found:
                length, hits, factor = 2, found, LEMMA_MATCH
        abbreviation = index.abbreviations.get(fold_abbreviation(token.text))
        if length <= 1 and abbreviation:
            length = 1
            hits = _merge(hits, factor, abbreviation, ABBREVIATION_MATCH)
            factor = 1.0
        if length:
            bonus = min(2 * LONGER_LABEL_BONUS, LONGER_LABEL_BONUS * (length - 1))
            span = (token.start, tokens[i + length - 1].end)
            for hit in hits:
                score = min(1.0, hit.weight * factor + bonus)
                result.append((hit.concept_id, _Occurrence(span, score, i)))
            i += length
            continue
        for part in index.compound_parts(token.lemma, lang):
            span = _part_span(token, part.start, part.end, part.head)
            factor = COMPOUND_HEAD if part.head else COMPOUND_MODIFIER
            for hit in part.hits:
                result.append((hit.concept_id, _Occurrence(span, hit.weight * factor, i)))
        i += 1
    verb_objects = index.verb_objects.get(lang)
    if verb_objects:
        _match_verb_objects(verb_objects, tokens, result)
    for i, token in enumerate(tokens):
        # "Vi söker en svetsare": the worker noun names the work
        for hit in index.agent_skills(token.lemma, lang):
            result.append(
                (hit.concept_id, _Occurrence((token.start, token.end), hit.weight * AGENT_MATCH, i))
            )
    return result


def _match_verb_objects(
    verb_objects: dict[str, list[tuple[str, tuple[Hit, ...]]]],
    tokens: Sequence[Token],
    result: list[tuple[int, _Occurrence]],
) -> None:
    """ "luen sähköpiirustuksia" for the label "sähköpiirustusten lukeminen": a verb and its
    object within three words. The pair replaces a match of the object word alone."""
    for k, token in enumerate(tokens):
        for noun, hits in verb_objects.get(token.lemma, ()):
            window = range(max(0, k - VERB_WINDOW), min(len(tokens), k + VERB_WINDOW + 1))
            m = next((m for m in window if m != k and tokens[m].lemma == noun), None)
            if m is None:
                continue
            word = (tokens[m].start, tokens[m].end)
            result[:] = [(c, o) for c, o in result if o.span != word]
            first, last = sorted((k, m))
            span = (tokens[first].start, tokens[last].end)
            for hit in hits:
                result.append((hit.concept_id, _Occurrence(span, hit.weight * VERB_MATCH, first)))


def _longest(
    table: dict[tuple[str, ...], tuple[Hit, ...]],
    prefixes: frozenset[tuple[str, ...]],
    words: list[str],
    start: int,
) -> tuple[int, tuple[Hit, ...]]:
    """The longest label in `table` that the words from `start` on spell out."""
    best: tuple[int, tuple[Hit, ...]] = (0, ())
    key: tuple[str, ...] = (words[start],)
    if key not in prefixes and key not in table:
        return best
    end = start + 1
    while True:
        hits = table.get(key)
        if hits:
            best = (end - start, hits)
        if end == len(words) or key not in prefixes:
            return best
        key = (*key, words[end])
        end += 1


def _elided(
    index: LabelIndex, text: str, tokens: Sequence[Token], i: int, lang: str
) -> tuple[Hit, ...]:
    """A compound written with a shared part left out: "MIG- ja MAG-hitsaus" (MIG-hitsaus),
    "CNC-sorvaus ja -jyrsintä" (CNC-jyrsintä), "käsi- ja ruiskulaminointi" (käsilaminointi).

    Only where the full compound is a label; the part is taken from the nearest hyphenated word
    (or compound head) after or before it, at most four words away.
    """
    token = tokens[i]
    phrases = index.phrases[lang]
    after = text[token.end : token.end + 2]
    if after in ("- ", "-\n", "-,") or (after[:1] == "/" and i + 1 < len(tokens)):
        # the head comes later: "MIG- ja MAG-hitsausta", "käsi- ja ruiskulaminointia"
        for j in range(i + 1, min(i + 5, len(tokens))):
            if j + 1 < len(tokens) and _hyphenated(text, tokens[j], tokens[j + 1]):
                return phrases.get((token.norm, tokens[j + 1].lemma), ())
            heads = [p for p in index.compound_parts(tokens[j].lemma, lang) if p.head]
            if heads:
                head = tokens[j].lemma[heads[0].start :]
                return phrases.get((token.norm + head,), ()) or phrases.get((token.norm, head), ())
        return ()
    if token.start >= 2 and text[token.start - 1] == "-" and text[token.start - 2].isspace():
        # the first part came earlier: "CNC-sorvaus ja -jyrsintä"
        for j in range(i - 1, max(i - 5, 0), -1):
            if _hyphenated(text, tokens[j - 1], tokens[j]):
                return phrases.get((tokens[j - 1].norm, token.lemma), ())
    return ()


# Finnish case endings written straight onto a foreign name, longest first.
LOAN_WORD_ENDINGS = (
    "illa",
    "illä",
    "ista",
    "istä",
    "issa",
    "issä",
    "ille",
    "iksi",
    "lla",
    "llä",
    "sta",
    "stä",
    "ssa",
    "ssä",
    "lle",
    "iin",
    "ia",
    "iä",
    "in",
    "ii",
    "n",
    "a",
    "ä",
)


def _loan_word(index: LabelIndex, norm: str) -> tuple[Hit, ...]:
    """A foreign label under a Finnish case ending: "solidworksin" → "solidworks"."""
    for ending in LOAN_WORD_ENDINGS:
        if norm.endswith(ending) and len(norm) - len(ending) >= 3:
            hits = index.surface.get((norm[: -len(ending)],))
            if hits:
                return hits
    return ()


def _hyphenated(text: str, left: Token, right: Token) -> bool:
    return right.start == left.end + 1 and text[left.end] == "-"


def _merge(
    first: Sequence[Hit], first_factor: float, second: Sequence[Hit], second_factor: float
) -> tuple[Hit, ...]:
    best: dict[int, float] = {}
    for hits, factor in ((first, first_factor), (second, second_factor)):
        for hit in hits:
            best[hit.concept_id] = max(best.get(hit.concept_id, 0.0), hit.weight * factor)
    return tuple(Hit(concept_id, weight) for concept_id, weight in best.items())


def _part_span(token: Token, start: int, end: int, head: bool) -> tuple[int, int]:
    """The characters of a compound part in the written word; the whole word if unsure.

    The lemma and the written word share the modifier's letters ("robotti|hitsauksesta"); the
    head runs to the end of the word, inflection included.
    """
    written = token.text.casefold()
    if not written.startswith(token.lemma[:start]):
        return (token.start, token.end)
    if head:
        return (token.start + start, token.end)
    return (token.start, token.start + end)


def _mark(occurrences: list[tuple[int, _Occurrence]], clauses: Sequence[cues.Clause]) -> None:
    """Negation and requirement marks from the clause each occurrence is in."""
    for _, occurrence in occurrences:
        for number, clause in enumerate(clauses):
            if clause.start <= occurrence.token < clause.end:
                occurrence.clause = number
                occurrence.required = clause.mode is cues.Mode.REQUIRED
                break
    for number, clause in enumerate(clauses):
        cue = clause.negation_at
        if cue is None:
            continue
        inside = [o for _, o in occurrences if o.clause == number]
        after = [o for o in inside if o.token > cue]
        for occurrence in after or inside:
            occurrence.negated = True
            occurrence.required = False


def _order(mention: Mention) -> tuple[float, int]:
    return (-mention.score, mention.spans[0][0] if mention.spans else 1 << 30)


def _result(
    index: LabelIndex, found: dict[int, list[_Occurrence]], lang: str, stated: _Details
) -> ExtractionResult:
    result = ExtractionResult(lang=lang, languages=_unique_languages(stated.languages))
    for concept_id, occurrences in found.items():
        if concept_id in index.language_concepts:
            continue  # a language: an entry in `languages` when the text says one is spoken
        record = index.concepts[concept_id]
        positive = [o for o in occurrences if not o.negated]
        chosen = positive or occurrences
        spans = sorted({o.span for o in chosen})
        score = max(o.score for o in chosen) + REPEAT_BONUS * min(2, len(spans) - 1)
        mention = Mention(
            concept_id=concept_id,
            uri=record.uri,
            label=record.label(lang),
            type=record.type,
            score=round(min(1.0, score), 3),
            spans=spans,
            required=any(o.required for o in positive),
            confirm=_to_confirm(index, record),
        )
        (result.concepts if positive else result.negated).append(mention)
    _keep_most_specific(index, result)
    _add_implied(index, result, lang)
    for mentions in (result.concepts, result.negated):
        mentions.sort(key=_order)
    result.experience = _attach_experience(stated.experience, result.concepts)
    return result


def _keep_most_specific(index: LabelIndex, result: ExtractionResult) -> None:
    """A general skill is left out where the text also names a kind of it ("hitsaus" beside
    "MAG-hitsaus"): the most specific concept the text supports (`LabelIndex.narrower`)."""
    if not index.narrower:
        return
    found = {m.concept_id for m in result.concepts}
    result.concepts = [
        m for m in result.concepts if not (index.narrower.get(m.concept_id, frozenset()) & found)
    ]


def _to_confirm(index: LabelIndex, record: ConceptRecord) -> bool:
    """An ESCO concept outside the shipped vocabulary, where both are loaded: a suggestion.
    Requirements are the project's own and never need it."""
    return index.beyond_vocabulary and not record.in_vocabulary and record.type != "requirement"


def _unique_languages(found: Sequence[Language]) -> list[Language]:
    """One entry per language; a level given anywhere wins over none, the higher over the lower."""
    best: dict[str, Language] = {}
    for entry in found:
        known = best.get(entry.code)
        if known is None or _level_rank(entry.level) > _level_rank(known.level):
            best[entry.code] = entry
    return list(best.values())


_LEVEL_ORDER = ("", "A1", "A2", "B1", "B2", "C1", "C2", "native")


def _level_rank(level: str) -> int:
    return _LEVEL_ORDER.index(level) if level in _LEVEL_ORDER else 0


def _add_implied(index: LabelIndex, result: ExtractionResult, lang: str) -> None:
    """The skill a found card evidences ("trukkikortti" → operating a forklift), marked implied.

    Added only when the text does not name the skill itself; a negated card's skill is
    negated too.
    """
    present = {m.concept_id for m in result.concepts} | {m.concept_id for m in result.negated}
    for mention, mentions in [(m, result.concepts) for m in list(result.concepts)] + [
        (m, result.negated) for m in list(result.negated)
    ]:
        # "Trukkikorttia minulla ei ole": the card's skill is negated with it
        evidenced = index.concepts[mention.concept_id].evidences
        skill_id = index.by_uri.get(evidenced) if evidenced else None
        if skill_id is None or skill_id in present:
            continue
        present.add(skill_id)
        record = index.concepts[skill_id]
        mentions.append(
            Mention(
                concept_id=skill_id,
                uri=record.uri,
                label=record.label(lang),
                type=record.type,
                score=round(mention.score * IMPLIED_FACTOR, 3),
                spans=list(mention.spans),
                required=mention.required,
                implied=True,
                confirm=_to_confirm(index, record),
            )
        )


def _attach_experience(
    found: Sequence[tuple[Experience, tuple[int, int]]], mentions: Sequence[Mention]
) -> list[Experience]:
    """Each experience to the nearest skill or occupation of its sentence (occupations first:
    "5 vuotta hitsaajana" is about the work, not one of its skills)."""
    result = []
    for entry, (start, end) in found:
        candidates = [
            (m.type != "occupation", _distance(entry.span, span), m)
            for m in mentions
            if m.type in EXPERIENCE_TYPES and not m.implied
            for span in m.spans
            if start <= span[0] < end
        ]
        if candidates:
            mention = min(candidates, key=lambda c: (c[1] > 40, c[0], c[1]))[2]
            entry.uri, entry.label = mention.uri, mention.label
        result.append(entry)
    return result


def _distance(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, b[0] - a[1], a[0] - b[1])


_engine: Engine | None = None
_engine_lock = threading.Lock()


def default_engine() -> Engine:
    """The engine over the database taxonomy, shared by the whole process."""
    global _engine
    if _engine is None:
        with _engine_lock:
            if _engine is None:
                from django.conf import settings

                _engine = Engine(DatabaseSource(), model_path=settings.EXTRACTION_MODEL_PATH)
    return _engine


def extract(text: str, lang: str = "auto", *, mode: str = "match") -> ExtractionResult:
    """Concepts in `text` (fi, sv, en or auto-detected) from the taxonomy in the database.

    mode "match" reports what the text names; "rank" adds what a long text is about (profiles
    from CVs, course descriptions). See `Engine.extract_many`.
    """
    return default_engine().extract(text, lang, mode=mode)
