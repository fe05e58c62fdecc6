"""The scrub exception on SQLite too, and the SQLite guards made anew after 0003's new column.

On PostgreSQL (0004) an UPDATE of an audit row passes only while a transaction-local setting is
on and only when nothing but the scrubbable columns changes. SQLite has no session settings, so
`AppendOnlyQuerySet.scrub()` holds a row in a permit table for the length of its own
transaction; the UPDATE trigger refuses every update without that row, and every update that
changes a column outside the scrubbable ones even with it. DELETE stays refused (apart from the
maintenance table of 0003, which only the audit `flush` command opens).
"""

from django.db import migrations

PERMIT_TABLE = "kohtaanto_audit_scrub_permit"
MAINTENANCE_TABLE = "kohtaanto_append_only_maintenance"
SCRUBBABLE = {
    "audit_auditevent": ("AuditEvent", ["changes", "target_repr"]),
    "audit_accesslogentry": ("AccessLogEntry", ["subject_repr", "reason", "path"]),
}


def _columns(apps, model_name):
    model = apps.get_model("audit", model_name)
    return [f.column for f in model._meta.concrete_fields]


def _create(apps, schema_editor, with_permit):
    for table, (model_name, scrubbable) in SCRUBBABLE.items():
        fixed = [c for c in _columns(apps, model_name) if c not in scrubbable]
        changed = " OR ".join(f'NEW."{c}" IS NOT OLD."{c}"' for c in fixed)
        when = (
            f"NOT EXISTS (SELECT 1 FROM {PERMIT_TABLE}) OR {changed}" if with_permit else "1"
        )
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_update;", params=None)
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete;", params=None)
        schema_editor.execute(
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} WHEN {when} "
            f"BEGIN SELECT RAISE(ABORT, 'audit rows are append-only ({table})'); END;",
            params=None,
        )
        schema_editor.execute(
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"WHEN NOT EXISTS (SELECT 1 FROM {MAINTENANCE_TABLE}) "
            f"BEGIN SELECT RAISE(ABORT, 'audit rows are append-only ({table})'); END;",
            params=None,
        )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    schema_editor.execute(
        f"CREATE TABLE IF NOT EXISTS {PERMIT_TABLE} (opened_at TEXT NOT NULL);", params=None
    )
    _create(apps, schema_editor, with_permit=True)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    _create(apps, schema_editor, with_permit=False)
    schema_editor.execute(f"DROP TABLE IF EXISTS {PERMIT_TABLE};", params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_sqlite_append_only_triggers"),
        ("audit", "0004_scrub_exception"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
