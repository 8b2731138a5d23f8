"""Refuse requests whose address or query carries a NUL character, before any view runs.

No address or search term of Balai has a use for NUL (``%00``), and PostgreSQL cannot store or even
compare it in a text value: every view that looked such a value up in the database answered HTTP
500 (issue 12). Form fields are covered by Django's own validator; JSON webhooks check their own
values. The answer is 400 with a plain Indonesian sentence.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _

NUL = "\x00"


def has_nul(request: HttpRequest) -> bool:
    if NUL in request.path:
        return True
    return any(
        NUL in key or any(NUL in value for value in values) for key, values in request.GET.lists()
    )


class RefuseNulMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if has_nul(request):
            return HttpResponseBadRequest(
                _("Permintaan ditolak: alamat atau parameter berisi karakter yang tidak sah."),
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
