"""Ranking mode: which concepts a long descriptive text is about, named or not.

Label matching finds what a text names. A CV summary or an occupation description also implies
skills it does not name word for word; the ranker scores every concept against the whole text
with a sparse TF-IDF model over three fields of the concept — preferred label, other labels and
description — stemmed with Snowball, plus how much of a label the text covers.

score(concept) = prior(reuse level) × (w_pref·cos(q, pref) + w_alt·cos(q, alt)
                 + w_desc·cos(q, desc) + w_cover·cover²)

where cos is the cosine of TF-IDF vectors (sub-linear term frequencies, one IDF over concepts)
and cover is the IDF-weighted share of the preferred label's stems that occur in the text.
The weights and priors are tuned on the `random300` subset of the ESCO proxy benchmark
(bench/extraction_esco.py), never on its other rows.

Texts are ranked in batches: one sparse matrix product per field for many texts at once.
"""

import math
import re
import threading
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from typing import NamedTuple, cast

import numpy as np
import Stemmer
from scipy import sparse

try:  # the routine behind scipy's sparse product (see `_product`)
    from scipy.sparse._sparsetools import csr_matmat
except ImportError:  # pragma: no cover - a scipy that moved it: its public product instead
    csr_matmat = None

from kohtaanto.extraction.sources import ConceptRecord

_STEMMER_NAMES = {"fi": "finnish", "sv": "swedish", "en": "english"}
_WORD = re.compile(r"[^\W_]+")
# Latin-1 bytes: a letter or digit (what `_WORD` takes) stays, anything else becomes a space.
_LATIN1_WORD_BYTES = bytes(code if chr(code).isalnum() else 0x20 for code in range(256))
# Words that carry no skill of their own. "taito" (a skill, any skill) is among them: the
# Finnish stemmer reads it and "taitto" (layout, folding) as one stem.
_STOP = {
    "en": """a an the and or nor of to in on for with by from as at is are was were be been
        being this that these those their its it they them he she his her we you your our
        other such may can could might must should would will which who whom whose what
        into about using use used including include includes various etc eg ie per also
        well not no any all some each both more most than then there here so if when where
        while within without through across up down out over under between among via""",
    "fi": """ja tai sekä että on ovat oli ollut olla ei se ne he hän me te sinä minä joka jotka
        jonka joiden mikä kuten myös kuin jos kun niin mutta vaan tämä nämä siitä sen sitä
        niiden heidän meidän teidän mm esim yms ym eli tms voi voivat
        taito taidot taitoa taidon taitoja taitojen taidosta taidoista taidolla taidoilla
        taidossa taidoissa taitoon taitoihin""",
    "sv": """och eller samt att är var varit vara inte den det de han hon vi ni du jag som
        vilken vilket vilka av på i för med till från om hos även också men utan så när
        där en ett denna detta dessa deras dess sin sitt sina t ex bl a kan""",
}
STOP_WORDS = {lang: frozenset(words.split()) for lang, words in _STOP.items()}
STEM_CACHE_LIMIT = 200_000
# A small taxonomy (the shipped vocabulary) has no stems common enough to drop.
MIN_COMMON_DF = 100


@dataclass(frozen=True)
class RankConfig:
    """Weights of the score; defaults tuned on ESCO random300 (see the module docstring)."""

    pref: float = 1.0
    alt: float = 0.5
    desc: float = 1.0
    cover: float = 0.1
    # ESCO reuse level: transversal skills ("work in teams") are rarely what a text is about,
    # occupation-specific ones need their occupation's words.
    prior: dict[str, float] = field(
        default_factory=lambda: {
            "transversal": 0.5,
            "occupation-specific": 0.9,
            "cross-sector": 1.05,
        }
    )
    top_k: int = 16
    min_score: float = 0.05
    # Stems in more than this share of the concepts ("manage", "use", "work") say little about
    # which concept is meant and cost the most to score; they only count towards label cover.
    # (0.06 until 4.5 % was found 7 % faster at the same quality: bench/README.md, round 7.)
    max_df: float = 0.045

    @property
    def best_score(self) -> float:
        return self.pref + self.alt + self.desc + self.cover


