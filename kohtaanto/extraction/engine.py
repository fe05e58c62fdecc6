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
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from itertools import pairwise
from typing import NamedTuple
from zoneinfo import ZoneInfo

import numpy as np

from kohtaanto.extraction import bridge, cues, details
from kohtaanto.extraction.ads import read_ad
from kohtaanto.extraction.implied import ImpliedRules, NegatedClause, negated_clauses
from kohtaanto.extraction.index import LabelIndex, freeze_heap
from kohtaanto.extraction.language import by_function_words, detect
from kohtaanto.extraction.matching import Occurrence, hyphenated, mark, match_sentence
from kohtaanto.extraction.ranking import SkillRanker, folded_words
from kohtaanto.extraction.results import (
    NO_SPANS,
    ExtractionResult,
    Mention,
    Stated,
    assemble,
    unique_languages,
)
from kohtaanto.extraction.semantic import SemanticStage
from kohtaanto.extraction.sources import ConceptSource, DatabaseSource
from kohtaanto.extraction.text import LANGS, Sentence, Token, clause_breaks, sentences, tokenize

# The results are defined with their assembly; callers import them from here.
__all__ = ["MODES", "Engine", "ExtractionResult", "Mention", "default_engine", "extract"]

MIN_WORDS_FOR_SENTENCE_LANGUAGE = 4
SEMANTIC_MATCH = 0.8  # × cosine similarity: a neighbour in meaning is weaker than a label
MIN_WORDS_FOR_SEMANTIC = 3
BRIDGE_FACTOR = 0.8  # a concept reached through the word bridge: a suggestion to confirm
BRIDGE_TOP = 5  # bridge suggestions per text, at most
MODES = ("match", "rank")
# Rank mode over the shipped vocabulary's Finnish and Swedish labels (a few hundred concepts, so
# one shared word looks rare) and the word bridge (a handful of English words a text) keeps a
# concept only on two shared stems or its whole preferred label (`SkillRanker.top_arrays`).
# English text is ranked against the whole of ESCO with its descriptions and keeps every score.
WEAK_EVIDENCE_BELOW = 2
HELSINKI = ZoneInfo("Europe/Helsinki")  # "vuodesta 2019" counts to today here


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
                index.implied = ImpliedRules.for_index(index)
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
                result = assemble(index, *self._match_text(index, text, lang, day), text=text)
                result.ad = read_ad(text, result, today=day)
                results.append(result)
            return results
        return self._rank(index, texts, lang, day)

    def _rank(
        self, index: LabelIndex, texts: Sequence[str], lang: str, today: date
    ) -> list[ExtractionResult]:
        """Ranked skills and knowledge; label matching only to drop what a text negates."""
        results = []
        # each text's words, read once for the quick looks and the ranker's query
        words = [folded_words(text) for text in texts]
        for text, text_words in zip(texts, words, strict=True):
            if cues.negates_in_words(text, text_words):
                results.append(self._negated_and_stated(index, text, lang, today))
            elif details.may_state_in_words(text, text_words):
                # Nothing can be negated. Languages are read from the words alone; experience
                # belongs to a concept the text names, so only then are the labels matched.
                _, doc_lang, stated = self._match_text(index, text, lang, today, match=False)
                if stated.experience:
                    results.append(self._negated_and_stated(index, text, lang, today))
                else:
                    languages = unique_languages(stated.languages)
                    results.append(ExtractionResult(doc_lang, languages=languages))
            else:
                results.append(ExtractionResult(detect(text) if lang == "auto" else lang))
        by_lang: dict[str, list[int]] = {}
        for number, result in enumerate(results):
            by_lang.setdefault(result.lang, []).append(number)
        # What the text says is absent or not needed is no evidence of what it is about: "ADR-
        # utbildning har jag inte" suggests no other dangerous-goods skill. Finnish and Swedish
        # only: in English descriptions "no" and "not" are mostly about something else ("so
        # that processes do not jam"), and the ESCO proxy loses by it.
        blanked_texts = [
            _without_negated(text, result) if result.lang in ("fi", "sv") else text
            for text, result in zip(texts, results, strict=True)
        ]
        words = [
            text_words if text is blanked else folded_words(blanked)
            for text, blanked, text_words in zip(texts, blanked_texts, words, strict=True)
        ]
        texts = blanked_texts
        for text_lang, numbers in by_lang.items():
            ranker = index.ranker(text_lang)
            ids, scores, bounds = ranker.top_arrays(
                [texts[n] for n in numbers],
                min_evidence=_min_evidence(text_lang),
                words=[words[n] for n in numbers],
            )
            concept_ids = ids.tolist()
            reported = rounded_scores(scores)
            fields = index.mention_fields(text_lang)
            for number, (start, end) in zip(numbers, pairwise(bounds), strict=True):
                result = results[number]
                negated = {m.concept_id for m in result.negated}
                # A language the text says is spoken is an entry in `languages`, as in match
                # mode, not also a ranked language skill; so is one it says is not needed.
                if result.languages or (
                    text_lang in ("fi", "sv") and details.names_language(texts[number], text_lang)
                ):
                    negated |= index.language_skills
                ranked: Iterable[tuple[int, float]] = zip(
                    concept_ids[start:end], reported[start:end], strict=True
                )
                if text_lang in ("fi", "sv"):
                    kept = [(c, score) for c, score in ranked if c not in negated]
                    ranked = _evidenced_in_a_sentence(ranker, texts[number], kept)
                # Most texts of a batch are ranked only: their mentions, made by the thousand,
                # share one empty tuple of spans (a ranked concept is named nowhere).
                result.concepts = [
                    Mention(concept_id, *fields[concept_id], score, NO_SPANS)
                    for concept_id, score in ranked
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
        terms = [bridge.english_terms(text, lang) for text in texts]
        english = [" ".join(words) for words in terms]
        ranker = index.ranker("en")
        ranked = ranker.top(english, min_evidence=WEAK_EVIDENCE_BELOW)
        labels = index.labels(lang)
        for number, words, top in zip(numbers, terms, ranked, strict=True):
            if not words:
                continue
            result = results[number]
            known = {m.concept_id for m in result.concepts} | {m.concept_id for m in result.negated}
            added = 0
            for concept_id, score in top:
                record = index.concepts[concept_id]
                if concept_id in known or record.in_vocabulary or added == BRIDGE_TOP:
                    continue
                if not ranker.evidenced_by(concept_id, words, WEAK_EVIDENCE_BELOW):
                    continue  # two English words of one bridged word are one word of evidence
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

    def _negated_and_stated(
        self, index: LabelIndex, text: str, lang: str, today: date
    ) -> ExtractionResult:
        """What label matching adds to rank mode: negated concepts, languages, experience."""
        found, doc_lang, stated = self._match_text(index, text, lang, today, negations=True)
        matched = assemble(index, found, doc_lang, stated, text=text)
        return ExtractionResult(
            matched.lang, [], matched.negated, matched.languages, matched.experience
        )

    def _match_text(
        self,
        index: LabelIndex,
        text: str,
        lang: str,
        today: date,
        *,
        match: bool = True,
        negations: bool = False,
    ) -> tuple[dict[int, list[Occurrence]], str, Stated]:
        """Labels, languages and experience in each sentence; with `match` False only the
        languages and experience the text states.

        With `negations` the caller wants only what the text negates, its languages and its
        experience (`_negated_and_stated`): a sentence none of whose clauses is negated is
        matched only if the text turns out to negate something or to state experience, which
        is when its mentions can change the result (a concept negated in one sentence and named
        in another is not negated; experience belongs to what its sentence names).
        """
        pieces = sentences(text)
        langs, cue_langs, doc_lang = _languages(text, pieces, lang)
        stated = Stated()
        look_for_details = details.may_state(text)
        teaches = match and cues.teaches(text)
        negations = negations and index.semantic is None
        # each sentence's occurrences, in order, or what matching it later takes
        matched: list[list[tuple[int, Occurrence]] | _Unmatched] = []
        negated: list[NegatedClause] = []
        unmatched: list[tuple[Sentence, str, list[cues.Clause]]] = []
        section = cues.Mode.NEUTRAL
        previous_end = 0
        for sentence, sentence_lang, cue_lang in zip(pieces, langs, cue_langs, strict=True):
            if "\n\n" in text[previous_end : sentence.start].replace(" ", ""):
                section = cues.Mode.NEUTRAL  # an empty line ends a heading's list
            previous_end = sentence.end
            tokens = tokenize(sentence.text, sentence_lang, offset=sentence.start)
            if not tokens:
                continue
            breaks = [sentence.start + b for b in clause_breaks(sentence.text)]
            # the cues matching reads (in `cue_lang`: an English sentence of a Finnish text
            # negates in English, its words are still matched as the text's); the language
            # reader works them out itself otherwise
            token_cues = cues.token_cues(tokens, cue_lang, text) if match else None
            if look_for_details:
                # a level in brackets belongs to its language: "englanti (hyvä)"
                plain = [b for b in breaks if text[b] not in "()"]
                stated.languages.extend(details.languages(tokens, sentence_lang, plain, token_cues))
                bounds = (sentence.start, sentence.end)
                stated.experience.extend(
                    (entry, bounds)
                    for entry in details.experience(tokens, sentence_lang, text, today=today)
                )
            if token_cues is None:
                continue
            heading = cues.heading_mode(token_cues)
            if sentence.text.endswith(":") or (
                len(tokens) <= 2 and heading is not cues.Mode.NEUTRAL
            ):
                section = heading
            clauses = cues.clauses(
                tokens,
                token_cues,
                breaks,
                section,
                cue_lang,
                teaches=teaches,
                colons=frozenset(b for b in breaks if text[b] == ":"),
                hyphens=_hyphens(text, tokens),
            )
            later = _Unmatched(sentence, sentence_lang, tokens, clauses)
            if negations and all(clause.negation_at is None for clause in clauses):
                matched.append(later)
                continue
            matched.append(self._match_sentence(index, text, later, negated, unmatched))
        if negations and (
            negated
            or stated.experience
            or any(o.negated for part in matched if isinstance(part, list) for _, o in part)
        ):
            matched = [
                self._match_sentence(index, text, part, negated, unmatched)
                if isinstance(part, _Unmatched)
                else part
                for part in matched
            ]
        found: dict[int, list[Occurrence]] = {}
        for part in matched:
            if isinstance(part, list):
                for concept_id, occurrence in part:
                    found.setdefault(concept_id, []).append(occurrence)
        if negated and index.implied:
            index.implied.negate_by_action(index, found, negated)
        semantic = index.semantic
        if semantic is not None and unmatched:
            _add_semantic(semantic, unmatched, found)
        return found, doc_lang, stated

    @staticmethod
    def _match_sentence(
        index: LabelIndex,
        text: str,
        sentence: "_Unmatched",
        negated: list[NegatedClause],
        unmatched: list[tuple[Sentence, str, list[cues.Clause]]],
    ) -> list[tuple[int, Occurrence]]:
        """One sentence's label matches, marked by its clauses; its negated clauses that name
        nothing go to `negated`, and the sentence to `unmatched` where nothing is named."""
        tokens, clauses, lang = sentence.tokens, sentence.clauses, sentence.lang
        occurrences = match_sentence(index, text, tokens, lang)
        unnamed = not occurrences
        if index.implied:
            # titles, licence words, instruments, used tools: reported where the text does
            # not name the skill itself
            occurrences += index.implied.in_sentence(text, tokens, lang, occurrences)
        mark(occurrences, clauses)
        occurrences = [(c, o) for c, o in occurrences if o.negated or not clauses[o.clause].waived]
        if index.implied:
            negated.extend(negated_clauses(tokens, clauses, occurrences, lang))
        if unnamed and len(tokens) >= MIN_WORDS_FOR_SEMANTIC:
            unmatched.append((sentence.sentence, lang, clauses))
        return occurrences


class _Unmatched(NamedTuple):
    """A sentence read up to its clauses, not yet matched."""

    sentence: Sentence
    lang: str
    tokens: list[Token]
    clauses: list[cues.Clause]


def _hyphens(text: str, tokens: Sequence[Token]) -> frozenset[int]:
    """The offsets of the hyphens that join two tokens into one written word ("CAD-program")."""
    return frozenset(left.end for left, right in pairwise(tokens) if hyphenated(text, left, right))


def _without_negated(text: str, result: ExtractionResult) -> str:
    """The text with the words of its negated mentions blanked out (offsets kept)."""
    spans = [span for mention in result.negated for span in mention.spans]
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _evidenced_in_a_sentence(
    ranker: SkillRanker, text: str, ranked: list[tuple[int, float]]
) -> list[tuple[int, float]]:
    """The ranked concepts whose evidence stands in one sentence of the text: two of its stems,
    or its whole preferred label. Stems from different sentences say nothing together
    ("…koneita." and "Ohjataan …" suggest no *machine guidance*); each stem counts once."""
    analyzer = ranker.analyzer
    pieces = []
    for sentence in sentences(text):
        by_stem = {analyzer.stem(word): word for word in analyzer.words(sentence.text)}
        pieces.append(list(by_stem.values()))
    return [
        (concept_id, score)
        for concept_id, score in ranked
        if any(ranker.evidenced_by(concept_id, words, WEAK_EVIDENCE_BELOW) for words in pieces)
    ]


def _min_evidence(lang: str) -> int:
    return 1 if lang == "en" else WEAK_EVIDENCE_BELOW


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
    found: dict[int, list[Occurrence]],
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
                occurrence = Occurrence(
                    (sentence.start, sentence.end),
                    SEMANTIC_MATCH * similarity,
                    0,
                    negated=negated,
                    required=required and not negated,
                )
                found.setdefault(concept_id, []).append(occurrence)


def _languages(
    text: str, pieces: Sequence[Sentence], lang: str
) -> tuple[list[str], list[str], str]:
    """Each sentence's language, the language it says its negations and requirements in, and
    the text's language: the one most of its characters are written in.

    Sentences too short to tell, or whose function words do not decide ("Minigrävare ha ja
    kört en hel del": "ha" Swedish, "ja" Finnish), take the text's language. Where the language
    is given, every sentence is read in it, but an English sentence of a Finnish or Swedish text
    ("Welding experience is not required") says its negation and requirement in English.
    """
    if lang not in ("auto", "fi", "sv"):
        return [lang] * len(pieces), [lang] * len(pieces), lang
    detected = [
        by_function_words(piece.text)
        if len(piece.text.split()) >= MIN_WORDS_FOR_SENTENCE_LANGUAGE
        else None
        for piece in pieces
    ]
    if lang != "auto":
        cue_langs = ["en" if found == "en" else lang for found in detected]
        return [lang] * len(pieces), cue_langs, lang
    weight: dict[str, int] = {}
    for piece, found in zip(pieces, detected, strict=True):
        if found:
            weight[found] = weight.get(found, 0) + len(piece.text)
    doc_lang = max(weight, key=lambda k: weight[k]) if weight else detect(text)
    langs = [found or doc_lang for found in detected]
    return langs, langs, doc_lang


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
