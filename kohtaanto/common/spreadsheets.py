"""Cells for spreadsheets (XLSX and CSV) that cannot turn into formulas.

A text that begins with `=`, `+`, `-` or `@` (or a tab or carriage return before one) is read
as a formula by Excel, LibreOffice and Google Sheets when the file is opened, and openpyxl itself
writes any string that begins with `=` as a formula. Text typed by partners, companies or job
seekers (an activity title, a commitment description) must never do that: OWASP's CSV injection
guidance (https://owasp.org/www-community/attacks/CSV_Injection) is to prefix such a cell with a
single quote so that it is shown as the text it is. Numbers, dates and Decimals are written as
they are; only text is changed, and only when it begins with one of those characters.
"""

from typing import Any

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: Any) -> Any:
    """`value` ready to be written to a spreadsheet cell or a CSV field, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value
