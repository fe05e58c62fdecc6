"""Database-level guard on SQLite as well: ledger entries and decisions are insert-only.

PostgreSQL has its triggers since 0003. The SQLite triggers share the audit app's maintenance
table (see audit 0003): only the `flush` command opens it. SQLite drops a table's triggers when
a migration rebuilds the table, so a later migration that alters one of these tables must
create its triggers again (`sqlite_trigger_sql`).
"""

import importlib

from django.db import migrations

audit_triggers = importlib.import_module("kohtaanto.audit.migrations.0003_sqlite_append_only_triggers")

TABLES = [
    "finance_ledgerentry",
    "finance_appropriationdecision",
    "finance_grantdecision",
]


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for sql in audit_triggers.sqlite_trigger_sql(table, "finance"):
            schema_editor.execute(sql, params=None)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for table in TABLES:
        for sql in audit_triggers.sqlite_drop_sql(table):
            schema_editor.execute(sql, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0003_sqlite_append_only_triggers"),
        ("finance", "0005_correct_defaults"),
    ]
    operations = [migrations.RunPython(forwards, backwards)]
