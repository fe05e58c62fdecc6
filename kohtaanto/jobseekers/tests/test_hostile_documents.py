"""Hostile CV files: archives and streams that unpack far beyond their size on disk."""

import io
import random
import string
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from kohtaanto.jobseekers.documents import (
    MAX_TEXT_CHARS,
    DocumentError,
    cv_text_from_upload,
)
from kohtaanto.jobseekers.models import CvDocument

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


CONTENT_TYPES = (
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>'
)
PACKAGE_RELS = (
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Target="word/document.xml" Type="http://schemas.openxmlformats.org/'
    'officeDocument/2006/relationships/officeDocument"/></Relationships>'
)


def _docx(body_chunks, *, compresslevel=9):
    """A DOCX whose word/document.xml is written from `body_chunks` as a stream. The package
    is complete, so that a reader without limits opens it and reads it all."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=compresslevel) as zf:
        zf.writestr("[Content_Types].xml", CONTENT_TYPES)
        zf.writestr("_rels/.rels", PACKAGE_RELS)
        with zf.open("word/document.xml", "w") as part:
            part.write(f"<w:document {W}><w:body>".encode())
            for chunk in body_chunks:
                part.write(chunk)
            part.write(b"</w:body></w:document>")
    return buffer.getvalue()


def _bomb_chunks(megabytes):
    filler = b" " * (1024 * 1024)
    for _ in range(megabytes):
        yield filler
    yield b"<w:p><w:r><w:t>Hitsaaja</w:t></w:r></w:p>"  # a CV that reads as one, once unpacked


def _pdf_with_content_stream(raw_length):
    """A one-page PDF whose content stream inflates to `raw_length` bytes."""
    content = zlib.compress(b"0 0 m\n" * (raw_length // 6), 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> "
        b"/Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(content)
        + content
        + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    trailer = b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
    out.write(trailer % (len(objects) + 1, xref))
    return out.getvalue()


def test_docx_bomb_is_refused_before_unpacking():
    data = _docx(_bomb_chunks(60), compresslevel=1)
    assert len(data) < 500 * 1024  # small on disk, 60 MB inside
    with pytest.raises(DocumentError, match="purkautuu liian suureksi"):
        cv_text_from_upload(name="cv.docx", size=len(data), stream=io.BytesIO(data))


def test_docx_with_lying_sizes_stops_at_the_unpacking_limit():
    data = bytearray(_docx(_bomb_chunks(25), compresslevel=1))
    # Rewrite the declared uncompressed size of document.xml (central directory and local
    # header) to look harmless; the stream must still stop at the limit while reading.
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as zf:
        info = zf.getinfo("word/document.xml")
    real = info.file_size.to_bytes(4, "little")
    fake = (info.compress_size * 2).to_bytes(4, "little")
    assert bytes(data).count(real) == 2
    data = bytes(data).replace(real, fake)
    with pytest.raises(DocumentError):
        cv_text_from_upload(name="cv.docx", size=len(data), stream=io.BytesIO(data))


def test_docx_text_stops_at_the_text_budget():
    rng = random.Random(18)
    words = ("".join(rng.choices(string.ascii_lowercase, k=9)) for _ in range(40_000))
    data = _docx(f"<w:p><w:r><w:t>{w}</w:t></w:r></w:p>".encode() for w in words)
    text = cv_text_from_upload(name="cv.docx", size=len(data), stream=io.BytesIO(data))
    # 400 000 characters inside; reading stops at the budget (a trailing newline is trimmed).
    assert MAX_TEXT_CHARS - 1 <= len(text) <= MAX_TEXT_CHARS


def test_docx_text_keeps_paragraphs_tabs_and_table_cells():
    body = [
        b"<w:p><w:r><w:t>Hitsaaja</w:t><w:tab/><w:t>2019</w:t></w:r></w:p>",
        b"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Tulity\xc3\xb6kortti</w:t></w:r></w:p></w:tc>",
        b"<w:tc><w:p><w:r><w:t>voimassa</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
    ]
    data = _docx(body)
    text = cv_text_from_upload(name="cv.docx", size=len(data), stream=io.BytesIO(data))
    assert text.splitlines()[:2] == ["Hitsaaja\t2019", "Tulityökortti"]
    assert "voimassa" in text


def test_docx_with_a_dtd_is_refused():
    data = _docx_with_prolog(b'<!DOCTYPE d [<!ENTITY a "aaaa">]>')
    with pytest.raises(DocumentError, match="vioittunut"):
        cv_text_from_upload(name="cv.docx", size=len(data), stream=io.BytesIO(data))


def _docx_with_prolog(prolog):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(
            "word/document.xml",
            b"<?xml version='1.0'?>" + prolog + f"<w:document {W}/>".encode(),
        )
    return buffer.getvalue()


def test_pdf_with_an_oversized_content_stream_is_refused():
    # 80 MB inflated: beyond pypdf's own limit too, whose LimitReachedError was a 500.
    data = _pdf_with_content_stream(80 * 1024 * 1024)
    assert len(data) < 300 * 1024
    with pytest.raises(DocumentError, match="purkautuu liian suureksi"):
        cv_text_from_upload(name="cv.pdf", size=len(data), stream=io.BytesIO(data))


def test_docx_bomb_upload_answers_400_with_the_reason(client_as, counsellor, job_seeker):
    data = _docx(_bomb_chunks(8))
    upload = SimpleUploadedFile("cv.docx", data, content_type="application/octet-stream")
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/profile/cv/", {"file": upload}
    )
    assert response.status_code == 400
    assert "purkautuu liian suureksi" in response.content.decode()
    assert not CvDocument.objects.exists()


def test_oversized_pdf_upload_answers_400_with_the_reason(client_as, counsellor, job_seeker):
    data = _pdf_with_content_stream(80 * 1024 * 1024)
    upload = SimpleUploadedFile("cv.pdf", data, content_type="application/pdf")
    response = client_as(counsellor).post(
        f"/jobseekers/{job_seeker.pk}/profile/cv/", {"file": upload}
    )
    assert response.status_code == 400
    assert "purkautuu liian suureksi" in response.content.decode()
