"""Template context: the OPD of the current site (None on the portal)."""

from django.http import HttpRequest

from balai.opd.selectors import opd_for_request


def current_opd(request: HttpRequest) -> dict:
    return {"current_opd": opd_for_request(request)}
