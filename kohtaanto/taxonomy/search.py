"""Concept search: an in-process index over every label, built once and shared by all threads.

Why not SQL: a typeahead must answer in a few milliseconds with all of ESCO (about 150 000
labels) loaded, find inflected Finnish forms and survive typos. LIKE queries cannot rank, and
fuzzy matching in SQL differs between SQLite and PostgreSQL. The index is a few dictionaries
and sorted lists in memory (built in about a second), rebuilt when the taxonomy changes.

Freshness: every search runs one cheap query for a key (the newest TaxonomyVersion stamp, the
newest concept and label); a different key rebuilds the index. The import services stamp the
version when they change anything, so every process of the site (each has its own index) sees
the change on its next search. `invalidate()` drops this process's index at once.

Ranking (a label's score, then the concept's best label):
  100 the whole label, exactly (case and Unicode folded)
   80 the label starts with the query
   70 the lemmatised query equals the lemmatised label (hitsausta → hitsaus)
   60 every query word is a word of the label, as written or as a lemma
   55 … the last word only as a prefix (typing in progress)
   45    … some word only through a base form much shorter than the word typed
   40–50 … some word only after correcting a typo (rapidfuzz), scaled by similarity
Alternative labels score 4 less and hidden ones 8 less than preferred ones. Concepts of the
shipped vocabulary get +3 and ESCO's occupation-specific skills +1 (both are the concrete
terms job ads and CVs use); a label in the asked language +1. Ties: the shorter label first.
"""

import heapq
import threading
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.db import connection
from rapidfuzz import fuzz, process

from kohtaanto.taxonomy.models import (
    LANGUAGE_FALLBACK,
    Concept,
    ConceptLabel,
    ConceptStatus,
    LabelKind,
    TaxonomyVersion,
)
from kohtaanto.taxonomy.text import (
    LEMMATISED_LANGUAGES,
    fold,
    lemmatize,
    load_dictionaries,
    normalize,
    words,
)

MAX_QUERY_LENGTH = 200
PREFIX_SCAN = 3000
PREFIX_TOKENS = 200
FUZZY_TOKENS = 6
KIND_PENALTY = {LabelKind.PREFERRED.value: 0.0, LabelKind.ALTERNATIVE.value: 4.0}
HIDDEN_PENALTY = 8.0
EXACT, PREFIX, LEMMA, WORDS, WORD_PREFIX, WEAK_LEMMA, FUZZY = (
    100.0,
    80.0,
    70.0,
    60.0,
    55.0,
    45.0,
    40.0,
)


@dataclass(frozen=True)
class SearchHit:
    concept_id: int
    uri: str
    type: str
    preferred: dict[str, str]
    in_vocabulary: bool
    # The label that matched, its language and kind (pref/alt/hidden).
    matched: str
    matched_lang: str
    matched_kind: str
    score: float
    # The whole label matched the query exactly (case and Unicode folded).
    exact: bool = False

    def label(self, lang: str) -> str:
        return self.label_in(lang)[1]

    def label_in(self, lang: str) -> tuple[str, str]:
        """(language, label): the preferred label in `lang`, then fi, en, sv."""
        for candidate in (lang, *LANGUAGE_FALLBACK):
            if self.preferred.get(candidate):
                return candidate, self.preferred[candidate]
        return self.matched_lang, self.matched


@dataclass(frozen=True)
class _Concept:
    id: int
    uri: str
    type: str
    preferred: dict[str, str]
    in_vocabulary: bool
    active: bool
    boost: float


