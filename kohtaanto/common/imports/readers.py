"""CSV rows and JSON Lines objects, each with the limits a hostile or careless file needs.

Every problem becomes a `RowError` (line, column, reason) in the caller's `ErrorCollector`,
never an exception from deep inside a parser:
- a CSV field over `MAX_FIELD_CHARS` (the csv module's own limit, 128 KiB) ends the reading
  with the line where it happened (the parser cannot find the next row reliably after it);
- a JSON value nested deeper than `MAX_DEPTH` is refused (json.loads would recurse until the
  interpreter gives up); a line over `MAX_LINE_CHARS` is refused without being parsed;
- NUL and the other C0 control characters (tab and line ends apart) are refused in CSV cells
  and JSON strings, naming the column; U+2028/U+2029 are ordinary characters.
"""

import csv
import json
import re
from collections.abc import Iterable, Iterator
from typing import Any

from django.utils.translation import gettext as _

from kohtaanto.common.imports.rows import CONTROL, control_character
from kohtaanto.common.imports.run import ErrorCollector

MAX_FIELD_CHARS = 131072  # csv.field_size_limit()'s default
MAX_LINE_CHARS = 1_000_000
MAX_DEPTH = 20


def _sniff(first: str, delimiters: str) -> Any:
    try:
        return csv.Sniffer().sniff(first, delimiters=delimiters)
    except csv.Error:
        return csv.excel


def csv_rows(
    lines: Iterable[str],
    *,
    errors: ErrorCollector,
    delimiters: str = ",;",
    lower_header: bool = False,
    short_rows: bool = False,
) -> tuple[list[str], Iterator[tuple[int, dict[str, str]]]]:
    """The header and an iterator of (line, {column: cell}) for the non-blank rows.

    The delimiter is the one of `delimiters` the header line uses. A row with more cells than
    the header is an error; one with fewer is an error too unless `short_rows` (missing cells
    are then empty). Cells with control characters are errors naming the column.
    """
    it = iter(lines)
    first = next(it, "")
    while first and not first.strip() and first != "":
        first = next(it, "")
    if not first.strip():
        errors.add(1, "", _("Tiedosto on tyhjä."))
        return [], iter(())
    dialect = _sniff(first, delimiters)

    def chained() -> Iterator[str]:
        yield first
        yield from it

    reader = csv.reader(chained(), dialect)
    try:
        header = [h.strip() for h in next(reader)]
    except csv.Error as exc:
        errors.add(1, "", _("Otsikkorivi ei ole kelvollista CSV:tä: %(msg)s") % {"msg": exc})
        return [], iter(())
    if lower_header:
        header = [h.lower() for h in header]

    def rows() -> Iterator[tuple[int, dict[str, str]]]:
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                errors.add(
                    reader.line_num,
                    "",
                    _("Kenttä on liian suuri tai rivi ei ole kelvollista CSV:tä (%(msg)s).")
                    % {"msg": exc},
                )
                return
            line = reader.line_num
            if not any(v.strip() for v in values):
                continue
            if len(values) > len(header) or (len(values) < len(header) and not short_rows):
                errors.add(
                    line,
                    "",
                    _("Rivillä on %(found)s kenttää, otsikkorivillä %(expected)s.")
                    % {"found": len(values), "expected": len(header)},
                )
                continue
            bad = False
            for column, value in zip(header, values, strict=False):
                char = control_character(value)
                if char:
                    errors.add(line, column, _("Kielletty ohjausmerkki %(char)s.") % {"char": char})
                    bad = True
            if bad:
                continue
            row = dict(zip(header, values, strict=False))
            for column in header[len(values) :]:
                row[column] = ""
            yield line, row

    return header, rows()


class _TooDeepError(Exception):
    pass


def _first_control(value: Any, path: str, depth: int) -> tuple[str, str] | None:
    """(path, character) of the first string holding a control character; one walk over the
    object that also raises _TooDeepError past MAX_DEPTH levels."""
    if isinstance(value, str):
        found = CONTROL.search(value)
        return (path, f"U+{ord(found.group()):04X}") if found else None
    if depth > MAX_DEPTH:
        if isinstance(value, dict | list):
            raise _TooDeepError
        return None
    if isinstance(value, dict):
        for key, item in value.items():
            if not isinstance(item, int | float | bool) and item is not None:
                hit = _first_control(item, f"{path}.{key}" if path else str(key), depth + 1)
                if hit:
                    return hit
    elif isinstance(value, list):
        for index, item in enumerate(value):
            if not isinstance(item, int | float | bool) and item is not None:
                hit = _first_control(item, f"{path}[{index}]", depth + 1)
                if hit:
                    return hit
    return None


# What a line's text must hold for its object to have a control character in a string value:
# json.loads refuses raw C0 characters in strings, so they come as an escape (\u0000–\u001f,
# \u007f, \b, \f) or as a raw DEL. A line without any of these is not walked (a false alarm,
# such as an escaped backslash before "b", only costs the walk).
_MAY_HAVE_CONTROL = re.compile(r"\\(?:u00[01][0-9a-fA-F]|u007[fF]|[bf])|\x7f")


def _too_deep(obj: Any) -> bool:
    """Whether a parsed line's objects and lists nest deeper than MAX_DEPTH levels (the
    object itself is level 1), walked a level at a time over the containers only."""
    level = [obj]
    for _depth in range(MAX_DEPTH):
        inner = []
        for container in level:
            for item in container.values() if type(container) is dict else container:
                if type(item) is dict or type(item) is list:
                    inner.append(item)
        if not inner:
            return False
        level = inner
    return True


def jsonl_objects(
    lines: Iterable[str], *, errors: ErrorCollector
) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line, object) for every non-blank line that is a JSON object within the limits."""
    too_deep = _("Rivi on sisäkkäinen liian syvästi (enintään %(max)s tasoa).") % {"max": MAX_DEPTH}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        if len(line) > MAX_LINE_CHARS:
            errors.add(
                number,
                "",
                _("Rivi on liian pitkä (yli %(max)s merkkiä).") % {"max": MAX_LINE_CHARS},
            )
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            errors.add(
                number,
                "",
                _("Rivi ei ole kelvollista JSONia (sarake %(col)s): %(msg)s")
                % {"col": exc.colno, "msg": exc.msg},
            )
            continue
        except RecursionError:
            errors.add(number, "", too_deep)
            continue
        if not isinstance(obj, dict):
            errors.add(number, "", _("Rivin on oltava JSON-olio."))
            continue
        if not _MAY_HAVE_CONTROL.search(line):
            if _too_deep(obj):
                errors.add(number, "", too_deep)
                continue
            yield number, obj
            continue
        try:
            bad = _first_control(obj, "", 1)
        except _TooDeepError:
            errors.add(number, "", too_deep)
            continue
        if bad:
            errors.add(number, bad[0], _("Kielletty ohjausmerkki %(char)s.") % {"char": bad[1]})
            continue
        yield number, obj
