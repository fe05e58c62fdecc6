"""A concept source read from the shipped vocabulary's CSV files (kohtaanto/taxonomy/vocabulary).

The Finnish benchmark runs the engine on exactly the vocabulary a fresh install loads, without
a database. The format is described in that folder's README; ids are positions in the files.
"""

import csv
import os
from collections.abc import Hashable, Iterator
from pathlib import Path

from kohtaanto.extraction.sources import ConceptRecord, RelationRecord

DEFAULT_FOLDER = Path(__file__).resolve().parent.parent / "taxonomy" / "vocabulary"
FILES = ("skills.csv", "occupations.csv", "requirements.csv")
LANGS = ("fi", "sv", "en")


class VocabularySource:
    def __init__(self, folder: str | Path = DEFAULT_FOLDER) -> None:
        self.folder = Path(folder)
        missing = [name for name in FILES if not (self.folder / name).exists()]
        if missing:
            raise FileNotFoundError(f"{self.folder}: missing {', '.join(missing)}")

    def fingerprint(self) -> Hashable:
        return tuple(os.stat(self.folder / name).st_mtime_ns for name in FILES)

    def concepts(self) -> Iterator[ConceptRecord]:
        number = 0
        for name in FILES:
            with (self.folder / name).open(encoding="utf-8", newline="") as handle:
                for row in csv.DictReader(handle):
                    type_ = row.get("type") or "requirement"
                    record = ConceptRecord(
                        number, row["uri"], type_, {}, evidences=row.get("esco_uri") or ""
                    )
                    for lang in LANGS:
                        preferred = (row.get(lang) or "").strip()
                        if preferred:
                            record.preferred[lang] = preferred
                            record.labels.append((lang, "pref", preferred))
                        for alt in (row.get(f"{lang}_alt") or "").split("|"):
                            if alt.strip():
                                record.labels.append((lang, "alt", alt.strip()))
                    number += 1
                    yield record

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())