class Analyzer:
    """Folded, stop-word-free, Snowball-stemmed words of one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.stop = STOP_WORDS.get(lang, frozenset())
        self._stemmer = Stemmer.Stemmer(_STEMMER_NAMES.get(lang, "english"))
        self._lock = threading.Lock()  # a PyStemmer object is not thread-safe
        self._stems: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._stems.get(word)
        if stem is None:
            with self._lock:
                if len(self._stems) >= STEM_CACHE_LIMIT:
                    self._stems.clear()  # a long-running server sees ever new words
                stem = self._stems[word] = str(self._stemmer.stemWord(word))
        return stem

    def words(self, text: str) -> list[str]:
        """The text's folded words, stop words and all."""
        return folded_words(text)

    def __call__(self, text: str) -> list[str]:
        stop = self.stop
        stems = self._stems
        result = []
        for word in self.words(text):
            if len(word) < 2 or word in stop:
                continue
            result.append(stems.get(word) or self.stem(word))
        return result


def folded_words(text: str) -> list[str]:
    """The text's words (runs of letters and digits), NFC-normalised and case-folded."""
    if not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    try:
        data = text.encode("latin-1")
    except UnicodeEncodeError:
        return _WORD.findall(text)
    # Within Latin-1 (English, and Finnish or Swedish without a dash, a euro sign or curly
    # quotes) the same words by a byte table: what `_WORD` finds, without its search per word.
    return data.translate(_LATIN1_WORD_BYTES).decode("latin-1").split()


def _tf(counts: Counter[int]) -> tuple[list[int], list[float]]:
    keys = list(counts)
    return keys, [1.0 + math.log(counts[key]) for key in keys]


# Sub-linear term frequency 1 + ln(count) of the counts a text can hold, looked up in batches.
_TF_TABLE = np.array([0.0] + [1.0 + math.log(count) for count in range(1, 1024)])
NOT_IN_VOCABULARY = -1
_INT32_LIMIT = int(np.iinfo(np.int32).max)  # the product's index arrays are 32-bit


