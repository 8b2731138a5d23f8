"""Site health: broken links and files, image alt text, suspicious content."""

from __future__ import annotations

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.core.files.storage import default_storage
from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, ReferenceIndex

from balai.pemantauan.indicators.base import (
    Context,
    Result,
    _found_items,
    _pages_by_opd,
    indicator,
)


@indicator(
    "broken_links",
    "kesehatan",
    _("Tautan internal rusak"),
    1,
    _(
        "Tautan ke halaman yang sudah dihapus atau tidak terbit (indeks referensi Wagtail); "
        "20 poin berkurang per tautan."
    ),
)
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
            )
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
    from balai.pemantauan.models import SpamAlert

    counts = dict(
        SpamAlert.objects.filter(status=SpamAlert.Status.OPEN, opd__in=[o.id for o in ctx.opds])
        .values_list("opd")
        .annotate(n=Count("id"))
    )
    url = reverse("pemantauan_spam")
    return {
        o.id: Result(
            counts.get(o.id, 0), str(counts.get(o.id, 0)), 0.0 if counts.get(o.id) else 100.0, url
        )
        for o in ctx.opds
    }
