"""Admin pages of the admin UI itself: the operator's guide."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from balai.adminui.identity import pemda_settings


def guide(request: HttpRequest) -> HttpResponse:
    """A short guide in Bahasa Indonesia, in place of Wagtail's English editor guide."""
    return render(request, "adminui/guide.html", {"pemda": pemda_settings()})
