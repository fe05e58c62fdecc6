"""Reading the text of an uploaded CV: PDF (pypdf), DOCX (python-docx) or plain text.

Every refusal says why (size, type, no text found); nothing is stored from a refused file.
"""

import io
import zipfile
from typing import IO
from xml.etree import ElementTree

from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
ALLOWED = (".pdf", ".docx", ".txt")

# Limits on what a file may unpack to. A real CV's document.xml is well under 2 MB and
# compresses about 5–20 times; the limits leave a wide margin for CVs and none for bombs.
MAX_DOCX_MEMBERS = 500
MAX_DOCX_PART_BYTES = 20 * 1024 * 1024
MAX_DOCX_TOTAL_BYTES = 40 * 1024 * 1024
MAX_DOCX_RATIO = 200
MAX_PDF_PAGES = 100
PDF_LIMITS = {
    "zlib_maximum_output_length": 20_000_000,
    "lzw_maximum_output_length": 20_000_000,
    "run_length_maximum_output_length": 20_000_000,
    "brotli_maximum_output_length": 20_000_000,
    "array_based_stream_maximum_output_length": 20_000_000,
    "maximum_declared_stream_length": 20_000_000,
    "stream_decoding_work_maximum_length": 60_000_000,
    "stream_parsing_work_maximum_count": 500_000,
}


class DocumentError(DomainError):
    code = "invalid_document"


def _unpacks_too_large() -> str:
    return _(
        "Tiedosto purkautuu liian suureksi tai on liian monimutkainen luettavaksi. "
        "Tallenna ansioluettelo uudelleen tai liitä sen teksti tekstikenttään."
    )


def cv_text_from_upload(*, name: str, size: int, stream: IO[bytes]) -> str:
    """The text of an uploaded CV, or DocumentError with a reason the user understands."""
    lower = name.lower()
    if not lower.endswith(ALLOWED):
        raise DocumentError(_("Tiedostotyyppiä ei tueta. Lataa PDF-, DOCX- tai TXT-tiedosto."))
    if size > MAX_UPLOAD_BYTES:
        raise DocumentError(
            _("Tiedosto on liian suuri (%(size)s Mt). Suurin sallittu koko on %(max)s Mt.")
            % {"size": f"{size / 1024 / 1024:.1f}", "max": MAX_UPLOAD_BYTES // 1024 // 1024}
        )
    data = stream.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise DocumentError(_("Tiedosto on liian suuri."))
    if lower.endswith(".pdf"):
        text = _pdf_text(data)
    elif lower.endswith(".docx"):
        text = _docx_text(data)
    else:
        text = _plain_text(data)
    text = text.strip()
    if not text:
        raise DocumentError(
            _(
                "Tiedostosta ei löytynyt tekstiä. Jos se on skannattu kuva, liitä teksti "
                "tekstikenttään."
            )
        )
    return text[:MAX_TEXT_CHARS]


def _pdf_text(data: bytes) -> str:
    from pypdf import PdfReader, apply_configuration
    from pypdf.errors import LimitReachedError, PyPdfError

    if not data.startswith(b"%PDF"):
        raise DocumentError(_("Tiedosto ei ole PDF-tiedosto, vaikka sen nimi päättyy .pdf."))
    parts: list[str] = []
    budget = MAX_TEXT_CHARS
    try:
        with apply_configuration(**PDF_LIMITS):
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted:
                raise DocumentError(_("PDF-tiedosto on salattu. Lataa salaamaton tiedosto."))
            for index, page in enumerate(reader.pages):
                if budget <= 0 or index >= MAX_PDF_PAGES:
                    break
                text = page.extract_text() or ""
                parts.append(text[:budget])
                budget -= len(text)
    except LimitReachedError as exc:
        raise DocumentError(_unpacks_too_large()) from exc
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError) as exc:
        # pypdf raises many kinds of error on broken files; none of them is the user's fault
        # in a way they could fix other than by saving the file again.
        raise DocumentError(_("PDF-tiedostoa ei voitu lukea: se on vioittunut.")) from exc
    except RecursionError as exc:
        raise DocumentError(_unpacks_too_large()) from exc
    return "\n".join(parts)


def _docx_text(data: bytes) -> str:
    """The text of word/document.xml, read as a stream that stops at the text budget.

    The upload limit is on the compressed file; a few hundred kilobytes of zip can hold
    gigabytes of XML. So the declared sizes and compression ratios are checked before
    anything is unpacked, and the bytes actually unpacked are counted as they are read.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        raise DocumentError(
            _("Tiedosto ei ole DOCX-tiedosto, vaikka sen nimi päättyy .docx.")
        ) from exc
    with archive:
        members = archive.infolist()
        if len(members) > MAX_DOCX_MEMBERS:
            raise DocumentError(_unpacks_too_large())
        total = 0
        for member in members:
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            if member.file_size > MAX_DOCX_PART_BYTES or ratio > MAX_DOCX_RATIO:
                raise DocumentError(_unpacks_too_large())
        if total > MAX_DOCX_TOTAL_BYTES:
            raise DocumentError(_unpacks_too_large())
        try:
            with archive.open("word/document.xml") as part:
                return _wordprocessing_text(part)
        except KeyError as exc:
            raise DocumentError(
                _("Tiedosto ei ole DOCX-tiedosto, vaikka sen nimi päättyy .docx.")
            ) from exc
        except (zipfile.BadZipFile, ElementTree.ParseError, NotImplementedError) as exc:
            # NotImplementedError: a compression method zipfile cannot read.
            raise DocumentError(_("DOCX-tiedostoa ei voitu lukea: se on vioittunut.")) from exc


_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_BREAKS = {f"{_W}p": "\n", f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}tc": " "}


def _wordprocessing_text(part: IO[bytes]) -> str:
    parser = ElementTree.XMLPullParser(events=("end",))
    pieces: list[str] = []
    chars = 0
    unpacked = 0
    tail = b""
    while chars < MAX_TEXT_CHARS:
        chunk = part.read(64 * 1024)
        if not chunk:
            break
        unpacked += len(chunk)
        if unpacked > MAX_DOCX_PART_BYTES:
            raise DocumentError(_unpacks_too_large())
        # Word never writes a DTD; refusing one rules out entity-expansion tricks.
        if b"<!DOCTYPE" in tail + chunk:
            raise DocumentError(_("DOCX-tiedostoa ei voitu lukea: se on vioittunut."))
        tail = chunk[-8:]
        parser.feed(chunk)
        for _event, element in parser.read_events():
            if element.tag == f"{_W}t" and element.text:
                pieces.append(element.text)
                chars += len(element.text)
            elif element.tag in _BREAKS:
                pieces.append(_BREAKS[element.tag])
            if element.tag == f"{_W}p":
                element.clear()
    return "".join(pieces)[:MAX_TEXT_CHARS]


def _plain_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentError(_("Tiedosto ei ole tekstitiedosto."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Windows tools save Finnish text as Windows-1252.
        return data.decode("cp1252", errors="replace")
