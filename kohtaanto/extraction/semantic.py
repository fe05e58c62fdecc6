"""The optional semantic stage: sentence embeddings for sentences no label matches.

Enabled by `settings.EXTRACTION_MODEL_PATH` (environment KOHTAANTO_EXTRACTION_MODEL): a local
sentence-transformers model folder. Nothing is downloaded; the `semantic` extra installs
sentence-transformers (and torch). Without a model, or without the package, the engine works
lexically and says so once in the log.

A sentence like "I join steel parts with an electric arc" names no label but lies close to
"welding" in the embedding space: each concept's labels in the sentence's language (preferred
label, and alternative labels) are embedded once per language, and a sentence gets the concepts
whose best label is at least `threshold` similar.
"""

import logging
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from kohtaanto.extraction.sources import ConceptRecord

logger = logging.getLogger(__name__)

THRESHOLD = 0.4  # cosine similarity (all-MiniLM-L6-v2 scale); below it neighbours are noise
TOP_K = 3  # a sentence is about a few concepts at most
MAX_LABELS_PER_CONCEPT = 4


class SemanticStage:
    """Label embeddings of one model; immutable per language once built, safe across threads."""

    def __init__(
        self,
        model: Any,
        records: Sequence[ConceptRecord],
        *,
        threshold: float = THRESHOLD,
        top_k: int = TOP_K,
    ) -> None:
        self.model = model
        self.records = list(records)
        self.threshold = threshold
        self.top_k = top_k
        self._tables: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_path(cls, path: str, records: Sequence[ConceptRecord]) -> "SemanticStage | None":
        """The stage for a model folder, or None (logged) when it cannot be loaded."""
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError:
            logger.warning(
                "EXTRACTION_MODEL_PATH is set but sentence-transformers is not installed "
                "(pip install 'kohtaanto[semantic]'); extraction stays lexical."
            )
            return None
        try:
            model = SentenceTransformer(path, device="cpu", local_files_only=True)
        except (OSError, ValueError) as error:
            logger.warning("Cannot load the extraction model %s (%s); lexical only.", path, error)
            return None
        return cls(model, records)

    def _table(self, lang: str) -> tuple[np.ndarray, np.ndarray]:
        """(concept id of each label row, unit-length label embeddings) for one language."""
        table = self._tables.get(lang)
        if table is not None:
            return table
        with self._lock:
            table = self._tables.get(lang)
            if table is None:
                owners: list[int] = []
                texts: list[str] = []
                for record in self.records:
                    labels = [
                        t for lang_, kind, t in record.labels if lang_ == lang and kind != "hidden"
                    ]
                    for text in labels[:MAX_LABELS_PER_CONCEPT]:
                        owners.append(record.id)
                        texts.append(text)
                vectors = self._encode(texts) if texts else np.zeros((0, 1), dtype=np.float32)
                table = (np.array(owners, dtype=np.int64), vectors)
                self._tables[lang] = table
        return table

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        vectors = self.model.encode(
            list(texts), normalize_embeddings=True, convert_to_numpy=True, batch_size=64
        )
        return np.asarray(vectors, dtype=np.float32)

    def match(self, sentences: Sequence[str], lang: str) -> list[list[tuple[int, float]]]:
        """For each sentence, (concept id, similarity) of its closest concepts, best first."""
        owners, labels = self._table(lang)
        if not len(sentences) or not len(owners):
            return [[] for _ in sentences]
        similarity = self._encode(sentences) @ labels.T
        result = []
        for row in similarity:
            best: dict[int, float] = {}
            for column in np.argsort(-row):
                score = float(row[column])
                if score < self.threshold or len(best) == self.top_k:
                    break
                concept_id = int(owners[column])
                best.setdefault(concept_id, score)
            result.append(sorted(best.items(), key=lambda item: -item[1]))
        return result