class SkillRanker:
    """TF-IDF fields of every concept in one language; immutable after construction."""

    def __init__(
        self, records: Sequence[ConceptRecord], lang: str, config: RankConfig | None = None
    ) -> None:
        self.lang = lang
        self.config = config or RankConfig()
        self.analyzer = Analyzer(lang)
        self._columns: dict[str, int] = {}  # folded word → column of its stem
        self.ids = np.array([record.id for record in records], dtype=np.int64)
        self.vocabulary: dict[str, int] = {}
        fields: dict[str, list[list[str]]] = {"pref": [], "alt": [], "desc": []}
        for record in records:
            pref = [text for lang_, kind, text in record.labels if lang_ == lang and kind == "pref"]
            other = [
                text for lang_, kind, text in record.labels if lang_ == lang and kind != "pref"
            ]
            fields["pref"].append(self.analyzer(" ".join(pref)))
            fields["alt"].append(self.analyzer(" ".join(other)))
            fields["desc"].append(self.analyzer(record.descriptions.get(lang, "")))
        for stems_list in fields.values():
            for stems in stems_list:
                for stem in stems:
                    self.vocabulary.setdefault(stem, len(self.vocabulary))
        size = (len(records), len(self.vocabulary))
        counts = {
            name: [Counter(self.vocabulary[s] for s in stems) for stems in stems_list]
            for name, stems_list in fields.items()
        }
        presence = sparse.csr_matrix(size, dtype=np.float64)
        raw = {name: self._matrix(rows, size) for name, rows in counts.items()}
        for matrix in raw.values():
            presence = presence + (matrix > 0).astype(np.float64)
        document_frequency = np.asarray((presence > 0).sum(axis=0)).ravel()
        self.idf = np.log((1 + size[0]) / (1 + document_frequency)) + 1.0
        weighted = {
            name: _normalize_rows(matrix @ sparse.diags(self.idf)) for name, matrix in raw.items()
        }
        # The score is linear in the query: one matrix of weighted fields, one product per batch.
        self.matrix = sparse.csr_matrix(
            (
                self.config.pref * weighted["pref"]
                + self.config.alt * weighted["alt"]
                + self.config.desc * weighted["desc"]
            ).T
        )
        prior = np.array([self.config.prior.get(r.reuse_level, 1.0) for r in records])
        scale = prior / self.config.best_score
        # Prior and scale are folded into the matrices; the cover term is squared after the
        # product, so its columns carry the square root of its factor.
        common_from = max(self.config.max_df * size[0], MIN_COMMON_DF)
        common = (document_frequency > common_from).astype(np.float64)
        self.matrix = sparse.csr_matrix(
            sparse.diags(1.0 - common) @ self.matrix @ sparse.diags(scale)
        )
        self.matrix.eliminate_zeros()
        self.cover_matrix = sparse.csr_matrix(
            self._cover(fields["pref"], size).T @ sparse.diags(np.sqrt(self.config.cover * scale))
        )
        # For `top(..., min_evidence=2)`: each concept's stems that score or name it, and its
        # preferred label's stems alone (concepts × stems, sorted) with their number.
        label_stems = sparse.csr_matrix(self.cover_matrix.T != 0)
        self._evidence = sparse.csr_matrix((self.matrix.T != 0) + label_stems)
        self._label_stems = label_stems
        for matrix in (self._evidence, self._label_stems):
            matrix.sort_indices()
        self._label_size = np.diff(label_stems.indptr)
        # Both products in one: the query's weights as real numbers over the rows of `matrix`,
        # and its stems' presence as imaginary units over the rows of `cover_matrix` below
        # them. Real times real is real and i times real imaginary, so the product's real part
        # is the weighted score and its imaginary part the label cover, each the same sum of
        # the same terms in the same order as two products of their own.
        self._stacked = sparse.csr_matrix(
            sparse.vstack([self.matrix, self.cover_matrix]), dtype=np.complex128
        )
        self._stacked_row_sizes = np.diff(self._stacked.indptr)
        self._positions = {concept_id: i for i, concept_id in enumerate(self.ids.tolist())}

    def _matrix(self, rows: list[Counter[int]], size: tuple[int, int]) -> sparse.csr_matrix:
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for counts in rows:
            keys, values = _tf(counts)
            indices += keys
            data += values
            indptr.append(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=size)

    def _cover(self, labels: list[list[str]], size: tuple[int, int]) -> sparse.csr_matrix:
        """Each concept's preferred label as IDF shares of its stems, summing to 1."""
        indptr = [0]
        indices: list[int] = []
        data: list[float] = []
        for stems in labels:
            unique = sorted({self.vocabulary[s] for s in stems})
            total = float(self.idf[unique].sum()) or 1.0
            indices += unique
            data += [float(self.idf[i]) / total for i in unique]
            indptr.append(len(indices))
        return sparse.csr_matrix((data, indices, indptr), shape=size)

    def column(self, word: str) -> int:
        """The column of a folded word's stem (`NOT_IN_VOCABULARY` for stop words, short words
        and stems no concept has), remembered."""
        column = NOT_IN_VOCABULARY
        if len(word) >= 2 and word not in self.analyzer.stop:
            column = self.vocabulary.get(self.analyzer.stem(word), NOT_IN_VOCABULARY)
        if len(self._columns) >= STEM_CACHE_LIMIT:
            self._columns.clear()  # a long-running server sees ever new words
        self._columns[word] = column
        return column

    def evidenced_by(self, concept_id: int, terms: Sequence[str], min_evidence: int = 2) -> bool:
        """Whether `min_evidence` of `terms` (each the words of one source word, as the word
        bridge gives them) share a stem with the concept, or together hold its whole preferred
        label: `top`'s evidence counted in source words, so that one Swedish word bridged to
        two English ones ("maskin" → "machine machinery") stays one word of evidence."""
        position = self._positions[concept_id]
        evidence = self._evidence
        stems = set(evidence.indices[evidence.indptr[position] : evidence.indptr[position + 1]])
        by_term = [
            {column for word in self.analyzer.words(term) if (column := self.column(word)) >= 0}
            for term in terms
        ]
        if sum(1 for columns in by_term if columns & stems) >= min_evidence:
            return True
        labels = self._label_stems
        label = set(labels.indices[labels.indptr[position] : labels.indptr[position + 1]])
        return bool(label) and label <= set().union(*by_term)

    def query(
        self, texts: Sequence[str], words: Sequence[list[str]] | None = None
    ) -> sparse.csr_matrix:
        """The texts' unit-length TF-IDF rows over the ranker's stems (from their
        `folded_words` where the caller has them)."""
        columns = self._columns
        indptr = [0]
        indices: list[int] = []
        counts: list[int] = []
        for text_words in words if words is not None else map(folded_words, texts):
            # None only for words not seen before; they are counted again below
            found = cast("Counter[int]", Counter(map(columns.get, text_words)))
            if None in found:
                found = Counter(
                    column if (column := columns.get(word)) is not None else self.column(word)
                    for word in text_words
                )
            found.pop(NOT_IN_VOCABULARY, None)
            indices += found.keys()
            counts += found.values()
            indptr.append(len(indices))
        columns_seen = np.array(indices, dtype=np.int64)
        counted = np.array(counts, dtype=np.int64)
        if len(counted) and counted.max() >= len(_TF_TABLE):
            frequency = np.array([1.0 + math.log(count) for count in counts])
        else:
            frequency = _TF_TABLE[counted]
        matrix = sparse.csr_matrix(
            (frequency * self.idf[columns_seen], columns_seen, indptr),
            shape=(len(texts), len(self.vocabulary)),
        )
        return _normalize_rows(matrix)

    def top(
        self, texts: Sequence[str], k: int | None = None, *, min_evidence: int = 1
    ) -> list[list[tuple[int, float]]]:
        """The best k concepts of each text as (concept id, score 0..1), best first."""
        ids, scores, bounds = self.top_arrays(texts, k, min_evidence=min_evidence)
        found = list(zip(ids.tolist(), scores.tolist(), strict=True))
        return [found[start:end] for start, end in pairwise(bounds)]

    def top_arrays(
        self,
        texts: Sequence[str],
        k: int | None = None,
        *,
        min_evidence: int = 1,
        words: Sequence[list[str]] | None = None,
    ) -> tuple[np.ndarray, np.ndarray, list[int]]:
        """`top` as arrays: concept ids and scores, text n's best first in
        `[bounds[n]:bounds[n + 1]]`.

        `min_evidence` 2 keeps only concepts the text shares at least two stems with, or whose
        whole preferred label it contains: one word of a longer label ("programmering" of
        "programmering av fast programvara", "arbete" of "ergonomiskt arbete") says too little
        where the concepts are few or the text is a handful of bridged words. `words` are the
        texts' `folded_words`, where the caller has them."""
        k = k or self.config.top_k
        query = self.query(texts, words)
        product = _product(self._with_presence(query), self._stacked, self._stacked_row_sizes)
        # A concept whose label the text covers shares a stem with it, so it has a score unless
        # all shared stems are common ones (max_df); its cover alone would stay under
        # min_score then, and such a concept is left out as one with no score at all.
        # (Column numbers as numpy's own index type: each row's look-ups need no conversion.)
        columns = product.indices.astype(np.intp)
        weighted = product.data.real
        values = weighted + product.data.imag**2
        bounds = product.indptr.tolist()
        # Only scores that can be kept take part in the choice of the best k.
        keep = np.flatnonzero(values >= self.config.min_score)
        keep = keep[weighted[keep] != 0.0]
        if min_evidence > 1 and len(keep):
            keep = keep[self._evidenced(query, bounds, columns, keep, min_evidence)]
        keep_bounds = np.searchsorted(keep, bounds).tolist()
        negative = -values
        chosen = []
        for row in range(len(texts)):
            kept = keep[keep_bounds[row] : keep_bounds[row + 1]]
            # (array methods rather than numpy's functions: no dispatch per row)
            if len(kept) > k:
                kept = kept[negative[kept].argpartition(k - 1)[:k]]
            chosen.append(kept[negative[kept].argsort(kind="stable")])
        positions = np.concatenate(chosen) if chosen else keep[:0]
        bounds = np.cumsum([0] + [len(row_chosen) for row_chosen in chosen]).tolist()
        return self.ids[columns[positions]], values[positions], bounds

    def _with_presence(self, query: sparse.csr_matrix) -> sparse.csr_matrix:
        """Each query row followed by its stems' presence as imaginary units, in the columns of
        `cover_matrix`'s rows in `_stacked` (see there)."""
        lengths = np.diff(query.indptr)
        indptr = 2 * query.indptr
        rows = np.repeat(np.arange(len(lengths)), lengths)
        # an entry's place in its row: its query weight there, its presence after the row's
        # weights
        weight_at = query.indptr[rows] + np.arange(query.nnz)
        presence_at = weight_at + lengths[rows]
        indices = np.empty(2 * query.nnz, dtype=query.indices.dtype)
        data = np.empty(2 * query.nnz, dtype=np.complex128)
        indices[weight_at] = query.indices
        indices[presence_at] = query.indices + query.shape[1]
        data[weight_at] = query.data
        data[presence_at] = 1j
        return sparse.csr_matrix(
            (data, indices, indptr), shape=(query.shape[0], 2 * query.shape[1])
        )

    def _evidenced(
        self,
        present: sparse.csr_matrix,
        bounds: list[int],
        columns: np.ndarray,
        keep: np.ndarray,
        min_evidence: int,
    ) -> np.ndarray:
        """Which of the `keep` entries of the scores have enough evidence (see `top_arrays`)."""
        rows = np.searchsorted(bounds, keep, side="right") - 1
        concepts = columns[keep]
        # The texts' stems as sorted keys row × width + stem (a row holds each stem once).
        width = present.shape[1]
        in_text = np.repeat(np.arange(present.shape[0]) * width, np.diff(present.indptr))
        in_text = np.sort(in_text + present.indices)
        shared = _stems_in_text(self._evidence, rows, concepts, in_text, width)
        named = _stems_in_text(self._label_stems, rows, concepts, in_text, width)
        size = self._label_size[concepts]
        return (shared >= min_evidence) | ((size > 0) & (named >= size))


