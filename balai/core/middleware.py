"""Bahasa Indonesia first: the interface language is Indonesian unless the person chose English.

Django's LocaleMiddleware would follow the browser's Accept-Language, and many phones and office
PCs in Indonesia run an English browser; Balai serves Indonesian to them too. The choice (the
language switch in the footer, or the admin account setting) is kept in the language cookie.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


def chosen_language(request: HttpRequest) -> str | None:
    """The language the visitor chose (language cookie), if it is one Balai speaks."""
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    try:
        return translation.get_supported_language_variant(chosen) if chosen else None
    except LookupError:
        return None


class IndonesianFirstLocaleMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        translation.activate(chosen_language(request) or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", request.LANGUAGE_CODE)
        return response
