"""Reading and validating the shipped fi/sv/en vocabulary (`kohtaanto/taxonomy/vocabulary/`).

  skills.csv, occupations.csv   uri,type,domain,fi,fi_alt,sv,sv_alt,en,en_alt
  requirements.csv              uri,kind,validity_months,fi,fi_alt,sv,sv_alt,en,en_alt,esco_uri

`type` is skill, knowledge or occupation; `kind` one of RequirementKind; `*_alt` hold alternative
labels separated by `|`; `validity_months` is a whole number or empty (does not expire).
Skills and occupations carry the ESCO URI they correspond to (or `urn:kohtaanto:<type>:<slug>`
for the few that ESCO lacks); requirements are `urn:kohtaanto:requirement:<slug>`. Every concept
needs a Finnish and an English preferred label.
"""

import csv
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.taxonomy.esco_files import ESCO_URI, MAX_ERRORS, MAX_LABEL_LENGTH
from kohtaanto.taxonomy.models import ConceptType, LabelKind, RequirementKind

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabulary"
# ESCO's relations between the vocabulary's occupations and skills: occupation_uri, relation
# (essential or optional), skill_uri. Written by bench/matching_occupation_skills.py.
OCCUPATION_SKILLS = "occupation_skills.csv"
LANGUAGES = ("fi", "sv", "en")
LABEL_COLUMNS = [c for lang in LANGUAGES for c in (lang, f"{lang}_alt")]
CONCEPT_COLUMNS = ["uri", "type", "domain", *LABEL_COLUMNS]
REQUIREMENT_COLUMNS = ["uri", "kind", "validity_months", *LABEL_COLUMNS, "esco_uri"]
FILES = {
    "skills.csv": CONCEPT_COLUMNS,
    "occupations.csv": CONCEPT_COLUMNS,
    "requirements.csv": REQUIREMENT_COLUMNS,
}
CONCEPT_TYPES = {
    ConceptType.SKILL.value,
    ConceptType.KNOWLEDGE.value,
    ConceptType.OCCUPATION.value,
}
OWN_URI = re.compile(
    r"^urn:kohtaanto:(skill|knowledge|occupation|requirement):[a-z0-9][a-z0-9._-]*$"
)
MAX_VALIDITY_MONTHS = 600


@dataclass
class VocabularyRecord:
    uri: str
    type: str
    file: str
    line: int
    domain: str = ""
    requirement_kind: str = ""
    validity_months: int | None = None
    esco_uri: str = ""
    labels: set[tuple[str, str, str]] = field(default_factory=set)


@dataclass
class Vocabulary:
    records: dict[str, VocabularyRecord]
    checksum: str


def _labels(record: VocabularyRecord, row: dict[str, str]) -> None:
    for lang in LANGUAGES:
        preferred = row[lang].strip()
        if preferred:
            record.labels.add((lang, LabelKind.PREFERRED.value, preferred))
        for text in row[f"{lang}_alt"].split("|"):
            text = text.strip()
            if text and text != preferred:
                record.labels.add((lang, LabelKind.ALTERNATIVE.value, text))


def _check_row(name: str, line: int, row: dict[str, str], errors: list[RowError]) -> str | None:
    """The concept type of a valid row; appends the row's problems to `errors`."""

    def error(column: str, reason: str) -> None:
        errors.append(RowError(line=line, field=column, reason=reason, file=name))

    before = len(errors)
    uri = row["uri"].strip()
    if name == "requirements.csv":
        concept_type = ConceptType.REQUIREMENT.value
        match = OWN_URI.match(uri)
        if not match or match.group(1) != "requirement":
            error("uri", f"not a urn:kohtaanto:requirement:<slug> URI: {uri!r}")
        if row["kind"].strip() not in RequirementKind.values:
            error("kind", f"unknown kind {row['kind']!r}; one of {', '.join(RequirementKind)}")
        months = row["validity_months"].strip()
        if months and not (months.isdigit() and 1 <= int(months) <= MAX_VALIDITY_MONTHS):
            error("validity_months", f"not a number of months: {months!r}")
        esco_uri = row["esco_uri"].strip()
        if esco_uri and not ESCO_URI.match(esco_uri):
            error("esco_uri", f"not an ESCO URI: {esco_uri!r}")
    else:
        concept_type = row["type"].strip()
        if concept_type not in CONCEPT_TYPES:
            error("type", f"unknown type {concept_type!r}; one of skill, knowledge, occupation")
        if not (ESCO_URI.match(uri) or OWN_URI.match(uri)):
            error("uri", f"not an ESCO URI nor urn:kohtaanto:<type>:<slug>: {uri!r}")
        if len(row["domain"].strip()) > 60:
            error("domain", "longer than 60 characters")
    for lang in ("fi", "en"):
        if not row[lang].strip():
            error(lang, "preferred label missing")
    for column in LABEL_COLUMNS:
        if any(len(t.strip()) > MAX_LABEL_LENGTH for t in row[column].split("|")):
            error(column, f"label longer than {MAX_LABEL_LENGTH}")
    return concept_type if len(errors) == before else None


def vocabulary_read(folder: Path = VOCABULARY_DIR) -> Vocabulary:
    """Read and check the vocabulary files; raise ImportRejectedError listing every problem."""
    folder = Path(folder)
    errors: list[RowError] = []
    records: dict[str, VocabularyRecord] = {}
    digest = hashlib.sha256()
    for name, columns in FILES.items():
        path = folder / name
        if not path.is_file():
            errors.append(RowError(None, "", f"file missing from {folder}", file=name))
            continue
        raw = path.read_bytes()
        digest.update(name.encode() + raw)
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            errors.append(RowError(None, "", f"not UTF-8 text ({exc.reason})", file=name))
            continue
        reader = csv.reader(text.splitlines(keepends=True), strict=True)
        try:
            header = [h.strip() for h in next(reader, [])]
            missing = [c for c in columns if c not in header]
            for column in missing:
                errors.append(RowError(1, column, "column missing", file=name))
            if missing:
                continue
            start = reader.line_num + 1
            for cells in reader:
                line, start = start, reader.line_num + 1
                if not any(c.strip() for c in cells):
                    continue
                if len(cells) != len(header):
                    errors.append(
                        RowError(line, "", f"{len(cells)} fields, header has {len(header)}", name)
                    )
                    continue
                row = dict(zip(header, cells, strict=True))
                concept_type = _check_row(name, line, row, errors)
                if concept_type is None:
                    continue
                uri = row["uri"].strip()
                if uri in records:
                    first = records[uri]
                    errors.append(
                        RowError(
                            line, "uri", f"{uri} already in {first.file} line {first.line}", name
                        )
                    )
                    continue
                record = VocabularyRecord(uri=uri, type=concept_type, file=name, line=line)
                if concept_type == ConceptType.REQUIREMENT:
                    record.requirement_kind = row["kind"].strip()
                    months = row["validity_months"].strip()
                    record.validity_months = int(months) if months else None
                    record.esco_uri = row["esco_uri"].strip()
                else:
                    record.domain = row["domain"].strip()
                _labels(record, row)
                records[uri] = record
        except csv.Error as exc:
            errors.append(RowError(reader.line_num, "", f"broken CSV: {exc}", file=name))
        if len(errors) >= MAX_ERRORS:
            break
    if errors:
        raise ImportRejectedError(errors[:MAX_ERRORS])
    return Vocabulary(records=records, checksum=digest.hexdigest())