class _Product(NamedTuple):
    """The arrays of a CSR matrix product (see `_product`)."""

    indptr: np.ndarray
    indices: np.ndarray
    data: np.ndarray


def _product(a: sparse.csr_matrix, b: sparse.csr_matrix, b_row_sizes: np.ndarray) -> _Product:
    """`a @ b` for CSR matrices: the same entries in the same order as scipy's product.

    scipy's product first counts the entries of the result in a pass of its own over both
    matrices; here the result's arrays are sized by an upper bound from the sizes of the rows
    of `b` that `a` uses, and the product itself is computed in one pass by the same routine.
    """
    rows, width = a.shape[0], b.shape[1]
    bound = min(int(b_row_sizes[a.indices].sum()), rows * width)
    if csr_matmat is None or max(bound, a.nnz, b.nnz) >= _INT32_LIMIT:
        product = sparse.csr_matrix(a @ b)
        return _Product(product.indptr, product.indices, product.data)
    indptr = np.empty(rows + 1, dtype=np.int32)
    indices = np.empty(bound, dtype=np.int32)
    data = np.empty(bound, dtype=b.dtype)
    csr_matmat(
        rows,
        width,
        np.asarray(a.indptr, dtype=np.int32),
        np.asarray(a.indices, dtype=np.int32),
        np.asarray(a.data, dtype=b.dtype),
        np.asarray(b.indptr, dtype=np.int32),
        np.asarray(b.indices, dtype=np.int32),
        np.asarray(b.data),
        indptr,
        indices,
        data,
    )
    size = int(indptr[-1])
    return _Product(indptr, indices[:size], data[:size])


