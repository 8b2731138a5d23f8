"""Old WordPress addresses that Wagtail's redirects cannot match: ``/?p=ID``, ``/?page_id=ID``,
``/?attachment_id=ID`` and every ``/wp-content/uploads/…`` file (incl. WordPress's resized
copies ``x-300x225.jpg``), answered with a 301 to what the import made of them.

Path forms (``/2023/05/10/slug/``, ``/slug/``, ``/category/x/``) are Wagtail ``Redirect`` rows
written by the importer, editable in Pengaturan → Pengalihan.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponsePermanentRedirect

from balai.migrasi import wxr
from balai.migrasi.models import ImportedItem

QUERY_KINDS = {"p": "post", "page_id": "page", "attachment_id": "attachment"}


def legacy_target(request: HttpRequest) -> str | None:
    from balai.opd.selectors import opd_for_request

    path = request.path
    if path == "/" and request.GET:
        lookup = next(
            ((kind, request.GET[key]) for key, kind in QUERY_KINDS.items() if key in request.GET),
            None,
        )
        if lookup is None or not lookup[1].isdigit():
            return None
        opd = opd_for_request(request)
        if opd is None:
            return None
        kinds = ["post", "page"] if lookup[0] == "post" else [lookup[0]]  # ?p= also finds pages
        item = (
            ImportedItem.objects.filter(opd=opd, kind__in=kinds, wp_id=int(lookup[1]))
            .select_related("page")
            .first()
        )
    elif path.startswith(wxr.UPLOADS_MARKER):
        rel = wxr.upload_relpath(path)
        opd = opd_for_request(request) if rel else None
        if opd is None:
            return None
        item = (
            ImportedItem.objects.filter(
                opd=opd, kind="attachment", old_path=wxr.UPLOADS_MARKER + rel
            )
            .select_related("image", "document")
            .first()
        )
    else:
        return None
    if item is None or (item.page_id and not item.page.live):
        return None
    return item.target_url


class WordPressLegacyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.path == "/" and request.GET or request.path.startswith(wxr.UPLOADS_MARKER):
            target = legacy_target(request)
            if target:
                return HttpResponsePermanentRedirect(target)
        return self.get_response(request)
