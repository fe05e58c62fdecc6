"""The import kit: what every importer shares.

- `decode`: bytes → text lines (byte-order mark, UTF-8 or UTF-16 by its mark, or a named
  encoding), read line by line so memory stays flat in the file size;
- `readers`: CSV rows and JSON Lines objects with limits (field size, nesting depth), control
  characters refused, U+2028 inside a JSON string accepted;
- `rows`: a typed row reader that collects every error of a row as (line, column, reason);
- `municipalities`: a municipality by code or Finnish/Swedish name;
- `bulk`: many plain rows inserted at once;
- `run`: the result type, the error collector that makes an import all-or-nothing, progress
  and the command-line report.
"""

from kohtaanto.common.imports.bulk import rows_insert
from kohtaanto.common.imports.decode import decode_bytes, text_lines
from kohtaanto.common.imports.municipalities import MunicipalityIndex, municipality_by_code
from kohtaanto.common.imports.readers import csv_rows, jsonl_objects
from kohtaanto.common.imports.rows import RowReader, control_character
from kohtaanto.common.imports.run import (
    ErrorCollector,
    ImportResult,
    progress_bar,
    report_rejection,
)

__all__ = [
    "ErrorCollector",
    "ImportResult",
    "MunicipalityIndex",
    "RowReader",
    "control_character",
    "csv_rows",
    "decode_bytes",
    "jsonl_objects",
    "municipality_by_code",
    "progress_bar",
    "report_rejection",
    "rows_insert",
    "text_lines",
]
