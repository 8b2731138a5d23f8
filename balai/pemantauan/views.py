"""Admin views: Kominfo's city dashboard, per-OPD drill-down, exports, spam alerts, digests."""

from __future__ import annotations

import io

from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.admin import messages

from balai.core.downloads import PDF, XLSX, download
from balai.opd import access
from balai.opd.models import OPD

from . import selectors, spam
from .indicators import GROUPS, REGISTRY
from .models import Digest, ExternalSite, Scorecard, SpamAlert


def _kominfo(request) -> None:
    access.require_kominfo(request.user)


def _period_and_cards(request):
    periods = selectors.periods()
    chosen = request.GET.get("period") or ""
    period = next((p for p in periods if p.isoformat() == chosen), periods[0] if periods else None)
    jenis = request.GET.get("jenis", "")
    if jenis not in OPD.Jenis.values:
        jenis = ""
    cards = selectors.cards_for(period, jenis) if period else []
    return periods, period, jenis, cards


def dashboard(request):
    _kominfo(request)
    periods, period, jenis, cards = _period_and_cards(request)
    for c in cards:
        c.spark = selectors.sparkline_points(c.monthly_publications)
    external, external_zones = selectors.external_sites()
    return TemplateResponse(
        request,
        "pemantauan/dashboard.html",
        {
            "external": external,
            "external_zones": external_zones,
            "now": timezone.now(),
            "cards": cards,
            "periods": periods,
            "period": period,
            "jenis": jenis,
            "jenis_choices": OPD.Jenis.choices,
            "overview": selectors.city_overview(cards),
            "open_alerts": SpamAlert.objects.filter(status=SpamAlert.Status.OPEN).count(),
            "query": request.GET.urlencode(),
        },
    )


def grouped(card: Scorecard) -> list[tuple[str, list[dict]]]:
    """Indicators by group, in registry order (PostgreSQL's jsonb does not keep key order)."""
    out: dict[str, list[dict]] = {g: [] for g in GROUPS}
    order = {k: i for i, k in enumerate(REGISTRY)}
    for key in sorted(card.indicators, key=lambda k: order.get(k, len(order))):
        ind = card.indicators[key]
        out.setdefault(ind["group"], []).append({"key": key, **ind})
    return [(str(GROUPS.get(g, g)), rows) for g, rows in out.items() if rows]


def opd_detail(request, opd_id: int):
    """One OPD's scorecard. Kominfo sees any; OPD staff only their own (404 otherwise)."""
    opd = get_object_or_404(access.visible(request.user, OPD), pk=opd_id)
    cards = selectors.history(opd)
    chosen = request.GET.get("period", "")
    card = next((c for c in cards if c.period.isoformat() == chosen), cards[-1] if cards else None)
    return TemplateResponse(
        request,
        "pemantauan/opd_detail.html",
        {
            "opd": opd,
            "card": card,
            "groups": grouped(card) if card else [],
            "history": cards,
            "fixes": card.top_fixes() if card else [],
            "spark": selectors.sparkline_points([c.total for c in cards], 240, 48),
        },
    )


def _export_rows(cards):
    keys = list(cards[0].indicators) if cards else []
    header = [_("Peringkat"), _("OPD"), _("Jenis"), _("Nilai"), _("Zona")] + [
        cards[0].indicators[k]["label"] for k in keys
    ]
    rows = []
    for c in cards:
        rows.append(
            [c.rank, c.opd.name, c.opd.get_jenis_display(), c.total, c.get_zone_display()]
            + [c.indicators.get(k, {}).get("score") for k in keys]
        )
    return header, rows


def export_xlsx(request):
    _kominfo(request)
    from openpyxl import Workbook

    _p, period, _j, cards = _period_and_cards(request)
    header, rows = _export_rows(cards)
    wb = Workbook()
    ws = wb.active
    ws.title = _("Rapor")
    ws.append(header)
    for row in rows:
        ws.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    name = f"rapor-opd-{period:%Y-%m}.xlsx" if period else "rapor-opd.xlsx"
    return download(buf.getvalue(), name, XLSX)


def export_pdf(request):
    _kominfo(request)
    from weasyprint import HTML

    _p, period, jenis, cards = _period_and_cards(request)
    html = render_to_string(
        "pemantauan/export_pdf.html",
        {"cards": cards, "period": period, "overview": selectors.city_overview(cards)},
    )
    name = f"rapor-opd-{period:%Y-%m}.pdf" if period else "rapor-opd.pdf"
    return download(HTML(string=html).write_pdf(), name, PDF)


def spam_alerts(request):
    _kominfo(request)
    status = request.GET.get("status", SpamAlert.Status.OPEN)
    alerts = SpamAlert.objects.filter(status=status).select_related("opd", "page", "document")
    return TemplateResponse(
        request,
        "pemantauan/spam_alerts.html",
        {"alerts": alerts[:500], "status": status, "statuses": SpamAlert.Status.choices},
    )


@require_POST
def spam_action(request, alert_id: int, action: str):
    _kominfo(request)
    alert = get_object_or_404(SpamAlert, pk=alert_id)
    if action == "unpublish":
        spam.unpublish(alert, request.user)
        messages.success(request, _("Konten diturunkan dari situs publik."))
    elif action == "dismiss":
        spam.dismiss(alert, request.user)
        messages.success(request, _("Ditandai bukan spam."))
    else:
        raise Http404
    return redirect("pemantauan_spam")


def digests(request):
    _kominfo(request)
    return TemplateResponse(
        request, "pemantauan/digests.html", {"digests": Digest.objects.select_related("opd")[:200]}
    )


def digest_detail(request, digest_id: int):
    digest = get_object_or_404(
        access.visible(request.user, Digest.objects.select_related("opd")), pk=digest_id
    )
    return TemplateResponse(request, "pemantauan/digest_detail.html", {"digest": digest})


@require_POST
def external_check_now(request, site_id: int):
    """Queue a check of one outside site now instead of waiting for the nightly round."""
    from balai.core.tasks import enqueue_after_commit

    from .tasks import check_external_site_task

    _kominfo(request)
    site = get_object_or_404(ExternalSite, pk=site_id)
    enqueue_after_commit(check_external_site_task, site.pk)
    messages.success(
        request,
        _("Pemeriksaan %(name)s dijadwalkan; hasilnya tampil di dasbor.") % {"name": site.name},
    )
    return redirect("pemantauan_dashboard")
