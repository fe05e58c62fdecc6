"""A typed row reader: one row's cells (CSV text or JSON values) read field by field, every
problem collected as (line, column, reason) instead of stopping at the first."""

import datetime
import re
import unicodedata
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Any

from django.utils.translation import gettext as _

from kohtaanto.common.errors import RowError

# C0 controls and DEL, apart from tab, line feed and carriage return (which CSV and JSON
# strings may carry); NUL among them breaks PostgreSQL text columns.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def control_character(value: str) -> str:
    """The first forbidden control character of `value` as "U+0000", or ""."""
    found = CONTROL.search(value)
    return f"U+{ord(found.group()):04X}" if found else ""


class RowReader:
    """Reads the fields of one row; `errors` holds what was refused."""

    def __init__(self, values: Mapping[str, Any], line: int, filename: str = "") -> None:
        self.values = values
        self.line = line
        self.filename = filename
        self.errors: list[RowError] = []

    def error(self, column: str, reason: str) -> None:
        self.errors.append(RowError(self.line, column, reason, self.filename))

    def unknown(self, known: Iterable[str]) -> None:
        """Every field the row has that is not in `known`."""
        allowed = set(known)
        for key in sorted(k for k in self.values if k not in allowed):
            self.error(key, _("Tuntematon kenttä."))

    def text(
        self,
        column: str,
        *,
        required: bool = False,
        max_length: int = 100,
        message: str | None = None,
    ) -> str:
        raw = self.values.get(column)
        if raw is not None and not isinstance(raw, str):
            self.error(column, message or _("Odotettiin tekstiä."))
            return ""
        value = (raw or "").strip()
        if required and not value:
            self.error(column, message or _("Pakollinen tieto puuttuu."))
        elif len(value) > max_length:
            self.error(column, _("Liian pitkä (enintään %(max)s merkkiä).") % {"max": max_length})
        elif control_character(value):
            self.error(
                column,
                _("Kielletty ohjausmerkki %(char)s.") % {"char": control_character(value)},
            )
            return ""
        return value

    def date(self, column: str, *, required: bool = False) -> datetime.date | None:
        value = self.text(column, required=required)
        if not value:
            return None
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            self.error(
                column, _("Päivämäärä ei ole muotoa VVVV-KK-PP: %(value)s") % {"value": value}
            )
            return None

    def choice(self, column: str, choices: Iterable[str], *, required: bool = False) -> str:
        value = self.text(column, required=required)
        allowed = list(choices)
        if value and value not in allowed:
            self.error(
                column,
                _("Arvo %(value)s ei kelpaa; sallitut: %(allowed)s.")
                % {"value": value, "allowed": "|".join(allowed)},
            )
            return ""
        return value

    def yes_no(self, column: str) -> bool | None:
        value = self.choice(column, ("yes", "no"))
        return {"yes": True, "no": False}.get(value)

    def integer(self, column: str, default: int | None = None) -> int | None:
        """A JSON integer, or a CSV cell of ASCII digits (spaces as thousand separators)."""
        value = self.values.get(column, default)
        if value is None or value == "":
            return default
        if isinstance(value, str):
            digits = value.strip().replace(" ", "").replace("\u00a0", "")
            if digits.isascii() and digits.isdigit():
                return int(digits)
        elif isinstance(value, int) and not isinstance(value, bool):
            return value
        self.error(column, _("Odotettiin kokonaislukua."))
        return default

    def boolean(self, column: str, default: bool) -> bool:
        value = self.values.get(column, default)
        if not isinstance(value, bool):
            self.error(column, _("Odotettiin arvoa true tai false."))
            return default
        return value

    def items(self, column: str) -> list[Any]:
        """A JSON list (missing or null: empty)."""
        value = self.values.get(column)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(column, _("Kentän on oltava lista."))
            return []
        return value


def plain_decimal(text: str) -> Decimal | None:
    """A decimal written with ASCII digits and one decimal point or comma, or None.

    "1e2", "NaN" and digits of other scripts are refused: an import takes amounts only in
    plain notation.
    """
    cleaned = unicodedata.normalize("NFC", text).strip()
    if not re.fullmatch(r"-?[0-9]+([.,][0-9]+)?", cleaned):
        return None
    return Decimal(cleaned.replace(",", "."))
