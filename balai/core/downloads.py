"""Generated files (reports, registers, calendars) sent as downloads: one helper, so every file
is named the same way (RFC 6266 through Django's ``content_disposition_header``, which also
handles non-ASCII names)."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PDF = "application/pdf"
CSV = "text/csv; charset=utf-8"


def download(
    content: bytes | str, filename: str, content_type: str, *, inline: bool = False
) -> HttpResponse:
    """``content`` as a file named ``filename``: saved by the browser, or shown when ``inline``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(not inline, filename)
    return response
