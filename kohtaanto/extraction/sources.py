"""Where the engine reads its concepts from.

The engine only needs concepts with their labels (and, for ranking, descriptions and
relations). `DatabaseSource` reads the taxonomy tables; `EscoCsvSource` (an ESCO download
folder) and `vocabulary_csv.VocabularySource` (the shipped vocabulary) let benchmarks and batch
jobs run the same engine without a database. Both read their files through the taxonomy's own
readers (`taxonomy.esco_files`, `taxonomy.vocabulary_files`), the ones the imports use: one
reader per file format.
"""

import os
from collections.abc import Hashable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

# Concept types the engine reports; groups are navigation aids, not things a person has.
EXTRACTED_TYPES = ("skill", "knowledge", "occupation", "requirement")


@dataclass(slots=True)
class ConceptRecord:
    id: int
    uri: str
    type: str
    preferred: dict[str, str]
    labels: list[tuple[str, str, str]] = field(default_factory=list)  # (lang, kind, text)
    descriptions: dict[str, str] = field(default_factory=dict)
    # ESCO reuse level: "transversal", "cross-sector", "sector-specific", "occupation-specific".
    reuse_level: str = ""
    # A requirement card's ESCO skill: finding the card implies the skill it evidences.
    evidences: str = ""
    # Part of the shipped vocabulary; a concept only the imported ESCO has is offered for
    # confirmation rather than taken as found.
    in_vocabulary: bool = True
    # The shipped vocabulary's subject area ("languages", "welding", …); "" for ESCO-only ones.
    domain: str = ""

    def label(self, lang: str) -> str:
        for candidate in (lang, "fi", "en", "sv"):
            if self.preferred.get(candidate):
                return self.preferred[candidate]
        return self.uri


@dataclass(frozen=True, slots=True)
class RelationRecord:
    source_id: int
    target_id: int
    kind: str  # skill_essential | skill_optional | broader


class ConceptSource(Protocol):
    def fingerprint(self) -> Hashable:
        """Changes whenever the concepts or labels change; the index is rebuilt then."""
        ...

    def concepts(self) -> Iterator[ConceptRecord]:
        """Every concept of EXTRACTED_TYPES with its labels and descriptions."""
        ...

    def relations(self) -> Iterator[RelationRecord]:
        """Skill-to-skill and broader relations (never occupation-to-skill ones)."""
        ...


class DatabaseSource:
    """The taxonomy tables: the shipped vocabulary on a fresh install, ESCO once imported."""

    def fingerprint(self) -> Hashable:
        """Counts and highest ids of concepts and labels, the first and last concept URI and
        the last import time.

        Cheap enough to ask on every call (index-only aggregates). The URIs tell apart two
        taxonomies of the same size whose ids were reused (a rolled-back transaction, a deleted
        last row in SQLite). It misses an edit that keeps every count, id and URI, e.g. a
        label's text changed in place outside an import; whoever makes such an edit calls
        `Engine.invalidate()`.
        """
        from django.db.models import Count, Max, Min

        from kohtaanto.taxonomy.models import Concept, ConceptLabel, TaxonomyVersion

        labels = ConceptLabel.objects.aggregate(n=Count("id"), last=Max("id"))
        concepts = Concept.objects.aggregate(
            n=Count("id"), last=Max("id"), first_uri=Min("uri"), last_uri=Max("uri")
        )
        loaded = TaxonomyVersion.objects.aggregate(last=Max("loaded_at"))["last"]
        return (labels["n"], labels["last"], *concepts.values(), loaded)

    def concepts(self) -> Iterator[ConceptRecord]:
        from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptStatus

        records: dict[int, ConceptRecord] = {}
        rows = Concept.objects.filter(
            type__in=EXTRACTED_TYPES, status=ConceptStatus.RELEASED
        ).values_list(
            "id",
            "uri",
            "type",
            "preferred",
            "descriptions",
            "reuse_level",
            "esco_uri",
            "in_vocabulary",
            "domain",
        )
        for (
            id_,
            uri,
            type_,
            preferred,
            descriptions,
            reuse_level,
            esco_uri,
            in_vocabulary,
            domain,
        ) in rows.iterator(chunk_size=5000):
            records[id_] = ConceptRecord(
                id_,
                uri,
                type_,
                dict(preferred or {}),
                [],
                dict(descriptions or {}),
                reuse_level,
                esco_uri,
                in_vocabulary,
                domain,
            )
        # Concepts that a newer ESCO version no longer has are kept for references, not matched.
        labels = ConceptLabel.objects.filter(
            concept__type__in=EXTRACTED_TYPES, concept__status=ConceptStatus.RELEASED
        ).values_list("concept_id", "lang", "kind", "text")
        for concept_id, lang, kind, text in labels.iterator(chunk_size=10000):
            records[concept_id].labels.append((lang, kind, text))
        yield from records.values()

    def relations(self) -> Iterator[RelationRecord]:
        from kohtaanto.taxonomy.models import ConceptRelation

        rows = ConceptRelation.objects.filter(
            kind__in=("skill_essential", "skill_optional", "broader")
        ).values_list("source_id", "target_id", "kind")
        for source_id, target_id, kind in rows.iterator(chunk_size=10000):
            yield RelationRecord(source_id, target_id, kind)


