"""Bulk writing of concepts, labels and relations: compare with the database, write differences.

Both the ESCO import and the shipped-vocabulary loader go through `ConceptStore`. It loads the
current state once into memory (URI → row, label keys, relation keys: a few hundred thousand
tuples for all of ESCO) and then writes only what differs, in batches: no query per row.

Rules that keep references from other apps valid:
- a concept row is never deleted or recreated; its URI is its identity and its id never changes;
- each label records which source states it (`in_esco`, `in_vocabulary`); a source adds or
  clears only its own flag, and a label is deleted only when no source states it any more;
- relations are replaced only for the concepts the caller says it manages.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, fields
from typing import Any, TypeVar

from django.core.exceptions import FieldDoesNotExist
from django.db import connection
from django.db.models import Field, JSONField, Model

from kohtaanto.taxonomy.esco_files import Progress, no_progress
from kohtaanto.taxonomy.models import Concept, ConceptLabel, ConceptRelation, LabelKind
from kohtaanto.taxonomy.text import normalize

T = TypeVar("T")
BATCH = 2000
LANGUAGE_ORDER = ("fi", "sv", "en")
# Fields a source may own; `preferred` is derived from the labels, never set directly.
CONCEPT_FIELDS = (
    "type",
    "reuse_level",
    "code",
    "isco_group_id",
    "status",
    "descriptions",
    "requirement_kind",
    "validity_months",
    "in_vocabulary",
    "domain",
    "esco_uri",
    "version_id",
)
LabelKey = tuple[str, str, str]  # (lang, kind, text)
LABEL_COLUMNS = ["lang", "kind", "text", "normalized"]
FLAGS = ("in_esco", "in_vocabulary")


def chunks(items: list[T], size: int = BATCH) -> Iterator[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _field(model: type[Model], name: str) -> Field:
    """The field of a name or of an attname such as `version_id`."""
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        field = model._meta.get_field(name.removesuffix("_id"))
    assert isinstance(field, Field) and field.column
    return field


def insert_rows(
    model: type[Model], columns: list[str], rows: list[Any], progress: Progress = no_progress
) -> None:
    """INSERT plain tuples (values in `columns` order) with the driver's executemany.

    For the 300 000 labels and relations of ESCO, bulk_create spent most of the import building
    model instances and SQL per batch (SQLite allows only 999 parameters a statement). Tuples go
    to SQLite's executemany and to PostgreSQL's COPY instead: several times faster.
    """
    quote = connection.ops.quote_name
    table = quote(model._meta.db_table)
    fields = [_field(model, c) for c in columns]
    names = ", ".join(quote(str(f.column)) for f in fields)
    json_columns = [i for i, f in enumerate(fields) if isinstance(f, JSONField)]
    if json_columns:
        rows = [list(row) for row in rows]
        for row in rows:
            for i in json_columns:
                row[i] = fields[i].get_db_prep_save(row[i], connection)
    batches = progress(
        list(chunks(rows, 10_000)), desc=str(model._meta.verbose_name_plural), unit=" batches"
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY: PostgreSQL's bulk path, one stream instead of a statement per row.
            with cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for batch in batches:
                    for row in batch:
                        copy.write_row(row)
            return
        placeholders = ", ".join(["%s"] * len(columns))
        sql = f"INSERT INTO {table} ({names}) VALUES ({placeholders})"  # noqa: S608
        for batch in batches:
            cursor.executemany(sql, batch)


@dataclass
class SyncCounts:
    concepts_created: int = 0
    concepts_updated: int = 0
    labels_created: int = 0
    labels_updated: int = 0
    labels_deleted: int = 0
    relations_created: int = 0
    relations_deleted: int = 0

    @property
    def changed(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    def as_dict(self) -> dict[str, int]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass
class _Label:
    id: int | None
    normalized: str
    in_esco: bool = False
    in_vocabulary: bool = False


def preferred_from_labels(labels: dict[LabelKey, _Label]) -> dict[str, str]:
    """{lang: label} for display: the vocabulary's preferred label, else ESCO's, else any."""
    best: dict[str, tuple[int, str]] = {}
    for (lang, kind, text), label in labels.items():
        if kind != LabelKind.PREFERRED:
            continue
        rank = 0 if label.in_vocabulary else 1 if label.in_esco else 2
        if lang not in best or (rank, text) < best[lang]:
            best[lang] = (rank, text)
    order = sorted(best, key=lambda lang: (lang not in LANGUAGE_ORDER, _order(lang), lang))
    return {lang: best[lang][1] for lang in order}


def _order(lang: str) -> int:
    return LANGUAGE_ORDER.index(lang) if lang in LANGUAGE_ORDER else len(LANGUAGE_ORDER)


class ConceptStore:
    """The taxonomy tables in memory, and batched writes of the differences to a new state."""

    def __init__(self, progress: Progress = no_progress) -> None:
        self.progress = progress
        self.counts = SyncCounts()
        self.concepts: dict[str, dict[str, Any]] = {}
        self.uri_by_id: dict[int, str] = {}
        for row in Concept.objects.values("id", "uri", "preferred", *CONCEPT_FIELDS).iterator(
            chunk_size=5000
        ):
            self.concepts[row["uri"]] = row
            self.uri_by_id[row["id"]] = row["uri"]
        self.labels: dict[int, dict[LabelKey, _Label]] = defaultdict(dict)
        label_rows = ConceptLabel.objects.values_list(
            "id", "concept_id", "lang", "kind", "text", "normalized", *FLAGS
        )
        for pk, concept_id, lang, kind, text, normalized, in_esco, in_vocabulary in self.progress(
            label_rows.iterator(chunk_size=5000), desc="labels in the database", unit=" rows"
        ):
            self.labels[concept_id][(lang, kind, text)] = _Label(
                pk, normalized, in_esco, in_vocabulary
            )

    # Concepts -----------------------------------------------------------------------------
    def id_of(self, uri: str) -> int | None:
        row = self.concepts.get(uri)
        return row["id"] if row else None

    def create(
        self, new: dict[str, dict[str, Any]], *, labels: dict[str, set[LabelKey]], flag: str
    ) -> None:
        """Create the concepts that do not exist yet, their display labels from `labels` of
        the source `flag` (the labels themselves are written by `sync_labels`)."""
        columns = ["uri", "preferred", *CONCEPT_FIELDS]
        rows: dict[str, dict[str, Any]] = {}
        for uri, values in new.items():
            if uri in self.concepts:
                continue
            preferred = preferred_from_labels(
                {key: _Label(None, "", **{flag: True}) for key in labels.get(uri, ())}
            )
            # The model fills in the defaults of the fields this source does not set.
            concept = Concept(uri=uri, preferred=preferred, **values)
            rows[uri] = {name: getattr(concept, name) for name in columns}
        if not rows:
            return
        insert_rows(
            Concept, columns, [tuple(r[c] for c in columns) for r in rows.values()], self.progress
        )
        for uri, pk in Concept.objects.values_list("uri", "id").iterator(chunk_size=10_000):
            if uri in rows:
                rows[uri]["id"] = pk
                self.concepts[uri] = rows[uri]
                self.uri_by_id[pk] = uri
        self.counts.concepts_created += len(rows)

    def update(self, desired: dict[str, dict[str, Any]]) -> None:
        """Set the given fields of existing concepts; only differing values are written."""
        changes: dict[str, list[tuple[int, Any]]] = defaultdict(list)
        changed_ids: set[int] = set()
        for uri, values in desired.items():
            row = self.concepts[uri]
            for name, value in values.items():
                if row[name] != value:
                    changes[name].append((row["id"], value))
                    changed_ids.add(row["id"])
                    row[name] = value
        for name, pairs in changes.items():
            self._write_field(Concept, name, pairs)
        self.counts.concepts_updated += len(changed_ids)

    def _write_field(self, model: type[Model], name: str, pairs: list[tuple[int, Any]]) -> None:
        by_value: dict[Any, list[int]] = defaultdict(list)
        hashable = all(not isinstance(v, dict | list) for _, v in pairs)
        if hashable:
            for pk, value in pairs:
                by_value[value].append(pk)
        if hashable and len(by_value) <= 20:
            # Few distinct values (a status, a version): one UPDATE … WHERE id IN per batch.
            for value, ids in by_value.items():
                for batch in chunks(ids):
                    model._default_manager.filter(pk__in=batch).update(**{name: value})
            return
        objects = [model(pk=pk, **{name: value}) for pk, value in pairs]
        for objects_batch in chunks(objects, 500):
            model._default_manager.bulk_update(objects_batch, [name])

    # Labels -------------------------------------------------------------------------------
    def sync_labels(
        self,
        *,
        flag: str,
        desired: dict[str, set[LabelKey]],
        scope: Iterable[str],
        languages: Iterable[str],
    ) -> set[int]:
        """Make `flag` true exactly on the labels in `desired`, for the concepts in `scope` and
        the given languages. Returns the ids of concepts whose labels changed."""
        assert flag in FLAGS
        other = FLAGS[1 - FLAGS.index(flag)]
        langs = set(languages)
        to_create: list[tuple] = []
        flag_on: list[int] = []
        flag_off: list[int] = []
        to_delete: list[int] = []
        renormalized: list[tuple[int, str]] = []
        touched: set[int] = set()
        for uri in self.progress(list(scope), desc="labels", unit=" concepts", leave=False):
            concept_id = self.concepts[uri]["id"]
            current = self.labels[concept_id]
            wanted = desired.get(uri, set())
            for key in wanted:
                lang, kind, text = key
                normalized = normalize(text, lang)
                label = current.get(key)
                if label is None:
                    label = _Label(None, normalized, **{flag: True})
                    current[key] = label
                    to_create.append(
                        (
                            concept_id,
                            lang,
                            kind,
                            text,
                            normalized,
                            label.in_esco,
                            label.in_vocabulary,
                        )
                    )
                    touched.add(concept_id)
                    continue
                assert label.id is not None
                if not getattr(label, flag):
                    setattr(label, flag, True)
                    flag_on.append(label.id)
                    touched.add(concept_id)
                if label.normalized != normalized:
                    label.normalized = normalized
                    renormalized.append((label.id, normalized))
            for key, label in list(current.items()):
                if key[0] not in langs or key in wanted or not getattr(label, flag):
                    continue
                assert label.id is not None
                touched.add(concept_id)
                if getattr(label, other):
                    setattr(label, flag, False)
                    flag_off.append(label.id)
                else:
                    del current[key]
                    to_delete.append(label.id)
        insert_rows(ConceptLabel, ["concept", *LABEL_COLUMNS, *FLAGS], to_create, self.progress)
        for ids, value in ((flag_on, True), (flag_off, False)):
            for batch in chunks(ids):
                ConceptLabel.objects.filter(pk__in=batch).update(**{flag: value})
        for batch in chunks(to_delete):
            ConceptLabel.objects.filter(pk__in=batch).delete()
        if renormalized:
            self._write_field(ConceptLabel, "normalized", renormalized)
        self.counts.labels_created += len(to_create)
        self.counts.labels_updated += len(flag_on) + len(flag_off) + len(renormalized)
        self.counts.labels_deleted += len(to_delete)
        return touched

    def refresh_preferred(self, concept_ids: Iterable[int]) -> None:
        """Recompute `Concept.preferred` from the labels of these concepts."""
        desired = {}
        for concept_id in concept_ids:
            uri = self.uri_by_id[concept_id]
            desired[uri] = {"preferred": preferred_from_labels(self.labels[concept_id])}
        self.update(desired)

    # Relations ----------------------------------------------------------------------------
    def sync_relations(
        self, *, desired: set[tuple[str, str, str]], source_scope: Iterable[str]
    ) -> None:
        """Make the relations whose source is in `source_scope` exactly `desired`."""
        existing: dict[tuple[int, int, str], int] = {}
        rows = ConceptRelation.objects.values_list("id", "source_id", "target_id", "kind")
        for pk, source, target, kind in rows.iterator(chunk_size=10000):
            existing[(source, target, kind)] = pk
        scope_ids = {self.concepts[uri]["id"] for uri in source_scope}
        wanted = {
            (self.concepts[source]["id"], self.concepts[target]["id"], kind)
            for source, target, kind in desired
        }
        to_create = [key for key in wanted if key not in existing]
        to_delete = [
            pk for key, pk in existing.items() if key[0] in scope_ids and key not in wanted
        ]
        insert_rows(ConceptRelation, ["source", "target", "kind"], to_create, self.progress)
        for batch in chunks(to_delete):
            ConceptRelation.objects.filter(pk__in=batch).delete()
        self.counts.relations_created += len(to_create)
        self.counts.relations_deleted += len(to_delete)