class ConceptIndex:
    """Read-only once built (apart from a memo of type filters): safe to share between threads."""

    def __init__(self, concepts: Iterable[Mapping[str, Any]], labels: Iterable[tuple]) -> None:
        self.concepts: dict[int, _Concept] = {}
        for row in concepts:
            boost = 3.0 if row["in_vocabulary"] else 0.0
            if row["reuse_level"] == "occupation-specific":
                boost += 1.0
            self.concepts[row["id"]] = _Concept(
                id=row["id"],
                uri=row["uri"],
                type=row["type"],
                preferred=row["preferred"],
                in_vocabulary=row["in_vocabulary"],
                active=row["status"] != ConceptStatus.OBSOLETE,
                boost=boost,
            )
        self.entry_concept: list[int] = []
        self.entry_lang: list[str] = []
        self.entry_kind: list[str] = []
        self.entry_text: list[str] = []
        # Score parts fixed per label: kind penalty and concept boost; and the label's length.
        self.entry_static: list[float] = []
        self.entry_length: list[int] = []
        self._allowed_cache: dict[tuple[frozenset[str], bool], frozenset[int]] = {}
        self.exact: dict[str, list[int]] = defaultdict(list)
        self.lemmas: dict[str, list[int]] = defaultdict(list)
        postings: dict[str, set[int]] = defaultdict(set)
        folded: list[tuple[str, int]] = []
        for concept_id, lang, kind, text, normalized in labels:
            if concept_id not in self.concepts:
                continue
            entry = len(self.entry_text)
            self.entry_concept.append(concept_id)
            self.entry_lang.append(lang)
            self.entry_kind.append(kind)
            self.entry_text.append(text)
            concept = self.concepts[concept_id]
            self.entry_static.append(concept.boost - KIND_PENALTY.get(kind, HIDDEN_PENALTY))
            self.entry_length.append(len(text))
            key = fold(text)
            self.exact[key].append(entry)
            self.lemmas[normalized].append(entry)
            folded.append((key, entry))
            for token in {*words(key), *normalized.split()}:
                postings[token].add(entry)
        folded.sort()
        self.prefix_keys = [key for key, _ in folded]
        self.prefix_entries = [entry for _, entry in folded]
        self.postings = {token: tuple(entries) for token, entries in postings.items()}
        self.tokens = sorted(self.postings)

    def __len__(self) -> int:
        return len(self.entry_text)

    def _prefixed_tokens(self, prefix: str) -> list[str]:
        start = bisect_left(self.tokens, prefix)
        found = []
        for token in self.tokens[start : start + PREFIX_TOKENS]:
            if not token.startswith(prefix):
                break
            found.append(token)
        return found

    def _word_matches(self, word: str, last: bool) -> dict[int, float]:
        """entry → the tier at which this query word matches one of the entry's words."""
        found: dict[int, float] = dict.fromkeys(self.postings.get(word, ()), WORDS)
        for variant in {lemmatize(word, lang) for lang in LEMMATISED_LANGUAGES} - {word}:
            # A lemmatiser's rules also cut misspelt words (koneistja → kone): a base form
            # much shorter than the word is weak evidence.
            tier = WORDS if len(variant) >= 0.6 * len(word) else WEAK_LEMMA
            for entry in self.postings.get(variant, ()):
                found[entry] = max(found.get(entry, 0.0), tier)
        prefixed = self._prefixed_tokens(word) if last and len(word) >= 3 else []
        for token in prefixed:
            for entry in self.postings[token]:
                found.setdefault(entry, WORD_PREFIX)
        if word not in self.postings and not prefixed and len(word) >= 4:
            cutoff = 80 if len(word) >= 6 else 75
            for token, similarity, _ in process.extract(
                word, self.tokens, scorer=fuzz.ratio, score_cutoff=cutoff, limit=FUZZY_TOKENS
            ):
                tier = FUZZY + 10 * (similarity - cutoff) / (100 - cutoff)
                for entry in self.postings[token]:
                    found[entry] = max(found.get(entry, 0.0), tier)
        return found

    def search(
        self,
        query: str,
        *,
        lang: str = "fi",
        types: Iterable[str] = (),
        limit: int = 10,
        include_obsolete: bool = False,
    ) -> list[SearchHit]:
        key = fold(query[:MAX_QUERY_LENGTH])
        if not key:
            return []
        scores: dict[int, float] = {}

        def offer(entry: int, tier: float) -> None:
            if tier > scores.get(entry, 0.0):
                scores[entry] = tier

        for entry in self.exact.get(key, ()):
            offer(entry, EXACT)
        if len(key) >= 2:
            start = bisect_left(self.prefix_keys, key)
            for position in range(start, min(start + PREFIX_SCAN, len(self.prefix_keys))):
                if not self.prefix_keys[position].startswith(key):
                    break
                offer(self.prefix_entries[position], PREFIX)
        for label_lang in LEMMATISED_LANGUAGES:
            for entry in self.lemmas.get(normalize(key, label_lang), ()):
                if self.entry_lang[entry] == label_lang:
                    offer(entry, LEMMA)
        query_words = words(key)
        if query_words:
            per_word = [
                self._word_matches(word, last=i == len(query_words) - 1)
                for i, word in enumerate(query_words)
            ]
            per_word.sort(key=len)
            for entry, tier in per_word[0].items():
                for other in per_word[1:]:
                    other_tier = other.get(entry)
                    if other_tier is None:
                        break
                    tier = min(tier, other_tier)
                else:
                    offer(entry, tier)
        return self._rank(
            scores, lang=lang, types=set(types), limit=limit, obsolete=include_obsolete
        )

    def _allowed(self, types: set[str], obsolete: bool) -> frozenset[int] | dict[int, _Concept]:
        """The concept ids a search may return (cached per filter: the index never changes)."""
        if not types and obsolete:
            return self.concepts
        key = (frozenset(types), obsolete)
        allowed = self._allowed_cache.get(key)
        if allowed is None:
            allowed = frozenset(
                c.id
                for c in self.concepts.values()
                if (not types or c.type in types) and (c.active or obsolete)
            )
            self._allowed_cache[key] = allowed
        return allowed

    def _rank(
        self, scores: dict[int, float], *, lang: str, types: set[str], limit: int, obsolete: bool
    ) -> list[SearchHit]:
        best: dict[int, tuple[float, int, int]] = {}
        exact_entries = {entry for entry, tier in scores.items() if tier == EXACT}
        entry_concept, entry_lang = self.entry_concept, self.entry_lang
        entry_static, entry_length = self.entry_static, self.entry_length
        allowed = self._allowed(types, obsolete)
        for entry, tier in scores.items():
            concept_id = entry_concept[entry]
            if concept_id not in allowed:
                continue
            score = tier + entry_static[entry] + (1.0 if entry_lang[entry] == lang else 0.0)
            length = entry_length[entry]
            current = best.get(concept_id)
            if (
                current is None
                or score > current[0]
                or (score == current[0] and length < current[1])
            ):
                best[concept_id] = (score, length, entry)
        ranked = heapq.nsmallest(
            limit, best.items(), key=lambda item: (-item[1][0], item[1][1], item[0])
        )
        hits = []
        for concept_id, (score, _, entry) in ranked:
            concept = self.concepts[concept_id]
            hits.append(
                SearchHit(
                    concept_id=concept_id,
                    uri=concept.uri,
                    type=concept.type,
                    preferred=concept.preferred,
                    in_vocabulary=concept.in_vocabulary,
                    matched=self.entry_text[entry],
                    matched_lang=self.entry_lang[entry],
                    matched_kind=self.entry_kind[entry],
                    score=round(score, 2),
                    exact=entry in exact_entries,
                )
            )
        return hits


