"""Take a deactivated OPD's site offline, keeping the admin reachable."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse

from balai.opd.selectors import opd_for_request

# Paths that keep working on a deactivated OPD's hostname: staff work and infrastructure.
ALWAYS_OPEN = ("/admin/", "/healthz", "/static/", "/django-admin/", "/sms/webhook/")


class OPDSiteMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not request.path.startswith(ALWAYS_OPEN):
            opd = opd_for_request(request)
            if opd is not None and not opd.is_active:
                response = TemplateResponse(
                    request, "opd/site_inactive.html", {"opd": opd}, status=503
                )
                response["Retry-After"] = "86400"
                return response.render()
        return self.get_response(request)
