"""A concept source read from the shipped vocabulary's CSV files (kohtaanto/taxonomy/vocabulary).

The Finnish benchmark runs the engine on exactly the vocabulary a fresh install loads, without
a database. The format is described in that folder's README; ids are positions in the files.
"""

import os
from collections.abc import Hashable, Iterator
from pathlib import Path

from kohtaanto.extraction.sources import ConceptRecord, RelationRecord
from kohtaanto.taxonomy.vocabulary_files import FILES, LANGUAGES, VOCABULARY_DIR, vocabulary_read

DEFAULT_FOLDER = VOCABULARY_DIR
LANGS = LANGUAGES
_KIND_ORDER = {"pref": 0, "alt": 1, "hidden": 2}


class VocabularySource:
    """The vocabulary as the taxonomy's own reader reads and checks it (one reader for the
    format): a broken file is refused here as in `load-vocabulary`."""

    def __init__(self, folder: str | Path = DEFAULT_FOLDER) -> None:
        self.folder = Path(folder)
        missing = [name for name in FILES if not (self.folder / name).exists()]
        if missing:
            raise FileNotFoundError(f"{self.folder}: missing {', '.join(missing)}")

    def fingerprint(self) -> Hashable:
        return tuple(os.stat(self.folder / name).st_mtime_ns for name in FILES)

    def concepts(self) -> Iterator[ConceptRecord]:
        vocabulary = vocabulary_read(self.folder)
        for number, record in enumerate(vocabulary.records.values()):
            concept = ConceptRecord(
                number,
                record.uri,
                record.type,
                {},
                evidences=record.esco_uri,
                domain=record.domain,
            )
            # Labels in a stable order: by language as the files list them, preferred first.
            for lang, kind, text in sorted(
                record.labels,
                key=lambda label: (LANGS.index(label[0]), _KIND_ORDER[label[1]], label[2]),
            ):
                if kind == "pref":
                    concept.preferred[lang] = text
                concept.labels.append((lang, kind, text))
            yield concept

    def relations(self) -> Iterator[RelationRecord]:
        return iter(())
