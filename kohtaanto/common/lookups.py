"""`field__uicontains=text`: case-insensitive "contains" for every letter, not only a–z.

PostgreSQL's `icontains` compares `UPPER()` of both sides, which knows Å, Ä, Ö and the rest.
SQLite's LIKE folds only ASCII letters, so on the embedded default "öhman" did not find
"Öhman" nor "BJÖRK" find "Björk". On SQLite this lookup lower-cases both sides in Python
(`kt_lower`, registered on every SQLite connection by `register_sqlite_functions`); on other
databases it is `icontains`.
"""

from typing import Any

from django.db import models
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models.lookups import IContains, Lookup


def _lower(value: str | None) -> str | None:
    return value.lower() if isinstance(value, str) else value


def register_sqlite_functions(sender: Any, connection: BaseDatabaseWrapper, **kwargs: Any) -> None:
    if connection.vendor == "sqlite":
        connection.connection.create_function("kt_lower", 1, _lower, deterministic=True)


@models.CharField.register_lookup
@models.TextField.register_lookup
class UnicodeIContains(IContains):
    lookup_name = "uicontains"

    def process_lhs(self, compiler: Any, connection: Any, lhs: Any = None) -> Any:
        # BuiltinLookup.process_lhs, with icontains' cast (PostgreSQL: UPPER(field::text)).
        sql, params = Lookup.process_lhs(self, compiler, connection, lhs)
        internal_type = self.lhs.output_field.get_internal_type()
        sql = connection.ops.lookup_cast("icontains", internal_type) % sql
        if connection.vendor == "sqlite":
            sql = f"kt_lower({sql})"
        return sql, list(params)

    def get_rhs_op(self, connection: Any, rhs: Any) -> Any:
        if not self.rhs_is_direct_value():
            raise ValueError("uicontains compares with a value, not an expression")
        return connection.operators["icontains"] % rhs

    def get_db_prep_lookup(self, value: Any, connection: Any) -> Any:
        if connection.vendor == "sqlite" and isinstance(value, str):
            value = value.lower()
        return super().get_db_prep_lookup(value, connection)
