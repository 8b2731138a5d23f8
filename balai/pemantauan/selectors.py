"""Reads of stored scorecards for the dashboard, exports and the public page (constant queries)."""

from __future__ import annotations

from django.db.models import QuerySet

from balai.opd.models import OPD

from .models import ExternalSite, Scorecard, Zone


def periods() -> list:
    return list(Scorecard.objects.order_by("-period").values_list("period", flat=True).distinct())


def cards_for(period, jenis: str = "") -> list[Scorecard]:
    qs: QuerySet = Scorecard.objects.filter(period=period).select_related("opd")
    if jenis:
        qs = qs.filter(opd__jenis=jenis)
    return sorted(qs, key=lambda c: (c.rank is None, c.rank or 0, c.opd.name))


def city_overview(cards: list[Scorecard]) -> dict:
    zones = {z.value: 0 for z in Zone}
    for c in cards:
        if c.zone:
            zones[c.zone] += 1
    stalest = sorted(
        cards,
        key=lambda c: -(10**6 if c.days_since_publication is None else c.days_since_publication),
    )[:5]
    slowest = sorted(
        (c for c in cards if c.response_hours is not None), key=lambda c: -(c.response_hours or 0)
    )[:5]
    return {"zones": zones, "stalest": stalest, "slowest": slowest, "count": len(cards)}


def history(opd: OPD, months: int = 12) -> list[Scorecard]:
    return list(reversed(Scorecard.objects.filter(opd=opd).order_by("-period")[:months]))


def sparkline_points(values: list, width: int = 96, height: int = 24) -> str:
    """Points of an inline-SVG polyline for ``values`` (no JS chart library)."""
    values = [v or 0 for v in values]
    if not values:
        return ""
    top = max(values) or 1
    step = width / max(len(values) - 1, 1)
    return " ".join(
        f"{round(i * step, 1)},{round(height - 2 - (v / top) * (height - 4), 1)}"
        for i, v in enumerate(values)
    )


def external_sites() -> tuple[list[ExternalSite], dict[str, int]]:
    """Watched OPD sites outside Balai, worst first, and how many fall in each zone."""
    order = {Zone.MERAH: 0, Zone.KUNING: 1, Zone.HIJAU: 2, "": 3}
    sites = sorted(
        ExternalSite.objects.filter(is_active=True).select_related("opd"),
        key=lambda s: (order.get(s.zone, 3), s.score if s.score is not None else 101, s.name),
    )
    zones = {z.value: 0 for z in Zone}
    for site in sites:
        if site.zone:
            zones[site.zone] += 1
    return sites, zones
