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


def admin_content_security_policy() -> str:
    """The admin's Content-Security-Policy.

    Wagtail 8 still writes a few inline ``<script>`` tags (date pickers, inline panels), so
    scripts may be inline but come from no other origin, nothing can be framed or posted
    elsewhere, no plugin runs and the base URL cannot be changed. Images may come from media
    storage (S3) and avatars over HTTPS; embeds preview in frames over HTTPS.
    """
    directives = {
        "default-src": "'self'",
        "script-src": "'self' 'unsafe-inline'",
        "style-src": "'self' 'unsafe-inline'",
        "img-src": "'self' data: blob: https:",
        "font-src": "'self' data:",
        "connect-src": "'self'",
        "frame-src": "'self' https:",
        "media-src": "'self' https:",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'self'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


class AdminSecurityHeadersMiddleware:
    """A Content-Security-Policy on every admin response (the public sites are another matter:
    OPD content embeds maps and videos)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response
        self.policy = admin_content_security_policy()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/admin/"):
            response.headers.setdefault("Content-Security-Policy", self.policy)
        return response
