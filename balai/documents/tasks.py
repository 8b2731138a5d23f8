"""Background work on documents: read the text of uploaded PDFs so that search finds it."""

from __future__ import annotations

import logging

from django_tasks import task
from wagtail.documents import get_document_model

logger = logging.getLogger(__name__)

# Enough for search: long reports are found by their first pages; bounded cost per upload.
MAX_PAGES = 60
MAX_CHARS = 200_000


def pdf_text(fileobj) -> str:
    """The text of a PDF (first MAX_PAGES pages, at most MAX_CHARS characters)."""
    from pypdf import PdfReader

    reader = PdfReader(fileobj, strict=False)
    parts: list[str] = []
    size = 0
    for number, pdf_page in enumerate(reader.pages):
        if number >= MAX_PAGES or size >= MAX_CHARS:
            break
        text = pdf_page.extract_text() or ""
        parts.append(text)
        size += len(text)
    return " ".join(" ".join(parts).split())[:MAX_CHARS]


@task()
def extract_document_text(document_id: int) -> int:
    """Store the text of a PDF document in ``extracted_text`` and re-index the document.

    Returns the number of characters stored. Unreadable PDFs are logged and stored as empty.
    """
    from modelsearch.index import insert_or_update_object

    document = get_document_model().objects.filter(pk=document_id).first()
    if document is None:
        return 0
    text = ""
    if document.file_extension.lower() == "pdf":
        try:
            with document.open_file() as fileobj:
                text = pdf_text(fileobj)
        except Exception:  # a broken PDF must not kill the worker or block the upload
            logger.warning("Could not read the text of document %s", document_id, exc_info=True)
    if text != document.extracted_text:
        type(document).objects.filter(pk=document_id).update(extracted_text=text)
        document.extracted_text = text
        insert_or_update_object(document)
    return len(text)
