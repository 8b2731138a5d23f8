"""The indicator registry: what a scorecard measures, each computed for all OPDs at once.

An indicator is a key, a group, a label, a default weight and a compute function
``fn(ctx) -> {opd_id: Result} | None``. ``None`` means the data source is absent (e.g. the app
is not installed yet): the indicator is "not applicable" and left out of the weighted total, not
counted as zero. A ``Result`` whose ``score`` is None is not applicable for that one OPD (e.g. an
OPD that received no requests cannot be judged on answering them).

Each compute function runs a constant number of queries whatever the number of OPDs.
"""

from __future__ import annotations

import datetime as dt
import importlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db.models import Count, DateField, Q
from django.db.models.functions import Coalesce, Substr, TruncDate, TruncMonth
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

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
        "beritapage__date", "pengumumanpage__date", TruncDate("first_published_at"),
        output_field=DateField(),
    )  # fmt: skip
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


# --- Activity -----------------------------------------------------------------------------------


@indicator(
    "days_since_publication", "aktivitas", _("Hari sejak publikasi terakhir"), 8,
    _("Berita, pengumuman, agenda atau album terakhir yang terbit. Nilai penuh sampai 7 hari, "
      "nol pada 3 × batas hari tanpa publikasi (bawaan 90 hari)."),
)  # fmt: skip
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
    "publications_12m", "aktivitas", _("Bulan aktif dalam 12 bulan"), 4,
    _("Jumlah bulan dengan sedikitnya satu publikasi dalam 12 bulan terakhir."),
)  # fmt: skip
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
    "active_operators", "aktivitas", _("Operator aktif"), 1,
    _("Operator/admin OPD yang masuk dalam 30 hari (nilai penuh) atau 90 hari (setengah)."),
)  # fmt: skip
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


# --- Content completeness -----------------------------------------------------------------------


@indicator(
    "profile_pages", "kelengkapan", _("Halaman profil terisi"), 2,
    _("Visi & misi, struktur organisasi, tugas & fungsi, profil pimpinan: terbit dan terisi."),
)  # fmt: skip
def profile_pages(ctx: Context):
    filled: dict[int, list[str]] = defaultdict(list)
    profil_page: dict[int, int] = {}
    by_prefix = ctx.opd_by_prefix()
    condition = Q()
    for model, (_label, q) in PROFILE_PAGES.items():
        condition |= Q(content_type__model=model) & q
    rows = _pages_by_opd(
        ctx, Page.objects.live().filter(content_type__app_label="content").filter(condition)
    ).values_list("site_prefix", "content_type__model", "id", "path")
    for prefix, model, _pid, _path in rows:
        filled[by_prefix[prefix].id].append(model)
    profil_rows = _pages_by_opd(
        ctx, Page.objects.filter(content_type__model="profilpage", depth=3)
    ).values_list("site_prefix", "id")
    for prefix, pid in profil_rows:
        profil_page[by_prefix[prefix].id] = pid
    out = {}
    for opd in ctx.opds:
        have = set(filled[opd.id])
        missing = [str(label) for m, (label, _q) in PROFILE_PAGES.items() if m not in have]
        out[opd.id] = Result(
            {"filled": len(have), "missing": missing},
            str(_("%(n)d dari 4")) % {"n": len(have)}
            + (" — " + str(_("kurang: ")) + ", ".join(missing) if missing else ""),
            round(100.0 * len(have) / len(PROFILE_PAGES), 2),
            _explore(profil_page.get(opd.id) or opd.site.root_page_id),
        )
    return out


@indicator("contact", "kelengkapan", _("Kontak lengkap"), 1,
           _("Alamat, telepon dan e-mail OPD terisi."))  # fmt: skip
def contact(ctx: Context):
    out = {}
    for opd in ctx.opds:
        parts = {"alamat": opd.address, "telepon": opd.phone, "e-mail": opd.email}
        missing = [k for k, v in parts.items() if not (v or "").strip()]
        out[opd.id] = Result(
            3 - len(missing),
            ", ".join(missing) and str(_("kurang: ")) + ", ".join(missing) or str(_("lengkap")),
            round(100.0 * (3 - len(missing)) / 3, 2),
            reverse("opd:edit", args=[opd.pk]),
        )
    return out


