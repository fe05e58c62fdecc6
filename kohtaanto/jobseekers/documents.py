"""Reading the text of an uploaded CV: PDF (pypdf), DOCX (python-docx) or plain text.

Every refusal says why (size, type, no text found); nothing is stored from a refused file.
"""

import io
import zipfile
from typing import IO

from django.utils.translation import gettext as _

from kohtaanto.common.errors import DomainError

MAX_UPLOAD_BYTES = 5 * 1024 * 1024
MAX_TEXT_CHARS = 100_000
ALLOWED = (".pdf", ".docx", ".txt")


class DocumentError(DomainError):
    code = "invalid_document"


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
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    if not data.startswith(b"%PDF"):
        raise DocumentError(_("Tiedosto ei ole PDF-tiedosto, vaikka sen nimi päättyy .pdf."))
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise DocumentError(_("PDF-tiedosto on salattu. Lataa salaamaton tiedosto."))
        return "\n".join(page.extract_text() or "" for page in reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError) as exc:
        raise DocumentError(_("PDF-tiedostoa ei voitu lukea: se on vioittunut.")) from exc


def _docx_text(data: bytes) -> str:
    from docx import Document

    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise DocumentError(_("Tiedosto ei ole DOCX-tiedosto, vaikka sen nimi päättyy .docx."))
    try:
        document = Document(io.BytesIO(data))
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise DocumentError(_("DOCX-tiedostoa ei voitu lukea: se on vioittunut.")) from exc
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.append(" ".join(cell.text for cell in row.cells))
    return "\n".join(parts)


def _plain_text(data: bytes) -> str:
    if b"\x00" in data[:4096]:
        raise DocumentError(_("Tiedosto ei ole tekstitiedosto."))
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Older Windows tools save Finnish text as Windows-1252.
        return data.decode("cp1252", errors="replace")
