"""Activity: how recently and how often an OPD publishes, and who does it."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.pemantauan.indicators.base import (
    Context,
    Result,
    _explore,
    _linear,
    indicator,
    publications,
)


@indicator(
    "days_since_publication",
    "aktivitas",
    _("Hari sejak publikasi terakhir"),
    8,
    _(
        "Berita, pengumuman, agenda atau album terakhir yang terbit. Nilai penuh sampai 7 hari, "
        "nol pada 3 × batas hari tanpa publikasi (bawaan 90 hari)."
    ),
)
def days_since_publication(ctx: Context):
    out = {}
    for opd in ctx.opds:
        last = publications(ctx)[opd.id]["last"]
        evidence = _explore(opd.site.root_page_id)
        if last is None:
            out[opd.id] = Result(None, str(_("belum pernah")), 0.0, evidence)
        else:
            days = (ctx.today - last).days
            out[opd.id] = Result(
                days,
                str(_("%(n)d hari (%(date)s)")) % {"n": days, "date": last.isoformat()},
                _linear(days, 7, 3 * ctx.stale_days),
                evidence,
            )
    return out


@indicator(
    "publications_12m",
    "aktivitas",
    _("Bulan aktif dalam 12 bulan"),
    4,
    _("Jumlah bulan dengan sedikitnya satu publikasi dalam 12 bulan terakhir."),
)
def publications_12m(ctx: Context):
    out = {}
    for opd in ctx.opds:
        months = publications(ctx)[opd.id]["months"]
        active = sum(1 for n in months if n)
        out[opd.id] = Result(
            months,
            str(_("%(a)d dari 12 bulan, %(n)d publikasi")) % {"a": active, "n": sum(months)},
            round(100.0 * active / 12, 2),
            _explore(opd.site.root_page_id),
        )
    return out


@indicator(
    "active_operators",
    "aktivitas",
    _("Operator aktif"),
    1,
    _("Operator/admin OPD yang masuk dalam 30 hari (nilai penuh) atau 90 hari (setengah)."),
)
def active_operators(ctx: Context):
    group_to_opd = {}
    for opd in ctx.opds:
        for gid in (opd.operator_group_id, opd.admin_group_id):
            if gid:
                group_to_opd[gid] = opd.id
    now = timezone.now()
    rows = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=list(group_to_opd))
        .values_list("id", "groups", "last_login")
    )
    seen: dict[int, dict[int, dt.datetime | None]] = defaultdict(dict)
    for uid, gid, last_login in rows:
        seen[group_to_opd[gid]][uid] = last_login
    out = {}
    for opd in ctx.opds:
        logins = [x for x in seen[opd.id].values() if x]
        d30 = sum(1 for x in logins if now - x <= dt.timedelta(days=30))
        d90 = sum(1 for x in logins if now - x <= dt.timedelta(days=90))
        score = 100.0 if d30 else 50.0 if d90 else 0.0
        out[opd.id] = Result(
            {"d30": d30, "d90": d90, "accounts": len(seen[opd.id])},
            str(_("%(a)d (30 hari) / %(b)d (90 hari) dari %(n)d akun"))
            % {"a": d30, "b": d90, "n": len(seen[opd.id])},
            score,
            reverse("wagtailusers_users:index"),
        )
    return out
