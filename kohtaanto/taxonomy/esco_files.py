"""Reading and validating the official ESCO CSV download (v1.1/v1.2 layout), without the database.

A folder holds one or more language packs:

  skills_<lang>.csv, occupations_<lang>.csv, skillGroups_<lang>.csv, ISCOGroups_<lang>.csv,
  skillsHierarchy_<lang>.csv                                  (labels per language)
  occupationSkillRelations.csv, skillSkillRelations.csv,
  broaderRelationsSkillPillar.csv, broaderRelationsOccPillar.csv
                                                              (language-independent; the
                                                              `_<lang>` spelling is accepted too)

Alternative and hidden labels are newline-separated inside quoted cells. Every file is checked
before anything is written: missing files or columns, broken CSV, URIs that are not ESCO URIs,
unknown ISCO codes and relations whose concepts are not in the download are reported with file,
line and reason (`ImportRejectedError`).

ESCO v1.1.1 itself refers to one occupation that its occupation file leaves out (68 relation
rows). `skip_dangling=True` skips such relation rows instead of refusing the import and lists
them in `EscoDataset.skipped`.
"""

import csv
import hashlib
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.taxonomy.models import ConceptType, LabelKind, RelationKind

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


class _Errors:
    def __init__(self) -> None:
        self.items: list[RowError] = []

    def add(self, file: str, line: int | None, column: str, reason: str) -> None:
        self.items.append(RowError(line=line, field=column, reason=reason, file=file))

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ERRORS


def detect_languages(folder: Path) -> list[str]:
    """Languages whose skills_<lang>.csv is in the folder, English first."""
    found = sorted(p.stem.split("_", 1)[1] for p in folder.glob("skills_*.csv"))
    return sorted(found, key=lambda lang: (lang != "en", lang))


class _CsvFile:
    """Rows of one CSV file as dicts, with the line each record starts on."""

    def __init__(self, path: Path, required: Iterable[str], errors: _Errors) -> None:
        self.path = path
        self.name = path.name
        self.required = list(required)
        self.errors = errors
        self.rows = 0

    def records(self, progress: Progress) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            with self.path.open(encoding="utf-8-sig", newline="") as handle:
                reader = csv.reader(handle, strict=True)
                yield from self._records(reader, progress)
        except UnicodeDecodeError as exc:
            self.errors.add(self.name, None, "", f"not UTF-8 text ({exc.reason})")

    def _records(self, reader: Any, progress: Progress) -> Iterator[tuple[int, dict[str, str]]]:
        try:
            header = next(reader, None)
            if header is None:
                self.errors.add(self.name, 1, "", "the file is empty")
                return
            header = [h.strip() for h in header]
            missing = [c for c in self.required if c not in header]
            for column in missing:
                self.errors.add(self.name, 1, column, "column missing")
            if missing:
                return
            width = len(header)
            start = reader.line_num + 1
            for row in progress(reader, desc=self.name, unit=" rows"):
                line, start = start, reader.line_num + 1
                if not row or (len(row) == 1 and not row[0].strip()):
                    continue
                if len(row) > width:
                    self.errors.add(
                        self.name, line, "", f"{len(row)} fields, the header has {width}"
                    )
                    if self.errors.full:
                        return
                    continue
                self.rows += 1
                # ESCO leaves trailing empty cells out on some rows (skillsHierarchy).
                yield line, dict(zip(header, row + [""] * (width - len(row)), strict=True))
                if self.errors.full:
                    return
        except csv.Error as exc:
            self.errors.add(self.name, reader.line_num, "", f"broken CSV: {exc}")


def _labels(cell: str) -> list[str]:
    return [label.strip() for label in cell.splitlines() if label.strip()]


