"""Service standards, PPID and aspirations, read from the other apps' selectors."""

from __future__ import annotations

import importlib

from django.utils.translation import gettext_lazy as _

from balai.pemantauan.indicators.base import (
    Context,
    Result,
    _linear,
    indicator,
)


def _selector(module: str, name: str, ctx: Context, **kwargs):
    """Call another app's per-OPD stats selector, or None when that app does not provide it."""
    try:
        fn = getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None
    key = f"{module}.{name}"
    if key not in ctx.cache:
        ctx.cache[key] = fn(opd_ids=[o.id for o in ctx.opds], **kwargs)
    return ctx.cache[key]


def _ratio(num, den) -> float | None:
    return round(100.0 * num / den, 2) if den else None


def _share(num: str, den: str, *, none_scores_zero: bool = False):
    """Build a Result from a selector row: ``num`` out of ``den``, scored as a percentage
    (no denominator: not applicable, or zero when ``none_scores_zero``)."""

    def build(s: dict) -> Result:
        score = _ratio(s[num], s[den])
        if none_scores_zero:
            score = score or 0.0
        return Result([s[num], s[den]], f"{s[num]}/{s[den]}", score, s.get("evidence_url", ""))

    return build


def _penalty_per_item(key: str, points: int):
    """Build a Result from a selector row: 100 less ``points`` for each item counted in ``key``."""

    def build(s: dict) -> Result:
        count = s[key]
        return Result(
            count, str(count), max(0.0, 100.0 - points * count), s.get("evidence_url", "")
        )

    return build


def _from_stats(ctx, stats, build):
    if stats is None:
        return None
    return {o.id: build(stats[o.id]) if o.id in stats else Result() for o in ctx.opds}


@indicator(
    "services_complete",
    "layanan",
    _("Layanan dengan standar lengkap"),
    2,
    _(
        "Bagian layanan yang memuat keenam komponen publik standar pelayanan (UU 25/2009 Pasal 21, "
        "PermenPAN-RB 15/2014)."
    ),
)
def services_complete(ctx):
    stats = _selector("balai.layanan.selectors", "compliance_by_opd", ctx)
    return _from_stats(
        ctx,
        stats,
        _share("services_complete", "services_total", none_scores_zero=True),
    )


@indicator(
    "maklumat",
    "layanan",
    _("Maklumat pelayanan"),
    1,
    _("Maklumat pelayanan terbit (UU 25/2009 Pasal 22)."),
)
def maklumat(ctx):
    stats = _selector("balai.layanan.selectors", "compliance_by_opd", ctx)
    return _from_stats(
        ctx,
        stats,
        lambda s: Result(
            bool(s["has_maklumat"]),
            str(_("ada") if s["has_maklumat"] else _("belum ada")),
            100.0 if s["has_maklumat"] else 0.0,
            s.get("evidence_url", ""),
        ),
    )


@indicator(
    "ikm",
    "layanan",
    _("Indeks Kepuasan Masyarakat"),
    1,
    _("IKM terakhir (PermenPAN-RB 14/2017, skala 25–100); nol bila belum ada survei."),
)
def ikm(ctx):
    stats = _selector("balai.layanan.selectors", "compliance_by_opd", ctx)

    def build(s):
        if s.get("ikm") is None:
            return Result(None, str(_("belum ada survei")), 0.0, s.get("evidence_url", ""))
        value = float(s["ikm"])
        label = f"{value:.2f} ({s.get('ikm_category', '')} {s.get('ikm_label', '')})".strip()
        return Result(value, label, round(value, 2), s.get("evidence_url", ""))

    return _from_stats(ctx, stats, build)


@indicator(
    "dip",
    "ppid",
    _("Daftar Informasi Publik per kategori"),
    1,
    _("Kategori DIP yang terisi (UU 14/2008 Pasal 9–11)."),
)
def dip(ctx):
    stats = _selector("balai.ppid.selectors", "ppid_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _dip_result,
    )


def _dip_result(s: dict) -> Result:
    """Required DIP categories that have at least one item (lists of category codes)."""
    required = list(s["dip_categories_required"])
    present = [c for c in required if c in set(s["dip_categories_present"])]
    return Result(
        [len(present), len(required)],
        f"{len(present)}/{len(required)}",
        _ratio(len(present), len(required)) or 0.0,
        s.get("evidence_url", ""),
    )


@indicator(
    "dip_stale",
    "ppid",
    _("Informasi berkala kedaluwarsa"),
    1,
    _(
        "Informasi berkala yang tidak diperbarui dalam enam bulan (UU 14/2008 Pasal 9); "
        "25 poin berkurang per butir."
    ),
)
def dip_stale(ctx):
    stats = _selector("balai.ppid.selectors", "ppid_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _penalty_per_item("dip_stale_berkala", 25),
    )


@indicator(
    "requests_on_time",
    "ppid",
    _("Permohonan dijawab tepat waktu"),
    2,
    _("Permohonan informasi yang dijawab dalam 10 (+7) hari kerja (UU 14/2008 Pasal 22)."),
)
def requests_on_time(ctx):
    stats = _selector("balai.ppid.selectors", "ppid_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _share("requests_on_time", "requests_closed"),
    )


@indicator(
    "requests_overdue",
    "ppid",
    _("Permohonan terlambat"),
    1,
    _("Permohonan terbuka yang melewati batas waktu; 20 poin berkurang per permohonan."),
)
def requests_overdue(ctx):
    stats = _selector("balai.ppid.selectors", "ppid_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _penalty_per_item("requests_overdue", 20),
    )


@indicator(
    "aspirasi_on_time",
    "aspirasi",
    _("Aduan dijawab tepat waktu"),
    2,
    _("Aduan yang dijawab dalam batas waktu kategorinya (Perpres 76/2013, SP4N-LAPOR!)."),
)
def aspirasi_on_time(ctx):
    stats = _selector("balai.aspirasi.selectors", "aspirasi_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _share("answered_on_time", "tickets_total"),
    )


@indicator(
    "first_response",
    "aspirasi",
    _("Median waktu tanggapan pertama"),
    1,
    _(
        "Nilai penuh sampai 72 jam (tanggapan pertama paling lama 3 hari, SP4N-LAPOR!), "
        "nol pada 216 jam."
    ),
)
def first_response(ctx):
    stats = _selector("balai.aspirasi.selectors", "aspirasi_stats_by_opd", ctx, today=ctx.today)

    def build(s):
        hours = s.get("median_first_response_hours")
        if hours is None:
            return Result(None, "—", None, s.get("evidence_url", ""))
        return Result(
            round(float(hours), 1),
            f"{float(hours):.1f} jam",
            _linear(float(hours), 72, 216),
            s.get("evidence_url", ""),
        )

    return _from_stats(ctx, stats, build)


@indicator(
    "aspirasi_overdue",
    "aspirasi",
    _("Aduan terlambat"),
    1,
    _("Aduan terbuka yang melewati batas waktu; 20 poin berkurang per aduan."),
)
def aspirasi_overdue(ctx):
    stats = _selector("balai.aspirasi.selectors", "aspirasi_stats_by_opd", ctx, today=ctx.today)
    return _from_stats(
        ctx,
        stats,
        _penalty_per_item("overdue", 20),
    )
