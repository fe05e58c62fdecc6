"""Inserting many plain rows at once, for imports where building a model instance a row
costs more than the insert itself (20 skills a person, thousands of people).

Two forms: `rows_insert(model, rows)` takes mappings (field name → value), and
`rows_insert(model, rows, columns=(...))` takes tuples in the order of `columns`, which is
faster: values are prepared a column at a time, and a column whose values the database takes
as they are (an int for an integer field or a foreign key to one, a str for a text field) is
not touched at all. `rows_insert_ids` does the same for rows whose new ids the caller needs.

On PostgreSQL rows go in by COPY (ids, when wanted, taken from the table's sequence first); on
SQLite many rows a statement (and `RETURNING id` for the ids).
"""

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from itertools import chain, islice, repeat
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone

from kohtaanto.common.imports.background import background_copies
from kohtaanto.common.imports.copy_text import copy_column, copy_rows, text_dumper

_ABSENT = object()
BATCH = 1000
# SQLite's default limit of parameters a statement (32 766 since 3.32); PostgreSQL's is 65 535.
MAX_PARAMETERS = 32766

# Fields whose `get_db_prep_save` returns an int, a str or None as it is (checked against
# Django's fields: `int()` of an int, `to_python` of a str; the exact classes only, so that a
# subclass with its own preparation is never skipped).
_INTEGER_FIELDS = frozenset(
    {
        models.IntegerField,
        models.SmallIntegerField,
        models.BigIntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.PositiveBigIntegerField,
        models.AutoField,
        models.BigAutoField,
        models.SmallAutoField,
    }
)
_TEXT_FIELDS = frozenset({models.CharField, models.TextField})
_INT_OR_NONE: frozenset[type] = frozenset({int, type(None)})
_STR_OR_NONE: frozenset[type] = frozenset({str, type(None)})
_NOTHING: frozenset[type] = frozenset()


def _as_is_types(field: models.Field) -> frozenset[type]:
    """The value types `field` sends to the database unchanged."""
    kind = type(field)
    if kind is models.ForeignKey:
        return _as_is_types(field.target_field)  # type: ignore[attr-defined]
    if kind in _INTEGER_FIELDS:
        return _INT_OR_NONE
    if kind in _TEXT_FIELDS:
        return _STR_OR_NONE
    return _NOTHING


def _preparer(field: models.Field, connection: Any) -> Callable[[Any], Any]:
    """`field.get_db_prep_save` for one import: a value the file repeats (a level, a source,
    a concept id that many people have) is prepared once. The type is part of the key, so
    that 1 and True, equal in a dict, are prepared apart."""
    seen: dict[tuple[type, Any], Any] = {}
    prep = field.get_db_prep_save

    def prepare(value: Any) -> Any:
        try:
            key = (value.__class__, value)
            return seen[key]
        except KeyError:
            seen[key] = prepared = prep(value, connection)
            return prepared
        except TypeError:  # not hashable (a JSON list or dict): prepared every time
            return prep(value, connection)

    return prepare


def _column_preparer(
    field: models.Field, connection: Any
) -> Callable[[Sequence[Any]], Sequence[Any]]:
    """A column of values → the column prepared: as it is when every value is of a type the
    field sends unchanged (one pass in C over the types), else value by value."""
    as_is = _as_is_types(field)
    prepare = _preparer(field, connection)

    def prepare_column(values: Sequence[Any]) -> Sequence[Any]:
        if as_is and as_is.issuperset(set(map(type, values))):
            return values
        return list(map(prepare, values))

    return prepare_column


