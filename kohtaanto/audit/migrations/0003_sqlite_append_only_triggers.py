"""Database-level guard on SQLite as well: audit rows cannot be updated or deleted.

PostgreSQL has its triggers since 0002. SQLite has no TRUNCATE, so the operator's way to empty
the database (`manage.py flush`, which the test runner also uses) is the maintenance table: while
it holds a row, deletes pass. Only `kohtaanto.audit`'s own `flush` command opens it, and only for
the length of the flush.

SQLite drops a table's triggers when a migration rebuilds the table (AlterField, AddField with a
default, …): a later migration that rebuilds a guarded table must create its triggers again.
"""

from django.db import migrations

MAINTENANCE_TABLE = "kohtaanto_append_only_maintenance"
TABLES = ["audit_auditevent", "audit_accesslogentry"]


def sqlite_trigger_sql(table: str, label: str) -> list[str]:
    """The two triggers that make `table` insert-only on SQLite."""
    return [
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_update BEFORE UPDATE ON {table} "
        f"BEGIN SELECT RAISE(ABORT, '{label} rows are append-only ({table})'); END;",
        f"CREATE TRIGGER IF NOT EXISTS {table}_no_delete BEFORE DELETE ON {table} "
        f"WHEN NOT EXISTS (SELECT 1 FROM {MAINTENANCE_TABLE}) "
        f"BEGIN SELECT RAISE(ABORT, '{label} rows are append-only ({table})'); END;",
    ]


def sqlite_drop_sql(table: str) -> list[str]:
    return [
        f"DROP TRIGGER IF EXISTS {table}_no_update;",
        f"DROP TRIGGER IF EXISTS {table}_no_delete;",
    ]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE TABLE IF NOT EXISTS {MAINTENANCE_TABLE} (opened_at TEXT NOT NULL);", params=None
    )
    for table in TABLES:
        for sql in sqlite_trigger_sql(table, "audit"):
            schema_editor.execute(sql, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for sql in sqlite_drop_sql(table):
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [("audit", "0002_append_only_triggers")]
    operations = [migrations.RunPython(forwards, backwards)]
