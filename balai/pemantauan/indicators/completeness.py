"""Content completeness: profile pages, contact, logo, required documents."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from balai.pemantauan.indicators.base import (
    PROFILE_PAGES,
    REQUIRED_DOCUMENT_CATEGORIES,
    Context,
    Result,
    _explore,
    _pages_by_opd,
    indicator,
)


@indicator(
    "profile_pages",
    "kelengkapan",
    _("Halaman profil terisi"),
    2,
    _("Visi & misi, struktur organisasi, tugas & fungsi, profil pimpinan: terbit dan terisi."),
)
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


@indicator(
    "contact", "kelengkapan", _("Kontak lengkap"), 1, _("Alamat, telepon dan e-mail OPD terisi.")
)
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
        )
        for o in ctx.opds
    }


@indicator(
    "documents",
    "kelengkapan",
    _("Dokumen wajib"),
    2,
    _(
        "Sedikitnya satu dokumen publik per kategori: SOP, maklumat pelayanan, renstra/renja, "
        "LAKIP/LKjIP."
    ),
)
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