_KIND_ORDER = {"pref": 0, "alt": 1, "hidden": 2}


class EscoCsvSource:
    """A concept source read straight from ESCO's CSV download (any set of language packs),
    through the taxonomy's ESCO reader (`taxonomy.esco_files.esco_read_concepts`): the files
    are checked as `import-esco` checks them.

    Skills, knowledge and (unless `occupations=False`) occupations with every label and
    description; released concepts only. Concept ids are positions in the files, stable for one
    folder. Only the skill pillar's own relations are read.
    """

    def __init__(self, folder: str | Path, *, occupations: bool = True) -> None:
        self.folder = Path(folder)
        self.occupations = occupations
        if not any(self.folder.glob("skills_*.csv")):
            raise FileNotFoundError(f"{self.folder}: no skills_<lang>.csv files")
        self._records: list[ConceptRecord] | None = None
        self._relations: list[RelationRecord] = []

    def fingerprint(self) -> Hashable:
        # asked before every extraction: one directory read, no path objects
        with os.scandir(self.folder) as entries:
            return tuple(
                sorted(
                    (entry.name, entry.stat().st_mtime_ns)
                    for entry in entries
                    if entry.name.endswith(".csv")
                )
            )

    def concepts(self) -> Iterator[ConceptRecord]:
        if self._records is None:
            self._read()
        yield from self._records or []

    def relations(self) -> Iterator[RelationRecord]:
        if self._records is None:
            self._read()
        return iter(self._relations)

    def _read(self) -> None:
        from kohtaanto.taxonomy.esco_files import esco_read_concepts

        bases = ("skills", "occupations") if self.occupations else ("skills",)
        dataset = esco_read_concepts(self.folder, bases=bases)
        records: list[ConceptRecord] = []
        ids: dict[str, int] = {}
        for uri, concept in dataset.concepts.items():
            if concept.status != "released" or concept.type not in EXTRACTED_TYPES:
                continue
            record = ConceptRecord(
                len(records),
                uri,
                concept.type,
                {},
                descriptions=dict(concept.descriptions),
                reuse_level=concept.reuse_level,
                in_vocabulary=False,
            )
            # A stable order (the reader keeps labels in a set): preferred first.
            for lang, kind, text in sorted(
                concept.labels, key=lambda label: (label[0], _KIND_ORDER[label[1]], label[2])
            ):
                if kind == "pref":
                    record.preferred[lang] = text
                record.labels.append((lang, kind, text))
            ids[uri] = record.id
            records.append(record)
        self._relations = [
            RelationRecord(ids[source], ids[target], kind)
            for source, target, kind in sorted(dataset.relations)
            if source in ids and target in ids
        ]
        self._records = records
