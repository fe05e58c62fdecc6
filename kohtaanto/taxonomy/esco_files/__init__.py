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

The package: `records` (what a read gives back, the limits), `csv_files` (one file as rows),
`reader` (the checks, file by file); here the two reads built from them.
"""

from collections.abc import Callable, Iterable
from functools import partial
from pathlib import Path

from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.taxonomy.esco_files.csv_files import detect_languages
from kohtaanto.taxonomy.esco_files.reader import EscoReader
from kohtaanto.taxonomy.esco_files.records import (
    ESCO_URI,
    MAX_DANGLING_LISTED,
    MAX_ERRORS,
    MAX_LABEL_LENGTH,
    RELATION_TYPES,
    SKILL_TYPES,
    ConceptRecord,
    DanglingReferencesError,
    EscoDataset,
    Progress,
    no_progress,
)


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
    reader = EscoReader(folder, languages, skip_dangling, progress)
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
    reader = EscoReader(folder, languages, skip_dangling=True, progress=progress)
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


__all__ = [
    "ESCO_URI",
    "MAX_DANGLING_LISTED",
    "MAX_ERRORS",
    "MAX_LABEL_LENGTH",
    "RELATION_TYPES",
    "SKILL_TYPES",
    "ConceptRecord",
    "DanglingReferencesError",
    "EscoDataset",
    "Progress",
    "detect_languages",
    "esco_read",
    "esco_read_concepts",
    "no_progress",
]
