"""Import one OPD's WordPress site (WXR export + uploads) into its Balai sub-site.

``import_wordpress`` is the one function behind the management command, the admin's background
task and the tests. Three passes over the streamed export:

1. read the index (ids, types, slugs, parents, links: a few hundred bytes per item) and bring in
   the attachments as Wagtail images/documents in the OPD's collection, deduplicated by content
   hash and checked by Balai's upload gate (``balai.core.uploads``);
2. plan where each post and page goes (so links between items can be rewritten before the
   target exists), then read the export again and create/update the pages;
3. write the 301s for the old addresses (Wagtail redirects; query-string forms and uploads are
   answered by ``balai.migrasi.middleware``).

Idempotent: every item's source hash is kept in ``ImportedItem``; an unchanged item is skipped,
a changed one updated in place. Trashed items are skipped; private, password-protected and
draft items become drafts (never public).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlparse

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from balai.content import models as content
from balai.content.selectors import bump_cache_version
from balai.core.uploads import DOCUMENT_KINDS, IMAGE_KINDS, validate_upload
from balai.images.forms import strip_metadata
from balai.migrasi import convert, wxr
from balai.migrasi.models import ImportedItem
from balai.opd.models import OPD
from balai.search.indexing import bulk_indexing

# A first import above this many items rebuilds the search index once at the end instead of page
# by page (a re-import changes few pages and indexes them one by one).
BULK_THRESHOLD = 500
IMAGE_EXTENSIONS = {"jpg", "jpeg", "png", "gif", "webp", "bmp", "tif", "tiff", "svg", "ico"}
UNCATEGORISED = {"uncategorized", "tak-berkategori", "tidak-berkategori"}

# Page slugs/titles WordPress sites use for profile pages, and Balai's own type for each.
RECOGNISED_PAGES: dict[str, type[Page]] = {
    "profil": content.ProfilPage,
    "profile": content.ProfilPage,
    "tentang-kami": content.ProfilPage,
    "visi-misi": content.VisiMisiPage,
    "visi-dan-misi": content.VisiMisiPage,
    "struktur-organisasi": content.StrukturOrganisasiPage,
    "struktur": content.StrukturOrganisasiPage,
    "tugas-fungsi": content.TugasFungsiPage,
    "tugas-pokok-dan-fungsi": content.TugasFungsiPage,
    "tupoksi": content.TugasFungsiPage,
    "kontak": content.KontakPage,
    "hubungi-kami": content.KontakPage,
}
# Balai page types an imported generic page may sit under.
HOLDS_PAGES = (content.OPDHomePage, content.ProfilPage, content.HalamanPage)


@dataclass
class Entry:
    kind: str
    wp_id: int
    title: str
    action: str  # created | updated | unchanged | skipped | refused
    reasons: list[str] = field(default_factory=list)
    url: str = ""


@dataclass
class Report:
    dry_run: bool = False
    entries: list[Entry] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped_types: Counter = field(default_factory=Counter)

    def add(self, entry: Entry) -> None:
        self.entries.append(entry)

    @property
    def counts(self) -> dict[str, int]:
        counts = Counter(e.action for e in self.entries)
        return {
            k: counts.get(k, 0) for k in ("created", "updated", "unchanged", "skipped", "refused")
        }

    def as_dict(self) -> dict[str, Any]:
        return {
            "dry_run": self.dry_run,
            "counts": self.counts,
            "errors": self.errors,
            "skipped_types": dict(self.skipped_types),
            "entries": [e.__dict__ for e in self.entries],
        }

    def summary(self) -> str:
        c = self.counts
        return (
            _(
                "%(created)s dibuat, %(updated)s diperbarui, %(unchanged)s tidak berubah, "
                "%(skipped)s dilewati, %(refused)s ditolak"
            )
            % c
        )


@dataclass
class Plan:
    wp_id: int
    kind: str
    model: type[Page]
    parent_id: int | None  # None for a recognised page that already exists
    slug: str
    path: str  # the new address relative to the OPD's site, e.g. /berita/slug/
    page_id: int | None = None  # existing Balai page (recognised or imported before)


@dataclass
class Indexed:
    post_type: str
    status: str
    slug: str
    parent: int
    title: str
    categories: tuple[str, ...] = ()


def _sha(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode()
    return hashlib.sha256(data).hexdigest()


def _parse_date(value: str) -> dt.datetime | None:
    try:
        naive = dt.datetime.strptime(value[:19], "%Y-%m-%d %H:%M:%S")
    except ValueError:
        return None
    if naive.year < 1971:
        return None
    return timezone.make_aware(naive) if settings.USE_TZ else naive


def _old_path(url: str) -> str:
    """The path (+ query) of an old WordPress address, as Wagtail's redirects store it."""
    parsed = urlparse(url)
    path = parsed.path or "/"
    if parsed.query:
        path += "?" + parsed.query
    return Redirect.normalise_path(path)