@indicator("logo", "kelengkapan", _("Logo OPD"), 0.5, _("Logo OPD diunggah."))
def logo(ctx: Context):
    return {
        o.id: Result(
            bool(o.logo_id),
            str(_("ada") if o.logo_id else _("belum ada")),
            100.0 if o.logo_id else 0.0,
            "",
        )  # fmt: skip
        for o in ctx.opds
    }


@indicator(
    "documents", "kelengkapan", _("Dokumen wajib"), 2,
    _("Sedikitnya satu dokumen publik per kategori: SOP, maklumat pelayanan, renstra/renja, "
      "LAKIP/LKjIP."),
)  # fmt: skip
def documents(ctx: Context):
    from wagtail.documents import get_document_model

    Document = get_document_model()
    if not hasattr(Document, "category"):
        return None  # no categories: this indicator cannot be measured
    by_collection = {o.collection_id: o.id for o in ctx.opds if o.collection_id}
    present: dict[int, set[str]] = defaultdict(set)
    rows = (
        Document.objects.filter(collection_id__in=list(by_collection), is_public=True)
        .values_list("collection_id", "category")
        .distinct()
    )
    for cid, cat in rows:
        present[by_collection[cid]].add(cat)
    out = {}
    for opd in ctx.opds:
        have = [c for c in REQUIRED_DOCUMENT_CATEGORIES if c in present[opd.id]]
        missing = [c for c in REQUIRED_DOCUMENT_CATEGORIES if c not in present[opd.id]]
        out[opd.id] = Result(
            {"present": have, "missing": missing},
            str(_("%(n)d dari %(t)d")) % {"n": len(have), "t": len(REQUIRED_DOCUMENT_CATEGORIES)}
            + (" — " + str(_("kurang: ")) + ", ".join(missing) if missing else ""),
            round(100.0 * len(have) / len(REQUIRED_DOCUMENT_CATEGORIES), 2),
            reverse("wagtaildocs:index") + (f"?collection_id={opd.collection_id}"),
        )
    return out


# --- Service standards, PPID, aspirations: read from the other apps' selectors -----------------


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


def _found_items(ids: list[int], points: int, edit_url_name: str) -> Result:
    """Items a site-health check found: 100 less ``points`` each, evidence = the first to fix."""
    return Result(
        len(ids),
        str(len(ids)),
        max(0.0, 100.0 - points * len(ids)),
        reverse(edit_url_name, args=[ids[0]]) if ids else "",
    )


def _from_stats(ctx, stats, build):
    if stats is None:
        return None
    return {o.id: build(stats[o.id]) if o.id in stats else Result() for o in ctx.opds}


@indicator(
    "services_complete", "layanan", _("Layanan dengan standar lengkap"), 2,
    _("Bagian layanan yang memuat keenam komponen publik standar pelayanan (UU 25/2009 Pasal 21, "
      "PermenPAN-RB 15/2014)."),
)  # fmt: skip
def services_complete(ctx):
    stats = _selector("balai.layanan.selectors", "compliance_by_opd", ctx)
    return _from_stats(
        ctx,
        stats,
        _share("services_complete", "services_total", none_scores_zero=True),
    )


@indicator("maklumat", "layanan", _("Maklumat pelayanan"), 1,
           _("Maklumat pelayanan terbit (UU 25/2009 Pasal 22)."))  # fmt: skip
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


@indicator("dip", "ppid", _("Daftar Informasi Publik per kategori"), 1,
           _("Kategori DIP yang terisi (UU 14/2008 Pasal 9–11)."))  # fmt: skip
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


@indicator("dip_stale", "ppid", _("Informasi berkala kedaluwarsa"), 1,
           _("Informasi berkala yang tidak diperbarui dalam enam bulan (UU 14/2008 Pasal 9); "
             "25 poin berkurang per butir."))  # fmt: skip
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


@indicator("first_response", "aspirasi", _("Median waktu tanggapan pertama"), 1,
           _("Nilai penuh sampai 72 jam (tanggapan pertama paling lama 3 hari, SP4N-LAPOR!), "
             "nol pada 216 jam."))  # fmt: skip
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


