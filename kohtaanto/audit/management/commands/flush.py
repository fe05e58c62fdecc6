"""`flush` that can empty the append-only tables on SQLite.

PostgreSQL's flush uses TRUNCATE, which row triggers do not see. SQLite's flush deletes row by
row, which the append-only triggers refuse (migration audit 0003); this command opens the
maintenance table for the length of the flush and closes it again, whatever happens.
"""

from typing import Any

from django.core.management.commands.flush import Command as FlushCommand
from django.db import DEFAULT_DB_ALIAS, connections

MAINTENANCE_TABLE = "kohtaanto_append_only_maintenance"
OPEN_SQL = "INSERT INTO kohtaanto_append_only_maintenance (opened_at) VALUES (datetime('now'))"
CLOSE_SQL = "DELETE FROM kohtaanto_append_only_maintenance"


class Command(FlushCommand):
    def handle(self, **options: Any) -> None:
        connection = connections[options.get("database") or DEFAULT_DB_ALIAS]
        if connection.vendor != "sqlite" or MAINTENANCE_TABLE not in (
            connection.introspection.table_names()
        ):
            super().handle(**options)
            return
        with connection.cursor() as cursor:
            cursor.execute(OPEN_SQL)
        try:
            super().handle(**options)
        finally:
            with connection.cursor() as cursor:
                cursor.execute(CLOSE_SQL)
