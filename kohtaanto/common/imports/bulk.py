"""Inserting many plain rows at once, for imports where building a model instance a row
costs more than the insert itself (20 skills a person, thousands of people)."""

from collections.abc import Callable, Iterable, Iterator, Mapping
from itertools import islice
from typing import Any

from django.db import DEFAULT_DB_ALIAS, connections, models
from django.utils import timezone

_ABSENT = object()
BATCH = 1000
# SQLite's default limit of parameters a statement (32 766 since 3.32); PostgreSQL's is 65 535.
MAX_PARAMETERS = 32766


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


def rows_insert(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """INSERT `rows` (field name → value; foreign keys by their `<name>_id`) into `model`'s
    table, many rows a statement. Fields a row leaves out get their default; `auto_now` and
    `auto_now_add` fields get the time of the call. No signals, no `save()`: for plain records
    only. Returns the number of rows."""
    connection = connections[DEFAULT_DB_ALIAS]
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    # Per field: the names a row may give it by, and the value it gets when the row does not
    # (the default), both prepared once; the time fields always get the time of the call.
    plan: list[tuple[str, str, Callable[[Any], Any], Any]] = []
    for f in fields:
        prepare = _preparer(f, connection)
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            plan.append(("", "", prepare, prepare(now)))
        else:
            plan.append((f.attname, f.name, prepare, prepare(f.get_default())))

    def prepared(row: Mapping[str, Any]) -> list[Any]:
        out = []
        for attname, name, prepare, fallback in plan:
            value = row.get(attname, _ABSENT) if attname else _ABSENT
            if value is _ABSENT and name != attname:
                value = row.get(name, _ABSENT)
            out.append(fallback if value is _ABSENT else prepare(value))
        return out

    values = (prepared(row) for row in rows)
    table = quote(model._meta.db_table)
    count = 0
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # COPY streams the rows in one command (psycopg adapts each prepared value).
            with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
                for record in values:
                    copy.write_row(record)
                    count += 1
            return count
        # Elsewhere many rows a statement, within the database's limit of parameters.
        batch = max(1, min(BATCH, MAX_PARAMETERS // len(fields)))
        one_row = "(" + ", ".join(["%s"] * len(fields)) + ")"
        for chunk in _batches(values, batch):
            # Table and column names come from the model and are quoted; values are parameters.
            sql = f"INSERT INTO {table} ({columns}) VALUES {', '.join([one_row] * len(chunk))}"  # noqa: S608
            cursor.execute(sql, [value for record in chunk for value in record])
            count += len(chunk)
    return count


def _batches(items: Iterable[list[Any]], size: int) -> Iterator[list[list[Any]]]:
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
