"""The checks of an ESCO download, file by file: concepts and their labels, the hierarchy, ISCO
codes, the relations, and the checksum of what was read."""

import hashlib
from collections.abc import Iterable, Iterator
from pathlib import Path

from kohtaanto.common.errors import RowError
from kohtaanto.taxonomy.esco_files.csv_files import CsvFile, ErrorList, split_labels
from kohtaanto.taxonomy.esco_files.records import (
    ESCO_URI,
    MAX_LABEL_LENGTH,
    RELATION_TYPES,
    SKILL_TYPES,
    ConceptRecord,
    Progress,
)
from kohtaanto.taxonomy.models import ConceptType, LabelKind, RelationKind


class EscoReader:
    """One read of a download folder: each step checks one file and gathers its concepts or
    relations; every problem goes to `errors`, relation rows to unknown concepts to `dangling`."""

    def __init__(
        self, folder: Path, languages: list[str], skip_dangling: bool, progress: Progress
    ) -> None:
        self.folder = folder
        self.languages = languages
        self.skip_dangling = skip_dangling
        self.progress = progress
        self.errors = ErrorList()
        self.concepts: dict[str, ConceptRecord] = {}
        self.relations: set[tuple[str, str, str]] = set()
        self.file_rows: dict[str, int] = {}
        # Relation rows whose concept no concept file defines.
        self.dangling: list[RowError] = []
        self.paths: list[Path] = []

    # Files --------------------------------------------------------------------------------
    def _open(
        self, names: list[str], required: Iterable[str], optional: bool = False
    ) -> CsvFile | None:
        for name in names:
            path = self.folder / name
            if path.is_file():
                self.paths.append(path)
                return CsvFile(path, required, self.errors)
        if not optional:
            self.errors.add(names[0], None, "", f"file missing from {self.folder}")
        return None

    def _relation_file(
        self, base: str, required: Iterable[str], optional: bool = False
    ) -> CsvFile | None:
        names = [f"{base}.csv"] + [f"{base}_{lang}.csv" for lang in self.languages]
        return self._open(names, required, optional)

    def _rows(self, csv_file: CsvFile) -> Iterator[tuple[int, dict[str, str]]]:
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
            for text in split_labels(row.get(column, "")):
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
