"""The public transparency page: OPD ranking by freshness and responsiveness, no personal data."""

from __future__ import annotations

from django.http import Http404
from django.template.response import TemplateResponse

from . import selectors
from .models import MonitoringSettings


def transparansi(request):
    if not MonitoringSettings.load(request_or_site=request).public_transparency:
        raise Http404
    periods = selectors.periods()
    cards = selectors.cards_for(periods[0]) if periods else []
    # Only aggregate scores and dates: no names of operators, requesters or reporters.
    fresh = sorted(
        cards, key=lambda c: (c.freshness_score is None, -(c.freshness_score or 0), c.opd.name)
    )
    responsive = sorted(
        (c for c in cards if c.responsiveness_score is not None),
        key=lambda c: (-c.responsiveness_score, c.opd.name),
    )
    return TemplateResponse(
        request,
        "pemantauan/transparansi.html",
        {"period": periods[0] if periods else None, "fresh": fresh, "responsive": responsive},
    )
