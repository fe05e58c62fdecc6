"""Inserting many plain rows at once, for imports where building a model instance a row
costs more than the insert itself (20 skills a person, thousands of people)."""

from collections.abc import Iterable, Mapping
from typing import Any

from django.db import connection, models
from django.utils import timezone


def rows_insert(model: type[models.Model], rows: Iterable[Mapping[str, Any]]) -> int:
    """INSERT `rows` (field name → value; foreign keys by their `<name>_id`) into `model`'s
    table in one executemany. Fields a row leaves out get their default; `auto_now` and
    `auto_now_add` fields get the time of the call. No signals, no `save()`: for plain records
    only. Returns the number of rows."""
    now = timezone.now()
    fields = [f for f in model._meta.concrete_fields if not isinstance(f, models.AutoField)]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(str(f.column)) for f in fields)
    # Table and column names come from the model and are quoted; the values are parameters.
    placeholders = ", ".join(["%s"] * len(fields))
    sql = f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES ({placeholders})"  # noqa: S608
    plan = []
    for f in fields:
        if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
            plan.append((f, f.attname, True, f.get_db_prep_save(now, connection)))
        else:
            plan.append((f, f.attname, False, f.get_default()))
    values = []
    for row in rows:
        record = []
        for f, attname, is_time, default in plan:
            if is_time:
                record.append(default)
            elif attname in row:
                record.append(f.get_db_prep_save(row[attname], connection))
            elif f.name in row:
                record.append(f.get_db_prep_save(row[f.name], connection))
            else:
                record.append(f.get_db_prep_save(default, connection))
        values.append(record)
    if values:
        with connection.cursor() as cursor:
            cursor.executemany(sql, values)
    return len(values)