def _stems_in_text(
    stems: sparse.csr_matrix,
    rows: np.ndarray,
    concepts: np.ndarray,
    in_text: np.ndarray,
    width: int,
) -> np.ndarray:
    """How many of concept `concepts[i]`'s stems (rows of `stems`) text `rows[i]` has."""
    starts = stems.indptr[concepts]
    lengths = stems.indptr[concepts + 1] - starts
    owner = np.repeat(np.arange(len(concepts)), lengths)
    first = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    keys = rows[owner] * width + stems.indices[first + np.arange(len(owner))]
    at = np.minimum(np.searchsorted(in_text, keys), max(len(in_text) - 1, 0))
    found = in_text[at] == keys if len(in_text) else np.zeros(len(keys), dtype=bool)
    return np.bincount(owner[found], minlength=len(concepts))


def _normalize_rows(matrix: sparse.spmatrix) -> sparse.csr_matrix:
    """Rows scaled to unit length (empty rows stay empty)."""
    matrix = sparse.csr_matrix(matrix, dtype=np.float64, copy=True)
    lengths = np.diff(matrix.indptr)
    rows = np.repeat(np.arange(matrix.shape[0]), lengths)
    norms = np.sqrt(np.bincount(rows, weights=matrix.data**2, minlength=matrix.shape[0]))
    norms[norms == 0] = 1.0
    matrix.data /= np.repeat(norms, lengths)
    return matrix