class _Reader:
    def __init__(
        self, folder: Path, languages: list[str], skip_dangling: bool, progress: Progress
    ) -> None:
        self.folder = folder
        self.languages = languages
        self.skip_dangling = skip_dangling
        self.progress = progress
        self.errors = _Errors()
        self.concepts: dict[str, ConceptRecord] = {}
        self.relations: set[tuple[str, str, str]] = set()
        self.file_rows: dict[str, int] = {}
        # Relation rows whose concept no concept file defines.
        self.dangling: list[RowError] = []
        self.paths: list[Path] = []

    # Files --------------------------------------------------------------------------------
    def _open(
        self, names: list[str], required: Iterable[str], optional: bool = False
    ) -> _CsvFile | None:
        for name in names:
            path = self.folder / name
            if path.is_file():
                self.paths.append(path)
                return _CsvFile(path, required, self.errors)
        if not optional:
            self.errors.add(names[0], None, "", f"file missing from {self.folder}")
        return None

    def _relation_file(
        self, base: str, required: Iterable[str], optional: bool = False
    ) -> _CsvFile | None:
        names = [f"{base}.csv"] + [f"{base}_{lang}.csv" for lang in self.languages]
        return self._open(names, required, optional)

    def _rows(self, csv_file: _CsvFile) -> Iterator[tuple[int, dict[str, str]]]:
        yield from csv_file.records(self.progress)
        self.file_rows[csv_file.name] = csv_file.rows

    # Concepts -----------------------------------------------------------------------------
    def _uri(self, file: str, line: int, column: str, value: str) -> str | None:
        uri = value.strip()
        if not ESCO_URI.match(uri):
            self.errors.add(file, line, column, f"not an ESCO URI: {value!r}")
            return None
        return uri

    def _concept(
        self, file: str, line: int, uri: str, concept_type: str, lang: str
    ) -> ConceptRecord | None:
        record = self.concepts.get(uri)
        if record is None:
            record = ConceptRecord(uri=uri, type=concept_type, file=file, line=line)
            self.concepts[uri] = record
            return record
        if record.file == file:
            self.errors.add(file, line, "conceptUri", f"{uri} appears twice (line {record.line})")
            return None
        if record.type != concept_type:
            self.errors.add(
                file,
                line,
                "conceptUri",
                f"{uri} is a {record.type} in {record.file} line {record.line}",
            )
            return None
        return record

    def _add_labels(
        self, record: ConceptRecord, file: str, line: int, lang: str, row: dict[str, str]
    ) -> None:
        columns = (
            ("preferredLabel", LabelKind.PREFERRED),
            ("altLabels", LabelKind.ALTERNATIVE),
            ("hiddenLabels", LabelKind.HIDDEN),
        )
        for column, kind in columns:
            for text in _labels(row.get(column, "")):
                if len(text) > MAX_LABEL_LENGTH:
                    self.errors.add(file, line, column, f"label longer than {MAX_LABEL_LENGTH}")
                    continue
                record.labels.add((lang, kind.value, text))
        description = row.get("description", "").strip()
        if description:
            record.descriptions[lang] = description

    def read_concept_file(self, base: str, lang: str) -> None:
        required = {
            "skills": (
                "conceptUri",
                "skillType",
                "reuseLevel",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "description",
            ),
            "occupations": (
                "conceptUri",
                "iscoGroup",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "description",
                "code",
            ),
            "skillGroups": (
                "conceptUri",
                "preferredLabel",
                "altLabels",
                "hiddenLabels",
                "status",
                "description",
                "code",
            ),
            "ISCOGroups": (
                "conceptUri",
                "code",
                "preferredLabel",
                "altLabels",
                "status",
                "description",
            ),
        }[base]
        csv_file = self._open([f"{base}_{lang}.csv"], required)
        if csv_file is None:
            return
        name = csv_file.name
        for line, row in self._rows(csv_file):
            uri = self._uri(name, line, "conceptUri", row["conceptUri"])
            if uri is None:
                continue
            if base == "skills":
                skill_type = row["skillType"].strip()
                if skill_type not in SKILL_TYPES:
                    self.errors.add(name, line, "skillType", f"unknown skill type {skill_type!r}")
                    continue
                concept_type: str = SKILL_TYPES[skill_type]
            else:
                concept_type = {
                    "occupations": ConceptType.OCCUPATION,
                    "skillGroups": ConceptType.SKILL_GROUP,
                    "ISCOGroups": ConceptType.ISCO_GROUP,
                }[base]
            record = self._concept(name, line, uri, concept_type, lang)
            if record is None:
                continue
            record.status = row["status"].strip() or "released"
            record.reuse_level = row.get("reuseLevel", "").strip()
            record.code = row.get("code", "").strip()
            if base == "occupations":
                record.isco_code = row["iscoGroup"].strip()
            self._add_labels(record, name, line, lang, row)

    def read_hierarchy(self, lang: str) -> None:
        """skillsHierarchy adds the skill groups that skillGroups_<lang>.csv leaves out."""
        levels = range(4)
        required = [f"Level {i} {part}" for i in levels for part in ("URI", "preferred term")]
        csv_file = self._open([f"skillsHierarchy_{lang}.csv"], required)
        if csv_file is None:
            return
        name = csv_file.name
        for line, row in self._rows(csv_file):
            parent: str | None = None
            for level in levels:
                column = f"Level {level} URI"
                if not row[column].strip():
                    break
                uri = self._uri(name, line, column, row[column])
                if uri is None:
                    break
                record = self.concepts.get(uri)
                if record is None:
                    record = ConceptRecord(
                        uri=uri,
                        type=ConceptType.SKILL_GROUP,
                        file=name,
                        line=line,
                        code=row.get(f"Level {level} code", "").strip(),
                        from_hierarchy=True,
                    )
                    self.concepts[uri] = record
                if record.from_hierarchy:
                    term = row[f"Level {level} preferred term"].strip()
                    if term:
                        record.labels.add((lang, LabelKind.PREFERRED.value, term))
                if parent is not None:
                    self.relations.add((uri, parent, RelationKind.BROADER.value))
                parent = uri

    # Relations ----------------------------------------------------------------------------
    def _endpoint(
        self, file: str, line: int, column: str, value: str, types: set[str] | None
    ) -> str | None:
        uri = self._uri(file, line, column, value)
        if uri is None:
            return None
        record = self.concepts.get(uri)
        if record is None:
            self.dangling.append(
                RowError(line=line, field=column, reason=f"unknown concept {uri}", file=file)
            )
            return None
        if types is not None and record.type not in types:
            self.errors.add(file, line, column, f"{uri} is a {record.type}")
            return None
        return uri

    def _relation_type(self, file: str, line: int, value: str) -> str | None:
        relation_type = value.strip()
        if relation_type not in RELATION_TYPES:
            self.errors.add(file, line, "relationType", f"unknown relation type {value!r}")
            return None
        return relation_type

    def read_relations(self) -> None:
        self.read_occupation_skill_relations()
        self.read_skill_pillar_relations()
        self.read_broader_relations("broaderRelationsOccPillar")

    def read_occupation_skill_relations(self) -> None:
        skills = {ConceptType.SKILL.value, ConceptType.KNOWLEDGE.value}
        occupations = {ConceptType.OCCUPATION.value}
        csv_file = self._relation_file(
            "occupationSkillRelations", ("occupationUri", "relationType", "skillUri")
        )
        if csv_file is None:
            return
        for line, row in self._rows(csv_file):
            kind = self._relation_type(csv_file.name, line, row["relationType"])
            source = self._endpoint(
                csv_file.name, line, "occupationUri", row["occupationUri"], occupations
            )
            target = self._endpoint(csv_file.name, line, "skillUri", row["skillUri"], skills)
            if kind and source and target:
                self.relations.add((source, target, f"occ_{kind}"))

    def read_skill_pillar_relations(self, optional: bool = False) -> None:
        """Skill-to-skill relations and the skill pillar's broader relations."""
        skills = {ConceptType.SKILL.value, ConceptType.KNOWLEDGE.value}
        csv_file = self._relation_file(
            "skillSkillRelations", ("originalSkillUri", "relationType", "relatedSkillUri"), optional
        )
        if csv_file is not None:
            for line, row in self._rows(csv_file):
                kind = self._relation_type(csv_file.name, line, row["relationType"])
                source = self._endpoint(
                    csv_file.name, line, "originalSkillUri", row["originalSkillUri"], skills
                )
                target = self._endpoint(
                    csv_file.name, line, "relatedSkillUri", row["relatedSkillUri"], skills
                )
                if kind and source and target:
                    self.relations.add((source, target, f"skill_{kind}"))
        self.read_broader_relations("broaderRelationsSkillPillar", optional)

    def read_broader_relations(self, base: str, optional: bool = False) -> None:
        csv_file = self._relation_file(base, ("conceptUri", "broaderUri"), optional)
        if csv_file is None:
            return
        for line, row in self._rows(csv_file):
            source = self._endpoint(csv_file.name, line, "conceptUri", row["conceptUri"], None)
            target = self._endpoint(csv_file.name, line, "broaderUri", row["broaderUri"], None)
            if source and target:
                self.relations.add((source, target, RelationKind.BROADER.value))

    def check_isco_codes(self) -> None:
        isco_codes = {
            c.code for c in self.concepts.values() if c.type == ConceptType.ISCO_GROUP and c.code
        }
        for record in self.concepts.values():
            if record.type == ConceptType.OCCUPATION and record.isco_code not in isco_codes:
                self.errors.add(
                    record.file,
                    record.line,
                    "iscoGroup",
                    f"no ISCO group with code {record.isco_code!r} in ISCOGroups",
                )

    def checksum(self) -> str:
        digest = hashlib.sha256()
        for path in sorted(self.paths):
            digest.update(path.name.encode())
            with path.open("rb") as handle:
                for chunk in iter(lambda: handle.read(1 << 20), b""):
                    digest.update(chunk)
        return digest.hexdigest()


