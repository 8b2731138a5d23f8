"""Admin pages of the admin UI itself: the operator's guide."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.opd.models import PemdaSettings


def guide(request: HttpRequest) -> HttpResponse:
    """A short guide in Bahasa Indonesia, in place of Wagtail's English editor guide."""
    pemda = PemdaSettings.load(request_or_site=request)
    return render(request, "adminui/guide.html", {"pemda": pemda})