class _Plan:
    """The columns of one insert: those the rows give (prepared a chunk at a time) and the
    rest, each one value for every row (its default, or the time of the call)."""

    def __init__(
        self,
        model: type[models.Model],
        columns: Sequence[str],
        connection: Any,
        same: Mapping[str, Any] | None = None,
    ):
        self.connection = connection
        by_name: dict[str, models.Field] = {}
        fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
        for f in fields:
            by_name[f.name] = by_name[f.attname] = f

        def field(name: str) -> models.Field:
            if name not in by_name:
                raise ValueError(f"{model.__name__} has no field {name!r} to insert.")
            return by_name[name]

        given = [field(name) for name in columns]
        same_values = {field(name): value for name, value in (same or {}).items()}
        if len(set(given) | set(same_values)) != len(given) + len(same_values):
            raise ValueError(f"A field is named twice in {[*columns, *(same or {})]!r}.")
        now = timezone.now()
        rest = [f for f in fields if f not in given]
        self.fields = given + rest
        self.given = len(given)
        self.preparers = [_column_preparer(f, connection) for f in given]
        self.fixed = []
        for f in rest:
            if f in same_values:
                value = same_values[f]
            elif getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                value = now
            else:
                value = f.get_default()
            self.fixed.append(f.get_db_prep_save(value, connection))
        quote = connection.ops.quote_name
        self.table = quote(model._meta.db_table)
        self.columns = [quote(str(f.column)) for f in self.fields]
        self.copy_fixed: list[str] | None = None

    def prepared_columns(self, chunk: list[Sequence[Any]]) -> list[Sequence[Any]]:
        """`chunk` (rows of the given columns) as columns of prepared values."""
        # A row with more or fewer values than columns fails either zip.
        columns = zip(*chunk, strict=True)
        return [prep(col) for prep, col in zip(self.preparers, columns, strict=True)]

    def prepared(self, chunk: list[Sequence[Any]]) -> Iterator[tuple[Any, ...]]:
        """`chunk` as full rows of prepared values."""
        if not self.given:
            return (tuple(self.fixed) for _row in chunk)
        fixed = (repeat(value) for value in self.fixed)
        return zip(*self.prepared_columns(chunk), *fixed, strict=False)

    def copy_text(
        self, chunk: list[Sequence[Any]], dump: Callable[[Any], str], ids: Sequence[int] = ()
    ) -> str:
        """`chunk` as PostgreSQL COPY text (`ids`, when given, as the first column)."""
        if self.copy_fixed is None:
            self.copy_fixed = [copy_column([value], dump)[0] for value in self.fixed]
        columns = [copy_column(col, dump) for col in self.prepared_columns(chunk)]
        if ids:
            columns.insert(0, copy_column(ids, dump))
        return copy_rows([*columns, *([text] * len(chunk) for text in self.copy_fixed)])


def _mapping_rows(
    model: type[models.Model], rows: Iterable[Mapping[str, Any]]
) -> tuple[list[str], Iterator[tuple[Any, ...]]]:
    """Mappings (by attname or name, a missing field taking its default) as tuples of every
    field but the time fields, which `_Plan` fills."""
    fields = [
        f
        for f in model._meta.concrete_fields
        if not isinstance(f, models.AutoField)
        and not getattr(f, "auto_now", False)
        and not getattr(f, "auto_now_add", False)
    ]
    defaults = [(f.attname, f.name, f.get_default()) for f in fields]

    def values(row: Mapping[str, Any]) -> tuple[Any, ...]:
        out = []
        for attname, name, default in defaults:
            value = row.get(attname, _ABSENT)
            if value is _ABSENT and name != attname:
                value = row.get(name, _ABSENT)
            out.append(default if value is _ABSENT else value)
        return tuple(out)

    return [f.attname for f in fields], (values(row) for row in rows)


def rows_insert(
    model: type[models.Model],
    rows: Iterable[Mapping[str, Any]] | Iterable[Sequence[Any]],
    *,
    columns: Sequence[str] | None = None,
    same: Mapping[str, Any] | None = None,
) -> int:
    """INSERT `rows` into `model`'s table, many rows a statement: mappings (field name →
    value; foreign keys by their `<name>_id`), or, with `columns` (field names, foreign keys
    by `<name>_id`), tuples of values in that order; `same` gives fields one value for every
    row (prepared once). Fields left out get their default; `auto_now` and `auto_now_add`
    fields get the time of the call. No signals, no `save()`: for plain records only.
    Returns the number of rows."""
    if columns is None:
        columns, rows = _mapping_rows(model, rows)  # type: ignore[arg-type]
    connection = connections[DEFAULT_DB_ALIAS]
    plan = _Plan(model, columns, connection, same)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command, formatted here a column at a time.
            sql = f"COPY {plan.table} ({', '.join(plan.columns)}) FROM STDIN"
            dump = text_dumper(cursor.cursor)
            counted = [0]

            def texts() -> Iterator[str]:
                for chunk in _batches(rows, BATCH):
                    counted[0] += len(chunk)
                    yield plan.copy_text(chunk, dump)

            _copy(cursor, sql, texts())
            return counted[0]
        for chunk in _batches(rows, _sqlite_batch(plan)):  # type: ignore[arg-type]
            cursor.execute(_values_sql(plan, len(chunk)), _flat(plan.prepared(chunk)))
            count += len(chunk)
    return count


