"""The one exception to append-only audit rows (PostgreSQL): scrubbing a person's data.

UPDATE passes only while the transaction-local setting `kohtaanto.audit_scrub` is 'on'
(`AppendOnlyQuerySet.scrub()` sets it) and only when every column other than the ones named
in the trigger's arguments keeps its value. DELETE is still refused.
"""

from django.db import migrations

SCRUBBABLE = {
    "audit_auditevent": ["changes", "target_repr"],
    "audit_accesslogentry": ["subject_repr", "reason", "path"],
}

FUNCTION = """
CREATE OR REPLACE FUNCTION kohtaanto_audit_append_only() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE'
     AND coalesce(current_setting('kohtaanto.audit_scrub', true), '') = 'on'
     AND (to_jsonb(NEW) - TG_ARGV) = (to_jsonb(OLD) - TG_ARGV) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'audit rows are append-only (%)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""

ORIGINAL_FUNCTION = """
CREATE OR REPLACE FUNCTION kohtaanto_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit rows are append-only (%)', TG_TABLE_NAME;
END;
$$ LANGUAGE plpgsql;
"""


def _recreate(schema_editor, with_arguments):
    for table, columns in SCRUBBABLE.items():
        arguments = ", ".join(f"'{c}'" for c in columns) if with_arguments else ""
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table};")
        schema_editor.execute(
            f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION kohtaanto_audit_append_only({arguments});"
        )


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(FUNCTION, params=None)
    _recreate(schema_editor, with_arguments=True)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(ORIGINAL_FUNCTION, params=None)
    _recreate(schema_editor, with_arguments=False)


class Migration(migrations.Migration):
    dependencies = [("audit", "0003_accesslogentry_client_address")]
    operations = [migrations.RunPython(forwards, backwards)]
