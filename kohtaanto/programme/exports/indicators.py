"""The indicator table as records, CSV and JSON."""

import csv
import io
from collections.abc import Iterable
from typing import Any

from kohtaanto.programme.exports.common import (
    CSV_COLUMNS,
)
from kohtaanto.programme.indicators import CountedRow


def indicator_records(table: Iterable[CountedRow]) -> list[dict[str, Any]]:
    """One record per indicator with the Regulation's English name; gender columns are
    empty (None) for the entity indicators, which are not broken down by gender."""
    return [
        {
            "code": row.code,
            "name": row.indicator.name_en,
            "women": row.women,
            "men": row.men,
            "non_binary": row.non_binary,
            "total": row.total,
        }
        for row in table
    ]


def indicators_csv(table: Iterable[CountedRow]) -> str:
    return indicator_records_csv(indicator_records(table))


def indicator_records_csv(records: Iterable[dict[str, Any]]) -> str:
    """Indicator records as CSV (code, name, women, men, non_binary, total); a suppressed
    count is written as "< 5"."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for record in records:
        writer.writerow(["" if record[c] is None else record[c] for c in CSV_COLUMNS])
    return out.getvalue()
