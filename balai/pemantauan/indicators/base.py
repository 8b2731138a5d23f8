"""The registry and what every indicator shares: results, the context, helpers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from balai.opd.selectors import HOME_PATH_LEN

PUBLICATION_MODELS = ("beritapage", "pengumumanpage", "agendapage", "albumpage")
PROFILE_PAGES = {
    # model: (label, Q that means "filled")
    "visimisipage": (_("Visi & Misi"), ~Q(visimisipage__visi="")),
    "strukturorganisasipage": (
        _("Struktur Organisasi"),
        Q(strukturorganisasipage__chart_image__isnull=False) | ~Q(strukturorganisasipage__body=""),
    ),
    "tugasfungsipage": (_("Tugas & Fungsi"), ~Q(tugasfungsipage__body="")),
    "profilpimpinanpage": (_("Profil Pimpinan"), ~Q(profilpimpinanpage__leader_name="")),
}
# Documents evaluators look for on an OPD site (shared/domain/website.md: "documents (peraturan,
# SOP, renstra/renja, LAKIP/LKjIP ...)"; Ombudsman looks for SOP and maklumat,
# UU 25/2009 Pasal 21–22).
REQUIRED_DOCUMENT_CATEGORIES = ("sop", "maklumat", "renstra", "lakip")


@dataclass
class Result:
    value: object = None
    display: str = ""
    score: float | None = None  # 0–100; None = not applicable for this OPD
    evidence: str = ""


@dataclass
class Context:
    opds: list  # OPD instances with root_page loaded
    today: dt.date
    stale_days: int = 30
    cache: dict = field(default_factory=dict)

    def opd_by_prefix(self) -> dict[str, object]:
        if "prefix" not in self.cache:
            self.cache["prefix"] = {o.root_page.path: o for o in self.opds if o.site_id}
        return self.cache["prefix"]


@dataclass(frozen=True)
class Indicator:
    key: str
    group: str
    label: str
    weight: float
    compute: Callable[[Context], dict | None]
    description: str = ""


GROUPS = {
    "aktivitas": _("Aktivitas"),
    "kelengkapan": _("Kelengkapan konten"),
    "layanan": _("Standar pelayanan"),
    "ppid": _("PPID"),
    "aspirasi": _("Aspirasi"),
    "kesehatan": _("Kesehatan situs"),
}
REGISTRY: dict[str, Indicator] = {}


def indicator(key: str, group: str, label: str, weight: float, description: str = ""):
    def register(fn):
        REGISTRY[key] = Indicator(key, group, label, weight, fn, description)
        return fn

    return register


def _linear(value: float, full_at: float, zero_at: float) -> float:
    """100 up to ``full_at``, 0 from ``zero_at``, linear in between."""
    if value <= full_at:
        return 100.0
    if value >= zero_at:
        return 0.0
    return round(100.0 * (zero_at - value) / (zero_at - full_at), 2)


def _explore(page_id) -> str:
    return reverse("wagtailadmin_explore", args=[page_id]) if page_id else ""


def _pages_by_opd(ctx: Context, qs):
    """Annotate a Page queryset with the tree prefix of its site."""
    prefixes = list(ctx.opd_by_prefix())
    return qs.annotate(site_prefix=Substr("path", 1, HOME_PATH_LEN)).filter(
        site_prefix__in=prefixes
    )


def months_back(today: dt.date, n: int = 12) -> list[dt.date]:
    first = today.replace(day=1)
    out = []
    for _i in range(n):
        out.append(first)
        first = (first - dt.timedelta(days=1)).replace(day=1)
    return list(reversed(out))


def publications(ctx: Context) -> dict:
    """{opd_id: {"last": date|None, "months": [12 counts, oldest first]}} (one query, cached)."""
    if "pubs" in ctx.cache:
        return ctx.cache["pubs"]
    months = months_back(ctx.today)
    cts = ContentType.objects.filter(app_label="content", model__in=PUBLICATION_MODELS)
    qs = _pages_by_opd(ctx, Page.objects.live().filter(content_type__in=cts))
    # The date readers see (news and announcements carry one; operators may back-date items
    # imported from an old site), else the first publication; future dates do not count.
    pub_date = Coalesce(
        "beritapage__date",
        "pengumumanpage__date",
        TruncDate("first_published_at"),
        output_field=DateField(),
    )
    rows = (
        qs.filter(first_published_at__isnull=False)
        .annotate(pub_date=pub_date)
        .filter(pub_date__lte=ctx.today)
        .annotate(month=TruncMonth("pub_date"))
        .values("site_prefix", "month")
        .annotate(n=Count("id"), last=models_max("pub_date"))
    )
    by_prefix = ctx.opd_by_prefix()
    out = {o.id: {"last": None, "months": [0] * len(months)} for o in ctx.opds}
    index = {m: i for i, m in enumerate(months)}
    for row in rows:
        opd = by_prefix[row["site_prefix"]]
        month = row["month"]
        month = month.date() if isinstance(month, dt.datetime) else month
        if month in index:
            out[opd.id]["months"][index[month]] += row["n"]
        last = row["last"]
        last = timezone.localdate(last) if isinstance(last, dt.datetime) else last
        if out[opd.id]["last"] is None or last > out[opd.id]["last"]:
            out[opd.id]["last"] = last
    ctx.cache["pubs"] = out
    return out


def models_max(name):
    from django.db.models import Max

    return Max(name)


def _found_items(ids: list[int], points: int, edit_url_name: str) -> Result:
    """Items a site-health check found: 100 less ``points`` each, evidence = the first to fix."""
    return Result(
        len(ids),
        str(len(ids)),
        max(0.0, 100.0 - points * len(ids)),
        reverse(edit_url_name, args=[ids[0]]) if ids else "",
    )
