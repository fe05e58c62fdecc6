"""What reading an ESCO download gives back (concept records, the dataset, the refusal of
dangling relations) and the limits and codes a read checks against."""

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.taxonomy.models import ConceptType

T = TypeVar("T")
Progress = Callable[..., Iterable[Any]]

ESCO_URI = re.compile(r"^https?://data\.europa\.eu/esco/[A-Za-z0-9-]+/[A-Za-z0-9._-]+$")
MAX_ERRORS = 50
MAX_DANGLING_LISTED = 20
MAX_LABEL_LENGTH = 500

SKILL_TYPES = {"": ConceptType.SKILL, "skill/competence": ConceptType.SKILL}
SKILL_TYPES["knowledge"] = ConceptType.KNOWLEDGE
RELATION_TYPES = {"essential", "optional"}


def no_progress(iterable: Iterable[T], **kwargs: Any) -> Iterable[T]:
    return iterable


@dataclass
class ConceptRecord:
    """One concept as the download describes it, with its labels in every language read."""

    uri: str
    type: str
    file: str
    line: int
    reuse_level: str = ""
    code: str = ""
    isco_code: str = ""
    status: str = "released"
    # Skill groups that only skillsHierarchy names (ESCO v1.1.1 has seven).
    from_hierarchy: bool = False
    # {(lang, kind, text)}; kind is a LabelKind value.
    labels: set[tuple[str, str, str]] = field(default_factory=set)
    descriptions: dict[str, str] = field(default_factory=dict)


@dataclass
class EscoDataset:
    languages: list[str]
    concepts: dict[str, ConceptRecord]
    # (source URI, target URI, RelationKind value)
    relations: set[tuple[str, str, str]]
    # Data rows per file name, for checking the imported counts against the files.
    file_rows: dict[str, int]
    skipped: list[RowError]
    checksum: str

    def count(self, concept_type: str) -> int:
        return sum(1 for c in self.concepts.values() if c.type == concept_type)

    def relation_count(self, kind: str) -> int:
        return sum(1 for r in self.relations if r[2] == kind)


class DanglingReferencesError(ImportRejectedError):
    """Every problem found is a relation to a concept the download does not define."""

    def __init__(self, errors: list[RowError], rows: int) -> None:
        super().__init__(errors)
        self.rows = rows
        self.message = (
            f"{rows} relation row(s) refer to concepts in no concept file; nothing was imported."
        )
