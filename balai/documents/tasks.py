"""Background work on documents: read the text of uploaded PDF, DOCX and XLSX files so that
search finds what is inside them (pypdf, python-docx, openpyxl).

A PDF keeps where each of its pages starts, so that a search result can say "hlm. 3". A PDF
whose pages have no text layer (a scan) is marked as such: its title and description are
searchable, its content is not until someone uploads a text version.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from django_tasks import task
from wagtail.documents import get_document_model

from balai.documents.models import TextStatus

logger = logging.getLogger(__name__)

# Enough for search, with a bounded cost per upload: long reports are found by their first pages.
MAX_PAGES = 300
MAX_CHARS = 300_000
# A PDF with fewer letters and digits than this per page has no real text layer (a scan; a
# stamped page number or a header line may still be there).
SCAN_MAX_CHARS_PER_PAGE = 10


@dataclass
class ExtractedText:
    text: str = ""
    page_starts: list[int] = field(default_factory=list)
    status: str = TextStatus.OK


def _clean(text: str) -> str:
    return " ".join(text.split())


def _join(parts: list[str]) -> tuple[str, list[int]]:
    """Parts joined by a space, and where each part starts, cut at MAX_CHARS."""
    starts, out, size = [], [], 0
    for part in parts:
        if size >= MAX_CHARS:
            break
        starts.append(size)
        out.append(part)
        size += len(part) + 1
    return " ".join(out)[:MAX_CHARS], starts


def read_pdf(fileobj) -> ExtractedText:
    from pypdf import PdfReader

    reader = PdfReader(fileobj, strict=False)
    pages: list[str] = []
    size = 0
    for number, pdf_page in enumerate(reader.pages):
        if number >= MAX_PAGES or size >= MAX_CHARS:
            break
        text = _clean(pdf_page.extract_text() or "")
        pages.append(text)
        size += len(text)
    letters = sum(ch.isalnum() for page in pages for ch in page)
    if pages and letters < SCAN_MAX_CHARS_PER_PAGE * len(pages):
        return ExtractedText(status=TextStatus.SCAN)
    text, starts = _join(pages)
    return ExtractedText(text, starts if len(starts) > 1 else [])


def read_docx(fileobj) -> ExtractedText:
    import docx

    document = docx.Document(fileobj)
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    text, _starts = _join([_clean(p) for p in parts if p.strip()])
    return ExtractedText(text)


def read_xlsx(fileobj) -> ExtractedText:
    from openpyxl import load_workbook

    workbook = load_workbook(fileobj, read_only=True, data_only=True)
    parts: list[str] = []
    size = 0
    try:
        for sheet in workbook.worksheets:
            parts.append(sheet.title)
            for row in sheet.iter_rows(values_only=True):
                line = _clean(" ".join(str(v) for v in row if v is not None))
                if line:
                    parts.append(line)
                    size += len(line)
                if size >= MAX_CHARS:
                    break
    finally:
        workbook.close()
    text, _starts = _join(parts)
    return ExtractedText(text)


READERS = {"pdf": read_pdf, "docx": read_docx, "xlsx": read_xlsx}


def read_text(document) -> ExtractedText:
    """The text of a document's file; never raises (a broken file is logged and marked)."""
    reader = READERS.get(document.file_extension.lower())
    if reader is None:
        return ExtractedText(status=TextStatus.NONE)
    try:
        with document.open_file() as fileobj:
            return reader(fileobj)
    except Exception:  # a broken file must not kill the worker or block the upload
        logger.warning("Could not read the text of document %s", document.pk, exc_info=True)
        return ExtractedText(status=TextStatus.UNREADABLE)


@task()
def extract_document_text(document_id: int) -> int:
    """Store the text of a document's file for search. Returns the number of characters.

    The document is saved with only the text fields, so every index (Balai's public search,
    Wagtail's admin search) updates itself through its save handler.
    """
    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    extracted = read_text(document)
    if (extracted.text, extracted.page_starts, extracted.status) != (
        document.extracted_text,
        document.text_page_starts,
        document.text_status,
    ):
        document.extracted_text = extracted.text
        document.text_page_starts = extracted.page_starts
        document.text_status = extracted.status
        document.save(update_fields=["extracted_text", "text_page_starts", "text_status"])
    return len(extracted.text)
