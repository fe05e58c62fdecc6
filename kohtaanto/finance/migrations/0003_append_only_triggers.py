"""Database-level guard: ledger entries and decisions cannot be updated or deleted (PostgreSQL).

Corrections are reversing entries and amendments are new decisions. TRUNCATE stays possible
for operators and test databases; the application never issues it.
"""

from django.db import migrations

TABLES = [
    "finance_ledgerentry",
    "finance_appropriationdecision",
    "finance_grantdecision",
]

FUNCTION = """
CREATE OR REPLACE FUNCTION kohtaanto_finance_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'finance rows are append-only (%)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    for table in TABLES:
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION kohtaanto_finance_append_only();"
        )


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
    schema_editor.execute("DROP FUNCTION IF EXISTS kohtaanto_finance_append_only();")


class Migration(migrations.Migration):
    dependencies = [("finance", "0002_defaults")]
    operations = [migrations.RunPython(forwards, backwards)]
