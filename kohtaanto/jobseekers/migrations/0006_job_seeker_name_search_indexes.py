"""Indexes for the register's name search on PostgreSQL.

`selectors.job_seeker_list` searches with `first_name__icontains`, `last_name__icontains` and
`external_id__iexact`, which Django writes as `UPPER(col::text) LIKE UPPER('%term%')` and
`UPPER(col::text) = UPPER('term')`. Without an index for every branch of that OR, each search
(and its page count) reads and upper-cases every row of the register; with trigram indexes on
the two names and a b-tree on the external id the three branches become one bitmap scan.

pg_trgm ships with PostgreSQL and is a trusted extension (PostgreSQL 13+): the database's
owner may create it. If the application's database user may not, a superuser runs
`CREATE EXTENSION pg_trgm;` in the database once before `kohtaanto migrate` (docs/deploy.md).
SQLite has no such index; the search there stays a scan.
"""

from django.db import migrations

INDEXES = (
    "CREATE INDEX IF NOT EXISTS job_seeker_first_name_trgm ON jobseekers_jobseeker "
    "USING gin (UPPER(first_name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS job_seeker_last_name_trgm ON jobseekers_jobseeker "
    "USING gin (UPPER(last_name::text) gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS job_seeker_external_id_upper ON jobseekers_jobseeker "
    "(UPPER(external_id::text))",
)
NAMES = ("job_seeker_first_name_trgm", "job_seeker_last_name_trgm", "job_seeker_external_id_upper")


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for sql in INDEXES:
        schema_editor.execute(sql)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in NAMES:
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):

    dependencies = [
        ("jobseekers", "0005_special_category_encrypted"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
