"""Writes to the taxonomy: the ESCO import and the shipped-vocabulary loader (concepts and
the occupation→skill relations shipped with them).

Both read and check their files completely before the first write, then write in one
transaction (all or nothing), compare with what is stored and write only the differences, so
that a second run with the same files changes nothing. Neither ever deletes a concept row:
references from profiles, vacancies and trainings stay valid across versions.
"""

import csv
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import connection, transaction

from kohtaanto.audit.services import audit_event_record
from kohtaanto.common.errors import ImportRejectedError, RowError
from kohtaanto.taxonomy import search
from kohtaanto.taxonomy.esco_files import EscoDataset, Progress, esco_read, no_progress
from kohtaanto.taxonomy.importer import ConceptStore, SyncCounts
from kohtaanto.taxonomy.models import (
    Concept,
    ConceptRelation,
    ConceptStatus,
    ConceptType,
    RelationKind,
    TaxonomyVersion,
)
from kohtaanto.taxonomy.vocabulary_files import (
    LANGUAGES as VOCABULARY_LANGUAGES,
)
from kohtaanto.taxonomy.vocabulary_files import (
    OCCUPATION_SKILLS,
    VOCABULARY_DIR,
    Vocabulary,
    vocabulary_read,
)

ESCO_SOURCE = "esco"
VOCABULARY_SOURCE = "kohtaanto"
_VERSION_IN_PATH = re.compile(r"v\d+(?:\.\d+)+")
# Any fixed number, the same in every process: identifies the taxonomy's advisory lock.
TAXONOMY_LOCK_KEY = 7_303_001


@dataclass
class EscoImportResult:
    version: TaxonomyVersion
    dataset: EscoDataset
    counts: SyncCounts
    obsoleted: int = 0
    skipped: list[RowError] = field(default_factory=list)


@dataclass
class VocabularyLoadResult:
    version: TaxonomyVersion
    vocabulary: Vocabulary
    counts: SyncCounts
    obsoleted: int = 0
    relations_created: int = 0


def _merge_languages(current: str, languages: list[str] | tuple[str, ...]) -> str:
    return ",".join(sorted({*filter(None, current.split(",")), *languages}))


