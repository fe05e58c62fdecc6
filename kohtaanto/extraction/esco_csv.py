"""A concept source read straight from ESCO's CSV download (any set of language packs).

Benchmarks and batch jobs can run the engine on full ESCO without importing it into the
database first. Concept ids are positions in the files, stable for one folder. Only the skill
pillar's own relations are read; occupation→skill relations are never touched.
"""

import csv
import os
from collections.abc import Hashable, Iterator
from pathlib import Path

from kohtaanto.extraction.sources import ConceptRecord, RelationRecord

_SKILL_TYPES = {"skill/competence": "skill", "knowledge": "knowledge"}


class EscoCsvSource:
    def __init__(self, folder: str | Path, *, occupations: bool = True) -> None:
        self.folder = Path(folder)
        self.occupations = occupations
        if not any(self.folder.glob("skills_*.csv")):
            raise FileNotFoundError(f"{self.folder}: no skills_<lang>.csv files")
        self._records: list[ConceptRecord] | None = None

    def _files(self, stem: str) -> list[tuple[str, Path]]:
        return sorted(
            (path.stem.rsplit("_", 1)[1], path) for path in self.folder.glob(f"{stem}_*.csv")
        )

    def fingerprint(self) -> Hashable:
        return tuple(
            (path.name, os.stat(path).st_mtime_ns) for path in sorted(self.folder.glob("*.csv"))
        )

    def concepts(self) -> Iterator[ConceptRecord]:
        if self._records is None:
            self._records = self._read()
        yield from self._records

    def _read(self) -> list[ConceptRecord]:
        records: dict[str, ConceptRecord] = {}
        kinds = [("skills", None)] + ([("occupations", "occupation")] if self.occupations else [])
        for stem, fixed_type in kinds:
            for lang, path in self._files(stem):
                with path.open(encoding="utf-8", newline="") as handle:
                    for row in csv.DictReader(handle):
                        if row.get("status", "released") != "released":
                            continue
                        uri = row["conceptUri"]
                        record = records.get(uri)
                        if record is None:
                            type_ = fixed_type or _SKILL_TYPES.get(
                                row.get("skillType", ""), "skill"
                            )
                            record = ConceptRecord(
                                len(records),
                                uri,
                                type_,
                                {},
                                reuse_level=row.get("reuseLevel", ""),
                                in_vocabulary=False,
                            )
                            records[uri] = record
                        _add_language(record, lang, row)
        return list(records.values())

    def relations(self) -> Iterator[RelationRecord]:
        ids = {record.uri: record.id for record in self.concepts()}
        path = self.folder / "skillSkillRelations.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    source, target = (
                        ids.get(row["originalSkillUri"]),
                        ids.get(row["relatedSkillUri"]),
                    )
                    if source is not None and target is not None:
                        yield RelationRecord(source, target, f"skill_{row['relationType']}")
        path = self.folder / "broaderRelationsSkillPillar.csv"
        if path.exists():
            with path.open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    source, target = ids.get(row["conceptUri"]), ids.get(row["broaderUri"])
                    if source is not None and target is not None:
                        yield RelationRecord(source, target, "broader")


def _add_language(record: ConceptRecord, lang: str, row: dict[str, str]) -> None:
    preferred = row.get("preferredLabel", "").strip()
    if preferred:
        record.preferred[lang] = preferred
        record.labels.append((lang, "pref", preferred))
    for column, kind in (("altLabels", "alt"), ("hiddenLabels", "hidden")):
        for label in (row.get(column) or "").split("\n"):
            label = label.strip()
            if label and label != preferred:
                record.labels.append((lang, kind, label))
    description = (row.get("description") or "").strip()
    if description:
        record.descriptions[lang] = description