def esco_read(
    folder: Path,
    *,
    languages: list[str] | None = None,
    skip_dangling: bool = False,
    progress: Progress = no_progress,
) -> EscoDataset:
    """Read and check an ESCO download folder; raise ImportRejectedError listing every problem."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportRejectedError([RowError(None, "", "not a folder", file=str(folder))])
    languages = languages or detect_languages(folder)
    if not languages:
        raise ImportRejectedError(
            [RowError(None, "", "no skills_<lang>.csv in the folder", file=str(folder))]
        )
    reader = _Reader(folder, languages, skip_dangling, progress)
    steps: list[Callable[[], None]] = []
    for lang in languages:
        steps += [
            partial(reader.read_concept_file, base, lang)
            for base in ("ISCOGroups", "skillGroups", "skills", "occupations")
        ]
        steps.append(partial(reader.read_hierarchy, lang))
    # Relations are checked only against complete concept files: otherwise one missing file
    # would bury its own error under thousands of "unknown concept" ones.
    for step in [*steps, reader.check_isco_codes, reader.read_relations]:
        if reader.errors.items and step == reader.read_relations:
            break
        if reader.errors.full:
            break
        step()
    if reader.errors.items:
        raise ImportRejectedError(reader.errors.items[:MAX_ERRORS])
    if reader.dangling and not skip_dangling:
        errors = reader.dangling[:MAX_DANGLING_LISTED]
        if len(reader.dangling) > MAX_DANGLING_LISTED:
            uris = sorted({e.reason.rsplit(" ", 1)[-1] for e in reader.dangling})
            listed = ", ".join(uris[:10]) + (" …" if len(uris) > 10 else "")
            errors.append(
                RowError(
                    None, "", f"{len(reader.dangling) - len(errors)} more rows; concepts: {listed}"
                )
            )
        raise DanglingReferencesError(errors, rows=len(reader.dangling))
    return EscoDataset(
        languages=languages,
        concepts=reader.concepts,
        relations=reader.relations,
        file_rows=reader.file_rows,
        skipped=reader.dangling,
        checksum=reader.checksum(),
    )


def esco_read_concepts(
    folder: Path,
    *,
    bases: Iterable[str] = ("skills", "occupations"),
    languages: list[str] | None = None,
    progress: Progress = no_progress,
) -> EscoDataset:
    """Only the named concept files of a download (skills, occupations, skillGroups,
    ISCOGroups) and, where present, the skill pillar's own relations: what the extraction
    engine and its benchmarks need, without the files an import requires besides.

    Every file read is checked as `esco_read` checks it (columns, CSV, URIs, labels) and a
    problem refuses the whole read with ImportRejectedError. Relation rows whose concept is in
    no file read (a broader skill group, say) are skipped and listed in `skipped`.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise ImportRejectedError([RowError(None, "", "not a folder", file=str(folder))])
    languages = languages or detect_languages(folder)
    if not languages:
        raise ImportRejectedError(
            [RowError(None, "", "no skills_<lang>.csv in the folder", file=str(folder))]
        )
    reader = _Reader(folder, languages, skip_dangling=True, progress=progress)
    for lang in languages:
        for base in bases:
            if not reader.errors.full:
                reader.read_concept_file(base, lang)
    if not reader.errors.items:
        reader.read_skill_pillar_relations(optional=True)
    if reader.errors.items:
        raise ImportRejectedError(reader.errors.items[:MAX_ERRORS])
    return EscoDataset(
        languages=languages,
        concepts=reader.concepts,
        relations=reader.relations,
        file_rows=reader.file_rows,
        skipped=reader.dangling,
        checksum=reader.checksum(),
    )
