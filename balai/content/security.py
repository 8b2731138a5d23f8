"""Content-Security-Policy of the public pages: no inline script, no third-party script.

Only the public faces built here get it (Wagtail pages of this app, feeds); the admin keeps
Wagtail's own inline scripts. The brand colour is one inline ``<style>`` in base.html, so styles
allow 'unsafe-inline' (styles cannot run code); scripts are 'self' only.
"""

from __future__ import annotations

from django.http import HttpResponse

CSP = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: blob:",
        # The video player is the only third party, and only after the reader's click.
        "frame-src https://www.youtube-nocookie.com https://player.vimeo.com",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'self'",
    ]
)


def add_csp(response: HttpResponse) -> HttpResponse:
    if "Content-Security-Policy" not in response:
        response["Content-Security-Policy"] = CSP
    return response
