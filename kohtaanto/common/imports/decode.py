"""Bytes to text lines: the byte-order mark, UTF-8 (the default) or UTF-16 by its mark, or an
encoding the caller names (e.g. ``latin-1`` for an old spreadsheet export).

Without a mark and without a named encoding the file must be UTF-8: guessing between the
8-bit code pages cannot be done reliably (the same bytes are valid Latin-1 and Windows-1252
text), so a file that is not UTF-8 is refused with the line of the first bad byte and the
encoding is named with ``--encoding``.

Lines are split at line feeds only: U+2028 and U+2029 are characters inside a value (valid in
JSON strings), not line ends. A file or a byte string is decoded line by line, so memory stays
flat in the file size (UTF-16, which only some spreadsheet exports use, is decoded whole).
"""

import codecs
import io
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from django.utils.translation import gettext as _

from kohtaanto.common.errors import ImportRejectedError, RowError

BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

Source = bytes | str | Path | IO[str] | IO[bytes]


def _not_decodable(line: int, encoding: str, filename: str) -> ImportRejectedError:
    if encoding == "utf-8":
        reason = _("Tiedosto ei ole UTF-8-muodossa.")
    else:
        reason = _("Tiedosto ei ole muodossa %(encoding)s.") % {"encoding": encoding}
    return ImportRejectedError([RowError(line, "", reason, filename)])


def decode_bytes(data: bytes, *, filename: str = "", encoding: str | None = None) -> str:
    """The whole text of `data`, or a rejection naming the line of the first bad byte."""
    return "".join(text_lines(data, filename=filename, encoding=encoding))


def _byte_lines(stream: IO[bytes], filename: str, encoding: str | None) -> Iterator[str]:
    head = stream.read(4)
    chosen = encoding
    skip = 0
    for bom, name in BOMS:
        if head.startswith(bom):
            chosen, skip = chosen or name, len(bom)
            break
    chosen = codecs.lookup(chosen or "utf-8").name
    rest = head[skip:]
    if chosen.startswith("utf-16"):
        # Spreadsheet exports of this kind are small: decoded whole, then split.
        data = rest + stream.read()
        try:
            text = data.decode(chosen)
        except UnicodeDecodeError as exc:
            bad_line = data[: exc.start].decode(chosen, errors="replace").count("\n") + 1
            raise _not_decodable(bad_line, chosen, filename) from exc
        yield from _str_lines(text)
        return
    first = True
    for number, raw in enumerate(_joined(rest, stream), start=1):
        try:
            line = raw.decode(chosen)
        except UnicodeDecodeError as exc:
            raise _not_decodable(number, chosen, filename) from exc
        if first and line.startswith("\ufeff"):
            line = line[1:]
        first = False
        yield line


def _joined(head: bytes, stream: IO[bytes]) -> Iterator[bytes]:
    """The stream's lines (split at b"\\n" only), with `head` read already put back in front."""
    pending = b""
    for raw in io.BytesIO(head):
        if raw.endswith(b"\n"):
            yield raw
        else:
            pending = raw
    for raw in stream:
        if pending:
            raw, pending = pending + raw, b""
        yield raw
    if pending:
        yield pending


def text_lines(source: Source, *, filename: str = "", encoding: str | None = None) -> Iterator[str]:
    """The lines of `source` with their line ends, decoded; the byte-order mark dropped."""
    if isinstance(source, bytes):
        yield from _byte_lines(io.BytesIO(source), filename, encoding)
    elif isinstance(source, Path):
        with source.open("rb") as stream:
            yield from _byte_lines(stream, filename, encoding)
    elif isinstance(source, str):
        yield from _str_lines(source)
    else:
        first = source.read(0)
        if isinstance(first, bytes):
            yield from _byte_lines(source, filename, encoding)  # type: ignore[arg-type]
        else:
            yield from _str_lines_of(source)  # type: ignore[arg-type]


def _str_lines(text: str) -> Iterator[str]:
    start = 0
    if text.startswith("\ufeff"):
        start = 1
    while start < len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start : end + 1]
        start = end + 1


def _str_lines_of(stream: IO[str]) -> Iterator[str]:
    first = True
    for line in stream:
        if first and line.startswith("\ufeff"):
            line = line[1:]
        first = False
        yield line