class Importer:
    def __init__(
        self,
        opd: OPD,
        export_path: str,
        uploads: str | None = None,
        *,
        user=None,
        dry_run: bool = False,
        pengumuman_category: str = "Pengumuman",
        progress: Callable[[int, int], None] | None = None,
    ):
        if opd.site is None:
            raise wxr.ImportRefused(_("OPD ini belum memiliki situs."))
        self.opd = opd
        self.site = opd.site
        self.home = opd.site.root_page.specific
        self.export_path = export_path
        self.uploads_source = uploads
        self.user = user
        self.dry_run = dry_run
        self.pengumuman_category = pengumuman_category.strip().lower()
        self.progress = progress or (lambda done, total: None)
        self.report = Report(dry_run=dry_run)
        self.channel = wxr.Channel()
        self.index: dict[int, Indexed] = {}
        self.attachments_by_parent: dict[int, list[int]] = {}
        self.by_old_path: dict[str, int] = {}  # old page/post path → wp id
        self.images: dict[int, convert.Image] = {}  # attachment wp id → image
        self.documents: dict[int, int] = {}  # attachment wp id → document id
        self.by_upload: dict[str, tuple[str, int]] = {}  # "2023/05/x.jpg" → (kind, wp id)
        self.plans: dict[int, Plan] = {}
        self.known = {
            (i.kind, i.wp_id): i
            for i in ImportedItem.objects.filter(opd=opd).select_related("page")
        }
        self.total = 0
        self.done = 0
        self.parents: dict[int, Page] = {}
        self.first_import = not self.known

    # --- entry point ---------------------------------------------------------------------------

    def run(self) -> Report:
        uploads = wxr.Uploads(self.uploads_source)
        try:
            self._scan()
            self.progress(0, self.total)
            self._attachments(uploads)
            self._plan()
            if self.dry_run or self.total < BULK_THRESHOLD or not self.first_import:
                self._content()
            else:
                with bulk_indexing():  # one index rebuild at the end, not one per page
                    self._content()
            if not self.dry_run:
                self._redirects()
                bump_cache_version()
        finally:
            uploads.close()
        return self.report

    def _tick(self) -> None:
        self.done += 1
        if self.done % 25 == 0 or self.done == self.total:
            self.progress(self.done, self.total)

    # --- pass 1: index ------------------------------------------------------------------------

    def _scan(self) -> None:
        self.attachment_items: list[wxr.Item] = []
        for item in wxr.read(self.export_path, self.channel):
            if item.post_type == "attachment":
                # attachments carry no content: keep them whole (titles, alt, file path)
                self.attachment_items.append(item)
                self.attachments_by_parent.setdefault(item.parent, []).append(item.wp_id)
                rel = self._attachment_relpath(item)
                if rel and wxr.safe_relpath(rel):
                    self.by_upload[wxr.upload_relpath(wxr.UPLOADS_MARKER + rel) or rel] = (
                        "attachment",
                        item.wp_id,
                    )
                self.total += 1
                continue
            if item.post_type not in {"post", "page"}:
                self.report.skipped_types[item.post_type] += 1
                continue
            self.total += 1
            self.index[item.wp_id] = Indexed(
                item.post_type,
                item.status,
                item.slug,
                item.parent,
                item.title,
                tuple(n.lower() for n in item.category_names),
            )
            if item.link and self._is_local(item.link):
                self.by_old_path[_old_path(item.link)] = item.wp_id
        if not self.channel.base_url and not self.index and not self.attachment_items:
            raise wxr.ImportRefused(_("Berkas ini tidak berisi ekspor WordPress."))

    def _is_local(self, url: str) -> bool:
        parsed = urlparse(url)
        if not parsed.netloc:
            return True
        base = urlparse(self.channel.base_url)
        return parsed.netloc.lower().removeprefix("www.") == base.netloc.lower().removeprefix(
            "www."
        )

    @staticmethod
    def _attachment_relpath(item: wxr.Item) -> str | None:
        rel = item.meta.get("_wp_attached_file")
        if rel:
            return rel.strip()
        if item.attachment_url:
            return wxr.upload_relpath(item.attachment_url)
        return None

    # --- attachments ----------------------------------------------------------------------------

    def _attachments(self, uploads: wxr.Uploads) -> None:
        by_hash: dict[str, ImportedItem] = {
            i.source_hash: i for i in self.known.values() if i.kind == ImportedItem.Kind.ATTACHMENT
        }
        for item in self.attachment_items:
            self._tick()
            entry = Entry("attachment", item.wp_id, item.title or item.slug, "created")
            rel = self._attachment_relpath(item)
            safe = wxr.safe_relpath(rel or "")
            if rel is None:
                entry.action, entry.reasons = "skipped", [_("Lampiran tanpa berkas.")]
                self.report.add(entry)
                continue
            if safe is None:
                entry.action = "refused"
                entry.reasons = [
                    _("Jalur berkas tidak aman (%(path)s) dan ditolak.") % {"path": rel}
                ]
                self.report.add(entry)
                continue
            data = uploads.read(safe)
            if data is None:
                entry.action = "skipped"
                entry.reasons = [
                    _("Berkas %(path)s tidak ada di folder/ZIP unggahan.") % {"path": safe}
                ]
                self.report.add(entry)
                continue
            digest = _sha(data)
            known = self.known.get(("attachment", item.wp_id))
            if known and known.source_hash == digest and (known.image_id or known.document_id):
                self._remember(item, known.image_id, known.document_id)
                entry.action = "unchanged"
                self.report.add(entry)
                continue
            twin = by_hash.get(digest)
            if (
                twin is not None
                and (twin.image_id or twin.document_id)
                and twin.wp_id != item.wp_id
            ):
                entry.reasons.append(
                    _("Isi sama dengan lampiran #%(id)s: dipakai bersama.") % {"id": twin.wp_id}
                )
                self._remember(item, twin.image_id, twin.document_id)
                if not self.dry_run:
                    self._record(
                        item,
                        "attachment",
                        digest,
                        image_id=twin.image_id,
                        document_id=twin.document_id,
                        old_path=self._upload_url(safe),
                    )
                self.report.add(entry)
                continue
            ext = safe.rsplit(".", 1)[-1].lower() if "." in safe else ""
            mime = item.meta.get("_wp_attachment_mime_type", "")
            as_image = ext in IMAGE_EXTENSIONS or mime.startswith("image/")
            upload = SimpleUploadedFile(safe.rsplit("/", 1)[-1], data)
            try:
                if as_image:
                    validate_upload(upload, IMAGE_KINDS, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
                else:
                    validate_upload(upload, DOCUMENT_KINDS, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
            except ValidationError as exc:
                entry.action = "refused"
                entry.reasons = [" ".join(exc.messages)]
                self.report.add(entry)
                continue
            if known:
                entry.action = "updated"
            if self.dry_run:
                self.report.add(entry)
                continue
            with transaction.atomic():
                image_id = document_id = None
                title = (item.title or upload.name or "")[:255]
                if as_image:
                    image = (
                        known.image
                        if known and known.image_id
                        else get_image_model()(
                            collection=self.opd.collection, uploaded_by_user=self.user
                        )
                    )
                    assert image is not None
                    image.title = title
                    image.description = item.meta.get("_wp_attachment_image_alt", "")[:255]
                    image.file = strip_metadata(upload)
                    image._set_image_file_metadata()
                    image.save()
                    image_id = image.pk
                else:
                    document = (
                        known.document
                        if known and known.document_id
                        else get_document_model()(
                            collection=self.opd.collection, uploaded_by_user=self.user
                        )
                    )
                    assert document is not None
                    document.title = title
                    document.file = upload
                    date = _parse_date(item.date)
                    if date:
                        document.year = date.year
                    document.description = item.excerpt[:2000]
                    document._set_document_file_metadata()
                    document.save()
                    document_id = document.pk
                record = self._record(
                    item,
                    "attachment",
                    digest,
                    image_id=image_id,
                    document_id=document_id,
                    old_path=self._upload_url(safe),
                )
                by_hash[digest] = record
            self._remember(item, image_id, document_id)
            self.report.add(entry)

    def _upload_url(self, rel: str) -> str:
        return wxr.UPLOADS_MARKER.rstrip("/") + "/" + rel

    def _remember(self, item: wxr.Item, image_id: int | None, document_id: int | None) -> None:
        if image_id:
            self.images[item.wp_id] = convert.Image(
                image_id, item.meta.get("_wp_attachment_image_alt", "").strip()
            )
        elif document_id:
            self.documents[item.wp_id] = document_id
        elif self.dry_run:
            # a dry run pretends the file was stored so that content conversion can be reported
            self.images[item.wp_id] = convert.Image(0, "")

    def _record(self, item, kind: str, digest: str, **links) -> ImportedItem:
        record, _created = ImportedItem.objects.update_or_create(
            opd=self.opd,
            kind=kind,
            wp_id=item.wp_id,
            defaults={"source_hash": digest, **links},
        )
        self.known[(kind, item.wp_id)] = record
        return record

    # --- planning -------------------------------------------------------------------------------

    def _section(self, model: type[Page]) -> Page | None:
        return model.objects.child_of(self.home).first()

    def _site_path(self, page: Page) -> str:
        root = self.home.url_path
        return "/" + page.url_path[len(root) :] if page.url_path.startswith(root) else page.url_path

    def _plan(self) -> None:
        berita = self._section(content.BeritaIndexPage)
        pengumuman = self._section(content.PengumumanIndexPage)
        taken: dict[int, set[str]] = {}
        paths: dict[int, str] = {}

        def free_slug(parent: Page, slug: str, own: int | None) -> str:
            if parent.pk not in taken:
                taken[parent.pk] = set(
                    parent.get_children().exclude(pk=own or 0).values_list("slug", flat=True)
                )
                paths[parent.pk] = self._site_path(parent)
            base, n = slug, 2
            while slug in taken[parent.pk]:
                slug = f"{base}-{n}"
                n += 1
            taken[parent.pk].add(slug)
            return slug

        def plan_new(wp_id: int, kind: str, model, parent: Page, wanted: str) -> Plan:
            known = self.known.get((kind, wp_id))
            if known and known.page_id and known.page:
                page = known.page
                return Plan(
                    wp_id,
                    kind,
                    model,
                    page.get_parent().pk,
                    page.slug,
                    self._site_path(page),
                    page.pk,
                )
            slug = free_slug(parent, wanted, None)
            return Plan(wp_id, kind, model, parent.pk, slug, paths[parent.pk] + slug + "/")

        used_recognised: set[int] = {
            i.page_id for i in self.known.values() if i.kind == "page" and i.page_id
        }
        pages = sorted(
            (wp_id for wp_id, ix in self.index.items() if ix.post_type == "page"),
            key=self._depth,
        )
        for wp_id in pages:
            ix = self.index[wp_id]
            wanted = (
                slugify(ix.slug.replace("__trashed", "")) or slugify(ix.title) or f"halaman-{wp_id}"
            )
            model = RECOGNISED_PAGES.get(wanted) or RECOGNISED_PAGES.get(slugify(ix.title))
            known = self.known.get(("page", wp_id))
            if model is not None and not (known and known.page_id):
                existing = model.objects.descendant_of(self.home).first()
                if (
                    existing is not None
                    and existing.pk not in used_recognised
                    and self._empty(existing)
                ):
                    used_recognised.add(existing.pk)
                    self.plans[wp_id] = Plan(
                        wp_id,
                        "page",
                        model,
                        None,
                        existing.slug,
                        self._site_path(existing),
                        existing.pk,
                    )
                    continue
            if (
                known
                and known.page_id
                and known.page
                and not isinstance(known.page.specific, content.HalamanPage)
            ):
                page = known.page
                self.plans[wp_id] = Plan(
                    wp_id,
                    "page",
                    type(page.specific),
                    None,
                    page.slug,
                    self._site_path(page),
                    page.pk,
                )
                continue
            parent = self.home
            parent_plan = self.plans.get(ix.parent)
            if parent_plan is not None and parent_plan.page_id:
                candidate = Page.objects.get(pk=parent_plan.page_id).specific
                if isinstance(candidate, HOLDS_PAGES):
                    parent = candidate
            elif parent_plan is not None and parent_plan.model in HOLDS_PAGES:
                parent = None  # created in this run: resolved when it exists
            self.plans[wp_id] = plan_new(
                wp_id, "page", content.HalamanPage, parent or self.home, wanted
            )
            if parent is None:
                assert parent_plan is not None
                self.plans[wp_id].parent_id = -ix.parent  # "the page made for WP page N"
                self.plans[wp_id].path = parent_plan.path + self.plans[wp_id].slug + "/"
        for wp_id, ix in self.index.items():
            if ix.post_type != "post":
                continue
            as_pengumuman = (
                pengumuman is not None
                and self.pengumuman_category
                and self.pengumuman_category in ix.categories
            )
            parent = pengumuman if as_pengumuman else berita
            model = content.PengumumanPage if as_pengumuman else content.BeritaPage
            if parent is None:
                continue
            wanted = (
                slugify(ix.slug.replace("__trashed", "")) or slugify(ix.title) or f"berita-{wp_id}"
            )
            self.plans[wp_id] = plan_new(wp_id, "post", model, parent, wanted)

    def _depth(self, wp_id: int) -> int:
        depth, seen = 0, set()
        while wp_id in self.index and self.index[wp_id].parent and wp_id not in seen:
            seen.add(wp_id)
            wp_id = self.index[wp_id].parent
            depth += 1
        return depth

    @staticmethod
    def _empty(page: Page) -> bool:
        """A recognised Balai page is filled only while its own content is still empty."""
        specific = page.specific
        for name in ("body", "visi", "misi", "intro"):
            value = getattr(specific, name, None)
            if value and str(value).strip() and str(value).strip() != "[]":
                return False
        return not getattr(specific, "chart_image_id", None)

    # --- pass 2: content ------------------------------------------------------------------------

    def _resolver(self, item: wxr.Item) -> convert.Resolver:
        def image_by_url(url: str) -> convert.Image | None:
            rel = wxr.upload_relpath(url)
            hit = self.by_upload.get(rel) if rel else None
            return self.images.get(hit[1]) if hit else None

        def document_by_url(url: str) -> int | None:
            rel = wxr.upload_relpath(url)
            hit = self.by_upload.get(rel) if rel else None
            return self.documents.get(hit[1]) if hit else None

        def page_path_by_url(url: str) -> str | None:
            if not self._is_local(url):
                return None
            parsed = urlparse(url)
            wp_id = self.by_old_path.get(_old_path(url))
            if wp_id is None and parsed.path in {"", "/"}:
                query = parse_qs(parsed.query)
                for key in ("p", "page_id"):
                    if query.get(key, [""])[0].isdigit():
                        wp_id = int(query[key][0])
            plan = self.plans.get(wp_id) if wp_id else None
            return plan.path if plan else None

        return convert.Resolver(
            image_by_attachment=self.images.get,
            image_by_url=image_by_url,
            document_by_url=document_by_url,
            page_path_by_url=page_path_by_url,
            attachments_of_post=lambda: list(self.attachments_by_parent.get(item.wp_id, [])),
        )

    def _content(self) -> None:
        pages: list[wxr.Item] = []
        for item in wxr.read(self.export_path):
            if item.post_type == "page":
                pages.append(item)  # pages are few; created parents first below
            elif item.post_type == "post":
                self._tick()
                self._one(item)
        for item in sorted(pages, key=lambda i: self._depth(i.wp_id)):
            self._tick()
            self._one(item)

    def _one(self, item: wxr.Item) -> None:
        kind = item.post_type
        entry = Entry(kind, item.wp_id, item.title or item.slug, "created")
        if item.status in {"trash", "auto-draft", "inherit"}:
            entry.action = "skipped"
            entry.reasons = [
                _("Ada di tempat sampah WordPress.")
                if item.status == "trash"
                else _("Bukan tulisan tersimpan (%(s)s).") % {"s": item.status}
            ]
            self.report.add(entry)
            return
        plan = self.plans.get(item.wp_id)
        if plan is None:
            entry.action = "skipped"
            entry.reasons = [_("Situs OPD tidak memiliki halaman indeks untuk jenis ini.")]
            self.report.add(entry)
            return
        digest = _sha(
            json.dumps(
                [
                    item.title,
                    item.content,
                    item.excerpt,
                    item.status,
                    item.date,
                    item.slug,
                    item.parent,
                    item.categories,
                    item.meta.get("_thumbnail_id"),
                    item.creator,
                    item.password,
                    self.pengumuman_category,
                    plan.path,
                ],
                sort_keys=True,
            )
        )
        known = self.known.get((kind, item.wp_id))
        if known and known.source_hash == digest and known.page_id:
            entry.action, entry.url = "unchanged", plan.path
            self.report.add(entry)
            return
        if known and known.page_id:
            entry.action = "updated"
        elif plan.page_id:
            entry.reasons.append(_("Dimuat ke halaman Balai %(path)s.") % {"path": plan.path})
        resolver = self._resolver(item)
        blocks = convert.to_blocks(item.content, resolver)
        live = item.status == "publish" and not item.password
        if item.status == "private" or item.password:
            resolver.note(_("Tulisan pribadi/berkata sandi: dimuat sebagai draf, tidak tayang."))
        elif item.status != "publish":
            resolver.note(_("Draf WordPress: dimuat sebagai draf."))
        entry.url = plan.path
        if self.dry_run:
            entry.reasons += resolver.notes
            self.report.add(entry)
            return
        try:
            with transaction.atomic():
                page = self._save(item, plan, blocks, resolver, live)
                self._record(
                    item,
                    kind,
                    digest,
                    page_id=page.pk,
                    old_path=_old_path(item.link) if item.link else "",
                )
        except (ValidationError, ValueError) as exc:
            entry.action = "refused"
            entry.reasons = [str(exc)]
            self.report.add(entry)
            return
        entry.reasons += resolver.notes
        self.report.add(entry)

    def _save(self, item, plan: Plan, blocks, resolver, live: bool) -> Page:
        date = _parse_date(item.date)
        is_new = plan.page_id is None
        page = plan.model(slug=plan.slug) if is_new else Page.objects.get(pk=plan.page_id).specific
        page.title = (item.title or plan.slug)[:255]
        summary = convert.plain_text(item.excerpt)
        if summary and hasattr(page, "summary"):
            page.summary = summary
        self._fill(page, item, blocks, resolver, date)
        if is_new:
            if plan.parent_id and plan.parent_id < 0:
                made = self.known.get(("page", -plan.parent_id))
                parent = made.page.specific if made and made.page else self.home
            else:
                parent_id = plan.parent_id
                assert parent_id is not None
                if parent_id not in self.parents:
                    self.parents[parent_id] = Page.objects.get(pk=parent_id)
                parent = self.parents[parent_id]
            # Created already published (or as a draft) with one revision: what publishing a
            # revision does, without its per-page log entries and signals (one import, not 5,000
            # publications); the search index follows the page's save.
            page.live = live
            page.has_unpublished_changes = not live
            if live:
                page.first_published_at = page.last_published_at = date or timezone.now()
            parent.add_child(instance=page)
            plan.page_id = page.pk
            revision = page.save_revision(user=self.user, log_action=False, clean=False)
            if live:
                Page.objects.filter(pk=page.pk).update(
                    live_revision=revision, has_unpublished_changes=False
                )
            return page
        revision = page.save_revision(user=self.user, log_action=False, clean=False)
        if live:
            revision.publish(user=self.user, log_action=False, skip_permission_checks=True)
        elif page.live and item.status != "publish":
            page.unpublish(user=self.user, log_action=False)
        return page

    def _fill(self, page: Page, item: wxr.Item, blocks, resolver, date) -> None:
        if isinstance(page, content.BeritaPage):
            if date:
                page.date = date.date()
            page.body = blocks
            page.author = self.channel.authors.get(item.creator, item.creator)[:120]
            thumb = item.meta.get("_thumbnail_id", "")
            image = self.images.get(int(thumb)) if thumb.isdigit() else None
            if image and image.id:
                page.featured_image_id = image.id
                page.featured_image_alt = (image.alt or page.title)[:300]
            else:
                page.featured_image_id = None
            names = [n for n in item.category_names if slugify(n) not in UNCATEGORISED]
            page.category = self._category(names[0]) if names else None
            if len(names) > 1:
                resolver.note(
                    _("Kategori tambahan dijadikan tag: %(names)s.")
                    % {"names": ", ".join(names[1:])}
                )
            page.tags.set([*item.tag_names, *names[1:]])
        elif isinstance(page, content.PengumumanPage):
            if date:
                page.date = page.valid_from = date.date()
            page.body = blocks
            first_doc = next(
                (b["value"]["document"] for b in blocks if b["type"] == "document"), None
            )
            if first_doc is None:
                for block in blocks:
                    m = re.search(r'linktype="document" id="(\d+)"', str(block["value"]))
                    if block["type"] == "paragraph" and m:
                        first_doc = int(m.group(1))
                        break
            page.attachment_id = first_doc
        elif isinstance(page, content.VisiMisiPage):
            visi: list[dict] = []
            misi: list[dict] = []
            current = None
            for block in blocks:
                if block["type"] == "heading":
                    text = block["value"]["text"].lower()
                    current = "misi" if "misi" in text else "visi" if "visi" in text else current
                    continue
                (misi if current == "misi" else visi).append(block)
            page.visi = convert.plain_text(convert.to_rich_text(visi, resolver))
            page.misi = convert.to_rich_text(misi, resolver)
        elif isinstance(page, content.StrukturOrganisasiPage):
            chart = next((b for b in blocks if b["type"] == "image"), None)
            if chart:
                page.chart_image_id = chart["value"]["image"]["image"] or None
                page.chart_alt = chart["value"]["image"]["alt_text"] or page.title
                blocks = [b for b in blocks if b is not chart]
            page.body = convert.to_rich_text(blocks, resolver)
        elif isinstance(page, content.HalamanPage):
            page.body = blocks
        elif isinstance(page, content.ProfilPimpinanPage):
            page.biography = convert.to_rich_text(blocks, resolver)
        elif hasattr(page, "body"):
            page.body = convert.to_rich_text(blocks, resolver)
        elif hasattr(page, "intro"):
            page.intro = convert.to_rich_text(blocks, resolver)

    def _category(self, name: str) -> content.KategoriBerita:
        slug = slugify(name)[:50] or "kategori"
        category = content.KategoriBerita.objects.filter(name__iexact=name).first()
        if category is None:
            category, _created = content.KategoriBerita.objects.get_or_create(
                slug=slug, defaults={"name": name[:80]}
            )
        return category

    # --- pass 3: old addresses ------------------------------------------------------------------

    def _redirects(self) -> None:
        live_paths = set()
        for record in (
            ImportedItem.objects.filter(opd=self.opd).exclude(page=None).select_related("page")
        ):
            page = record.page
            if page is None or not page.live or not record.old_path or "?" in record.old_path:
                continue
            new_path = self._site_path(page)
            live_paths.add(new_path)
            paths = {record.old_path}
            ix = self.index.get(record.wp_id)
            if record.kind == "post" and ix and ix.slug:
                paths.add(Redirect.normalise_path(f"/{ix.slug}/"))  # WordPress guessed these too
            for old in paths:
                if old in {"/", new_path.rstrip("/")} or old.rstrip("/") == new_path.rstrip("/"):
                    continue
                self._redirect(old, page=page)
        berita = self._section(content.BeritaIndexPage)
        pengumuman = self._section(content.PengumumanIndexPage)
        for nice, name in self.channel.categories.items():
            if not nice or nice in UNCATEGORISED:
                continue
            if pengumuman and name.lower() == self.pengumuman_category:
                self._redirect(f"/category/{nice}", page=pengumuman)
            elif berita:
                category = content.KategoriBerita.objects.filter(name__iexact=name).first()
                link = self._site_path(berita) + (f"?kategori={category.slug}" if category else "")
                self._redirect(f"/category/{nice}", link=link)

    def _redirect(self, old: str, *, page: Page | None = None, link: str = "") -> None:
        old = Redirect.normalise_path(old)
        existing = Redirect.objects.filter(site=self.site, old_path=old).first()
        ours = (
            existing is None
            or (
                existing.redirect_page_id is None
                and (not existing.redirect_link or existing.redirect_link == link)
            )
            or ImportedItem.objects.filter(opd=self.opd, page_id=existing.redirect_page_id).exists()
        )
        if not ours:
            self.report.errors.append(
                _("Pengalihan %(path)s sudah dibuat petugas; tidak diubah.") % {"path": old}
            )
            return
        Redirect.objects.update_or_create(
            site=self.site,
            old_path=old,
            defaults={"redirect_page": page, "redirect_link": link, "is_permanent": True},
        )


def import_wordpress(
    opd: OPD,
    export_path: str,
    uploads: str | None = None,
    *,
    user=None,
    dry_run: bool = False,
    pengumuman_category: str = "Pengumuman",
    progress: Callable[[int, int], None] | None = None,
) -> Report:
    """Import a WordPress export into ``opd``'s site; see the module docstring."""
    importer = Importer(
        opd,
        export_path,
        uploads,
        user=user,
        dry_run=dry_run,
        pengumuman_category=pengumuman_category,
        progress=progress,
    )
    return importer.run()
