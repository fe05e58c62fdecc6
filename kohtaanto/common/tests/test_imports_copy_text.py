"""COPY text format, a column at a time (kohtaanto.common.imports.copy_text)."""

import datetime

import pytest
from django.db import DataError
from psycopg.types.json import Jsonb

from kohtaanto.common.imports.copy_text import copy_column, copy_escape, copy_rows, text_dumper

DUMP = text_dumper(None)  # psycopg's global adapters


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("Åsa Björk-Mäkelä", "Åsa Björk-Mäkelä"),
        ("a\tb", "a\\tb"),
        ("a\nb\r", "a\\nb\\r"),
        ("C:\\temp", "C:\\\\temp"),
        ("\\N", "\\\\N"),  # the text \N is not NULL
        ("\\.", "\\\\."),  # nor the end marker
        ("\\t", "\\\\t"),  # a backslash and a t, not a tab
        ("", ""),
    ],
)
def test_text_is_escaped_as_copy_reads_it(value, written):
    assert copy_escape(value) == written


def test_nul_is_refused():
    with pytest.raises(DataError, match="NUL"):
        copy_escape("Ah\x00de")
    with pytest.raises(DataError, match="NUL"):
        copy_column(["ok", "Ah\x00de"], DUMP)


def test_columns_of_each_kind():
    assert copy_column([1, 22, -3], DUMP) == ["1", "22", "-3"]
    assert copy_column([1, None], DUMP) == ["1", "\\N"]
    assert copy_column(["a\tb", None, "a\tb"], DUMP) == ["a\\tb", "\\N", "a\\tb"]
    # Anything else through psycopg's text dumper, then escaped.
    assert copy_column([True, False], DUMP) == ["t", "f"]
    assert copy_column([datetime.date(2026, 12, 2), None], DUMP) == ["2026-12-02", "\\N"]
    moment = datetime.datetime(2026, 12, 2, 20, 15, tzinfo=datetime.UTC)
    assert copy_column([moment], DUMP) == ["2026-12-02 20:15:00+00:00"]
    json = copy_column([Jsonb({"n": ["tab\there", "Ä"]})], DUMP)[0]
    assert json == '{"n": ["tab\\\\there", "\\\\u00c4"]}'


def test_rows_are_tab_separated_lines():
    assert copy_rows([["1", "2"], ["a", "\\N"]]) == "1\ta\n2\t\\N\n"
    assert copy_rows([]) == ""
    with pytest.raises(ValueError):
        copy_rows([["1", "2"], ["a"]])