def _lock_taxonomy() -> None:
    """Serialise taxonomy writers until the transaction ends.

    Each import compares the files with the state it loaded; a second import running at the
    same time would compare with a stale state. PostgreSQL: a transaction-level advisory lock.
    SQLite needs none: its write transactions start IMMEDIATE (settings) and so run one at a
    time already.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [TAXONOMY_LOCK_KEY])


def _esco_version_ids() -> set[int]:
    return set(TaxonomyVersion.objects.filter(source=ESCO_SOURCE).values_list("id", flat=True))


def _record_version(
    *,
    actor: Any,
    version: TaxonomyVersion,
    action: str,
    languages: str,
    checksum: str,
    counts: SyncCounts,
    obsoleted: int,
) -> None:
    """Stamp the version (its `loaded_at` tells the search index to rebuild) and audit it."""
    changes: dict[str, list[Any]] = {
        name: [None, value] for name, value in counts.as_dict().items() if value
    }
    if obsoleted:
        changes["concepts_obsoleted"] = [None, obsoleted]
    if version.languages != languages:
        changes["languages"] = [version.languages, languages]
    version.languages = languages
    version.checksum = checksum
    version.save(update_fields=["languages", "checksum", "loaded_at"])
    audit_event_record(actor=actor, action=action, target=version, changes=changes)
    transaction.on_commit(search.invalidate)


def esco_import(
    *,
    actor: Any,
    path: Path,
    languages: list[str] | None = None,
    version: str = "",
    skip_dangling: bool = False,
    progress: Progress = no_progress,
) -> EscoImportResult:
    """Import an ESCO CSV download (one or more language packs) into the taxonomy.

    Invariants: concepts are matched by URI and updated in place; a concept that an earlier
    ESCO import brought and this one lacks is marked obsolete, not deleted; only the ESCO flag
    of labels in the imported languages is changed (the shipped vocabulary's labels stay);
    relations of ESCO concepts are replaced by the files'. Refuses the whole import
    (ImportRejectedError with file, line and reason) before writing anything if a file is
    missing or malformed. Side effects: a TaxonomyVersion row ("esco", version) and an audit
    event when anything changed; the search index is rebuilt after commit.
    """
    dataset = esco_read(
        Path(path), languages=languages, skip_dangling=skip_dangling, progress=progress
    )
    match = _VERSION_IN_PATH.search(str(path))
    label = version or (match.group(0) if match else f"sha256:{dataset.checksum[:12]}")
    with transaction.atomic():
        _lock_taxonomy()
        taxonomy_version, created = TaxonomyVersion.objects.get_or_create(
            source=ESCO_SOURCE, version=label
        )
        store = ConceptStore(progress)
        esco_versions = _esco_version_ids()
        previously_esco = {
            uri for uri, row in store.concepts.items() if row["version_id"] in esco_versions
        }
        isco_uri_by_code = {
            c.code: c.uri for c in dataset.concepts.values() if c.type == ConceptType.ISCO_GROUP
        }
        labels = {uri: record.labels for uri, record in dataset.concepts.items()}

        def fields(uri: str) -> dict[str, Any]:
            record = dataset.concepts[uri]
            existing = store.concepts.get(uri)
            descriptions = dict(existing["descriptions"]) if existing else {}
            for lang in dataset.languages:
                if record.descriptions.get(lang):
                    descriptions[lang] = record.descriptions[lang]
                else:
                    descriptions.pop(lang, None)
            values: dict[str, Any] = {
                "type": record.type,
                "reuse_level": record.reuse_level,
                "code": record.code,
                "status": record.status,
                "descriptions": descriptions,
                "version_id": taxonomy_version.pk,
            }
            if record.type == ConceptType.OCCUPATION:
                values["isco_group_id"] = store.id_of(isco_uri_by_code[record.isco_code])
            return values

        # ISCO groups first, so that new occupations are created with their group.
        for occupations in (False, True):
            new = {
                uri: fields(uri)
                for uri, record in dataset.concepts.items()
                if (record.type == ConceptType.OCCUPATION) == occupations
                and uri not in store.concepts
            }
            store.create(new, labels=labels, flag="in_esco")
        desired = {uri: fields(uri) for uri in dataset.concepts}
        gone = previously_esco - dataset.concepts.keys()
        obsoleted = sum(
            1 for uri in gone if store.concepts[uri]["status"] != ConceptStatus.OBSOLETE
        )
        desired.update({uri: {"status": ConceptStatus.OBSOLETE.value} for uri in gone})
        store.update(desired)
        touched = store.sync_labels(
            flag="in_esco", desired=labels, scope=dataset.concepts, languages=dataset.languages
        )
        store.refresh_preferred(touched)
        store.sync_relations(
            desired=dataset.relations, source_scope=previously_esco | dataset.concepts.keys()
        )
        if created or store.counts.changed:
            _record_version(
                actor=actor,
                version=taxonomy_version,
                action="taxonomy.esco_import",
                languages=_merge_languages(taxonomy_version.languages, dataset.languages),
                checksum=dataset.checksum,
                counts=store.counts,
                obsoleted=obsoleted,
            )
    return EscoImportResult(
        version=taxonomy_version,
        dataset=dataset,
        counts=store.counts,
        obsoleted=obsoleted,
        skipped=dataset.skipped,
    )


def vocabulary_load(
    *, actor: Any, folder: Path = VOCABULARY_DIR, progress: Progress = no_progress
) -> VocabularyLoadResult:
    """Load the shipped fi/sv/en vocabulary and requirement cards (works on an empty database).

    Invariants: concepts are matched by URI, so a vocabulary concept and the ESCO concept of the
    same URI are one row (in either loading order); the loader sets only its own fields
    (in_vocabulary, domain, requirement data) and its own label flag, and sets type and status
    only on concepts no ESCO import manages. A concept dropped from the files loses
    `in_vocabulary` and its vocabulary labels; if ESCO does not manage it either it is marked
    obsolete, never deleted. Refuses everything (ImportRejectedError) if any file is malformed.
    Side effects: a TaxonomyVersion row ("kohtaanto", checksum) and an audit event when
    anything changed; the search index is rebuilt after commit.
    """
    vocabulary = vocabulary_read(Path(folder))
    records = vocabulary.records
    with transaction.atomic():
        _lock_taxonomy()
        taxonomy_version, created = TaxonomyVersion.objects.get_or_create(
            source=VOCABULARY_SOURCE, version=vocabulary.checksum[:12]
        )
        store = ConceptStore(progress)
        esco_versions = _esco_version_ids()
        labels = {uri: record.labels for uri, record in records.items()}

        def fields(uri: str) -> dict[str, Any]:
            record = records[uri]
            values: dict[str, Any] = {
                "in_vocabulary": True,
                "domain": record.domain,
                "requirement_kind": record.requirement_kind,
                "validity_months": record.validity_months,
                "esco_uri": record.esco_uri,
            }
            existing = store.concepts.get(uri)
            if existing is None or existing["version_id"] not in esco_versions:
                values["type"] = record.type
                values["status"] = ConceptStatus.RELEASED.value
                values["version_id"] = taxonomy_version.pk
            return values

        store.create(
            {uri: fields(uri) for uri in records if uri not in store.concepts},
            labels=labels,
            flag="in_vocabulary",
        )
        desired = {uri: fields(uri) for uri in records}
        dropped = {
            uri
            for uri, row in store.concepts.items()
            if row["in_vocabulary"] and uri not in records
        }
        obsoleted = 0
        for uri in dropped:
            row = store.concepts[uri]
            desired[uri] = {"in_vocabulary": False, "domain": ""}
            if row["version_id"] not in esco_versions:
                desired[uri]["status"] = ConceptStatus.OBSOLETE.value
                obsoleted += row["status"] != ConceptStatus.OBSOLETE
        store.update(desired)
        touched = store.sync_labels(
            flag="in_vocabulary",
            desired=labels,
            scope=records.keys() | dropped,
            languages=VOCABULARY_LANGUAGES,
        )
        store.refresh_preferred(touched)
        relations = occupation_skills_load(folder=Path(folder))
        if created or store.counts.changed or relations:
            _record_version(
                actor=actor,
                version=taxonomy_version,
                action="taxonomy.vocabulary_load",
                languages=",".join(VOCABULARY_LANGUAGES),
                checksum=vocabulary.checksum,
                counts=store.counts,
                obsoleted=obsoleted,
            )
    return VocabularyLoadResult(
        version=taxonomy_version,
        vocabulary=vocabulary,
        counts=store.counts,
        obsoleted=obsoleted,
        relations_created=relations,
    )


RELATION_KINDS = {
    "essential": RelationKind.OCCUPATION_ESSENTIAL,
    "optional": RelationKind.OCCUPATION_OPTIONAL,
}


@transaction.atomic
def occupation_skills_load(*, folder: Path = VOCABULARY_DIR) -> int:
    """Create the shipped occupation→skill relations (`occupation_skills.csv` in `folder`, if
    there is one) whose two concepts exist; returns how many were new.

    Invariants: idempotent (a second run creates none); never deletes or changes a relation,
    so an ESCO import, whose relations these are, keeps them. A row naming an unknown relation
    refuses the whole file (ImportRejectedError) before anything is written.
    """
    path = folder / OCCUPATION_SKILLS
    if not path.exists():
        return 0
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    errors = [
        RowError(
            line=line,
            field="relation",
            reason=f"unknown relation {row.get('relation')!r}",
            file=OCCUPATION_SKILLS,
        )
        for line, row in enumerate(rows, start=2)
        if row.get("relation") not in RELATION_KINDS
    ]
    if errors:
        raise ImportRejectedError(errors)
    links = [(r["occupation_uri"], RELATION_KINDS[r["relation"]], r["skill_uri"]) for r in rows]
    uris = {u for o, _, s in links for u in (o, s)}
    ids = dict(Concept.objects.filter(uri__in=uris).values_list("uri", "pk"))
    wanted = {(ids[o], ids[s], kind) for o, kind, s in links if o in ids and s in ids}
    existing = set(
        ConceptRelation.objects.filter(
            source_id__in={o for o, _, _ in wanted}, kind__in=RELATION_KINDS.values()
        ).values_list("source_id", "target_id", "kind")
    )
    new = [
        ConceptRelation(source_id=o, target_id=s, kind=kind)
        for o, s, kind in sorted(wanted - existing)
    ]
    ConceptRelation.objects.bulk_create(new, ignore_conflicts=True)
    return len(new)