def rows_insert_ids(
    model: type[models.Model],
    rows: Iterable[Sequence[Any]],
    *,
    columns: Sequence[str],
    same: Mapping[str, Any] | None = None,
) -> list[int]:
    """`rows_insert(model, rows, columns=columns)` for a model with an automatic integer
    primary key, returning the new rows' ids in the order of `rows`.

    PostgreSQL: the ids are taken from the table's sequence in one query (`nextval`, as the
    column's own default would) and sent with the rows by COPY. SQLite: a multi-row
    INSERT … RETURNING id; SQLite gives a multi-row insert's rows increasing ids in the order
    of its VALUES (the largest id so far plus one, a row at a time), so the returned ids
    sorted are the rows' ids in order (RETURNING itself promises no order)."""
    connection = connections[DEFAULT_DB_ALIAS]
    pk = model._meta.pk
    if not isinstance(pk, models.AutoField):
        raise ValueError(f"{model.__name__} has no automatic integer primary key.")
    pk_column = str(pk.column)
    plan = _Plan(model, columns, connection, same)
    ids: list[int] = []
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # The ids first (no other query can run while a COPY is open), then one COPY.
            rows = list(rows)
            ids = _sequence_values(cursor, plan.table, pk_column, len(rows))
            sql = f"COPY {plan.table} ({connection.ops.quote_name(pk_column)}, "
            sql += f"{', '.join(plan.columns)}) FROM STDIN"
            dump = text_dumper(cursor.cursor)
            starts = range(0, len(rows), BATCH)
            texts = (plan.copy_text(rows[i : i + BATCH], dump, ids[i : i + BATCH]) for i in starts)
            _copy(cursor, sql, texts)
            return ids
        if not connection.features.can_return_rows_from_bulk_insert:
            # SQLite before 3.35: one row a statement, its id from the cursor.
            for chunk in _batches(rows, BATCH):
                for record in plan.prepared(chunk):
                    cursor.execute(_values_sql(plan, 1), list(record))
                    ids.append(cursor.lastrowid)
            return ids
        returning = f" RETURNING {connection.ops.quote_name(pk_column)}"
        for chunk in _batches(rows, _sqlite_batch(plan)):
            cursor.execute(_values_sql(plan, len(chunk)) + returning, _flat(plan.prepared(chunk)))
            new = sorted(row[0] for row in cursor.fetchall())
            if len(new) != len(chunk):  # pragma: no cover - the database inserts every row
                raise RuntimeError("The insert returned fewer ids than it had rows.")
            ids.extend(new)
    return ids


def _copy(cursor: Any, sql: str, texts: Iterable[str]) -> None:
    """One COPY of `texts`: formatted and handed to the import's writer thread inside
    `copies_in_background()` (common.imports.background), else formatted as it is sent."""
    writer = background_copies()
    if writer is not None:
        if pieces := list(texts):
            writer.submit(sql, pieces)
        return
    with cursor.cursor.copy(sql) as copy:
        for text in texts:
            copy.write(text)


def _sequence_values(cursor: Any, table: str, column: str, count: int) -> list[int]:
    """`count` new values of the sequence behind `table`.`column` (PostgreSQL), in order."""
    if not count:
        return []
    cursor.execute(
        "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
        [table, column, count],
    )
    return sorted(row[0] for row in cursor.fetchall())


def _sqlite_batch(plan: _Plan) -> int:
    return max(1, min(BATCH, MAX_PARAMETERS // len(plan.fields)))


def _values_sql(plan: _Plan, rows: int) -> str:
    """INSERT of `rows` rows with SQLite's own `?` placeholders: Django's SQLite cursor turns
    `%s` into `?` with a regular expression over the whole statement (1 ms for 1 000 rows)."""
    one_row = "(" + ", ".join(["?"] * len(plan.fields)) + ")"
    # Table and column names come from the model and are quoted; values are parameters.
    return (
        f"INSERT INTO {plan.table} ({', '.join(plan.columns)}) "  # noqa: S608
        f"VALUES {', '.join([one_row] * rows)}"
    )


def _flat(records: Iterable[tuple[Any, ...]]) -> list[Any]:
    return list(chain.from_iterable(records))


def _batches(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