# --- Site health --------------------------------------------------------------------------------


@indicator(
    "broken_links", "kesehatan", _("Tautan internal rusak"), 1,
    _("Tautan ke halaman yang sudah dihapus atau tidak terbit (indeks referensi Wagtail); "
      "20 poin berkurang per tautan."),
)  # fmt: skip
def broken_links(ctx: Context):
    page_ct = ContentType.objects.get_for_model(Page)
    pages = _pages_by_opd(ctx, Page.objects.all()).values_list("id", "site_prefix")
    prefix_of = {str(pid): prefix for pid, prefix in pages}
    refs = ReferenceIndex.objects.filter(
        base_content_type=page_ct, to_content_type=page_ct, object_id__in=list(prefix_of)
    ).values_list("object_id", "to_object_id")
    refs = list(refs)
    targets = {int(t) for _s, t in refs if t.isdigit()}
    live = set(Page.objects.filter(id__in=targets, live=True).values_list("id", flat=True))
    by_prefix = ctx.opd_by_prefix()
    broken: dict[int, list[str]] = defaultdict(list)
    for source, target in refs:
        if not target.isdigit() or int(target) not in live:
            broken[by_prefix[prefix_of[source]].id].append(source)
    out = {}
    for opd in ctx.opds:
        n = len(broken[opd.id])
        first = broken[opd.id][0] if n else None
        out[opd.id] = Result(
            n,
            str(n),
            max(0.0, 100.0 - 20 * n),
            reverse("wagtailadmin_pages:edit", args=[first]) if first else "",
        )
    return out


@indicator(
    "broken_files",
    "kesehatan",
    _("Berkas dokumen hilang"),
    1,
    _("Dokumen yang berkasnya tidak ada di penyimpanan; 25 poin berkurang per berkas."),
)
def broken_files(ctx: Context):
    from wagtail.documents import get_document_model

    by_collection = {o.collection_id: o.id for o in ctx.opds if o.collection_id}
    missing: dict[int, list[int]] = defaultdict(list)
    rows = get_document_model().objects.filter(collection_id__in=list(by_collection))
    for cid, did, name in rows.values_list("collection_id", "id", "file"):
        if not name or not default_storage.exists(name):
            missing[by_collection[cid]].append(did)
    return {o.id: _found_items(missing[o.id], 25, "wagtaildocs:edit") for o in ctx.opds}


@indicator(
    "alt_text",
    "kesehatan",
    _("Gambar tanpa teks alternatif"),
    1,
    _("Berita dan bagan struktur dengan gambar tanpa teks alternatif (aksesibilitas)."),
)
def alt_text(ctx: Context):
    qs = _pages_by_opd(
        ctx,
        Page.objects.filter(
            Q(beritapage__featured_image__isnull=False, beritapage__featured_image_alt="")
            | Q(
                strukturorganisasipage__chart_image__isnull=False,
                strukturorganisasipage__chart_alt="",
            )  # fmt: skip
        ),
    ).values_list("site_prefix", "id")
    by_prefix = ctx.opd_by_prefix()
    found: dict[int, list[int]] = defaultdict(list)
    for prefix, pid in qs:
        found[by_prefix[prefix].id].append(pid)
    return {o.id: _found_items(found[o.id], 20, "wagtailadmin_pages:edit") for o in ctx.opds}


@indicator(
    "suspicious",
    "kesehatan",
    _("Konten mencurigakan"),
    2,
    _("Peringatan terbuka dari pemantauan spam judi/SEO; satu temuan membuat nilai nol."),
)
def suspicious(ctx: Context):
    from .models import SpamAlert

    counts = dict(
        SpamAlert.objects.filter(status=SpamAlert.Status.OPEN, opd__in=[o.id for o in ctx.opds])
        .values_list("opd")
        .annotate(n=Count("id"))
    )
    url = reverse("pemantauan_spam")
    return {o.id: Result(counts.get(o.id, 0), str(counts.get(o.id, 0)),
                         0.0 if counts.get(o.id) else 100.0, url) for o in ctx.opds}  # fmt: skip