_lock = threading.Lock()
_index: ConceptIndex | None = None
_index_key: tuple | None = None


def _current_key() -> tuple:
    versions = TaxonomyVersion._meta.db_table
    concepts = Concept._meta.db_table
    labels = ConceptLabel._meta.db_table
    # Names come from model metadata, not from input.
    sql = (
        f"SELECT (SELECT MAX(loaded_at) FROM {versions}),"  # noqa: S608
        f" (SELECT MAX(id) FROM {concepts}),"
        f" (SELECT uri FROM {concepts} ORDER BY id DESC LIMIT 1),"
        f" (SELECT MAX(id) FROM {labels}),"
        f" (SELECT text FROM {labels} ORDER BY id DESC LIMIT 1)"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql)
        row = cursor.fetchone()
    return tuple(row) if row else ()


def _build() -> ConceptIndex:
    # Queries are lemmatised in every language: keep the dictionary loading out of the first.
    load_dictionaries()
    concepts = Concept.objects.values(
        "id", "uri", "type", "preferred", "in_vocabulary", "reuse_level", "status"
    ).iterator(chunk_size=5000)
    labels = ConceptLabel.objects.values_list(
        "concept_id", "lang", "kind", "text", "normalized"
    ).iterator(chunk_size=10000)
    return ConceptIndex(concepts, labels)


def get_index() -> ConceptIndex:
    """The current index, rebuilt first if the taxonomy changed since it was built."""
    global _index, _index_key
    key = _current_key()
    index = _index
    if index is not None and _index_key == key:
        return index
    with _lock:
        if _index is None or _index_key != key:
            _index = _build()
            _index_key = key
        return _index


def invalidate() -> None:
    """Forget this process's index; the next search rebuilds it."""
    global _index, _index_key
    with _lock:
        _index = None
        _index_key = None


def concept_index_search(
    query: str,
    *,
    lang: str = "fi",
    types: Iterable[str] = (),
    limit: int = 10,
    include_obsolete: bool = False,
) -> list[SearchHit]:
    """Search without a permission check: for services and form fields (views use
    `selectors.concept_search`)."""
    return get_index().search(
        query, lang=lang, types=types, limit=limit, include_obsolete=include_obsolete
    )
