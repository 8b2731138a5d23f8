"""One-step provisioning of the portal and of OPD sites.

``provision_opd`` is the one function behind the admin form, the ``provision_opd`` management
command and the CSV import. It is idempotent (a second run with the same input changes nothing) and
all-or-nothing (it runs in one transaction; a failure leaves no half-made OPD).
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass, field, fields
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Collection, Page, Site, WorkflowPage

from balai.opd import roles
from balai.opd.models import OPD, RESERVED_SLUGS, SiteBranding

# (slug, title, page model, children) of every OPD site. Later issues fill these pages.
OPD_TREE: list[tuple[str, str, str, list]] = [
    ("profil", "Profil", "content.ProfilPage", [
        ("visi-misi", "Visi & Misi", "content.VisiMisiPage", []),
        ("struktur-organisasi", "Struktur Organisasi", "content.StrukturOrganisasiPage", []),
        ("tugas-fungsi", "Tugas & Fungsi", "content.TugasFungsiPage", []),
        ("profil-pimpinan", "Profil Pimpinan", "content.ProfilPimpinanPage", []),
    ]),
    ("berita", "Berita", "content.BeritaIndexPage", []),
    ("pengumuman", "Pengumuman", "content.PengumumanIndexPage", []),
    ("agenda", "Agenda", "content.AgendaIndexPage", []),
    ("galeri", "Galeri", "content.GaleriIndexPage", []),
    ("dokumen", "Dokumen", "content.DokumenIndexPage", []),
    ("layanan", "Layanan", "layanan.LayananIndexPage", []),
    ("ppid", "PPID", "ppid.PPIDPage", []),
    ("kontak", "Kontak", "content.KontakPage", []),
]  # fmt: skip

PORTAL_TREE: list[tuple[str, str, str, list]] = [
    ("berita", "Berita", "content.BeritaIndexPage", []),
    ("pengumuman", "Pengumuman", "content.PengumumanIndexPage", []),
    ("agenda", "Agenda", "content.AgendaIndexPage", []),
    ("profil-kota", "Profil Kota", "content.HalamanPage", []),
    ("opd", "Perangkat Daerah", "content.OPDDirectoryPage", []),
    ("layanan", "Layanan Publik", "layanan.LayananDirectoryPage", []),
    ("ppid", "PPID", "ppid.PPIDPage", []),
    ("galeri", "Galeri", "content.GaleriIndexPage", []),
    ("dokumen", "Dokumen", "content.DokumenIndexPage", []),
    ("kontak", "Kontak", "content.KontakPage", []),
]

PARENT_RULES = {
    OPD.Jenis.KELURAHAN: {OPD.Jenis.KECAMATAN},
    OPD.Jenis.UPT: {OPD.Jenis.DINAS, OPD.Jenis.BADAN},
}


class ProvisioningError(Exception):
    """Provisioning refused; ``messages`` are in Bahasa Indonesia, for the person who asked."""

    def __init__(self, messages: list[str] | str):
        self.messages = [messages] if isinstance(messages, str) else list(messages)
        super().__init__("; ".join(self.messages))


@dataclass
class OPDSpec:
    """What Kominfo gives to create an OPD. Only ``name``, ``short_name``, ``slug`` and ``jenis``
    are required; ``parent_slug`` names another OPD."""

    name: str
    short_name: str
    slug: str
    jenis: str
    parent_slug: str = ""
    kepala_nama: str = ""
    kepala_nip: str = ""
    kepala_jabatan: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    opening_hours: str = ""
    map_url: str = ""
    facebook: str = ""
    instagram: str = ""
    x_twitter: str = ""
    youtube: str = ""
    tiktok: str = ""
    sms_keywords: str = ""
    requires_approval: bool = False
    primary_colour: str = ""

    @classmethod
    def field_names(cls) -> list[str]:
        """Also the columns of the CSV import, in this order."""
        return [f.name for f in fields(cls)]

    @classmethod
    def from_mapping(cls, row: dict[str, Any]) -> OPDSpec:
        values: dict[str, Any] = {}
        for name in cls.field_names():
            raw = row.get(name)
            if raw is None:
                continue
            if name == "requires_approval":
                values[name] = str(raw).strip().lower() in {"1", "ya", "yes", "true", "y"}
            else:
                values[name] = str(raw).strip()
        missing = [n for n in ("name", "short_name", "slug", "jenis") if not values.get(n)]
        if missing:
            raise ProvisioningError(
                _("Kolom wajib kosong: %(cols)s.") % {"cols": ", ".join(missing)}
            )
        values["slug"] = values["slug"].lower()
        values["jenis"] = values["jenis"].lower()
        return cls(**values)


@dataclass
class ProvisionResult:
    opd: OPD
    created: bool
    changes: list[str] = field(default_factory=list)


# --- page tree helpers ------------------------------------------------------------------------


def _page_model(label: str) -> type[Page]:
    return apps.get_model(label)


def _ensure_tree(parent: Page, tree, user, changes: list[str], in_menu: bool = True) -> None:
    for slug, title, model_label, children in tree:
        model = _page_model(model_label)
        child = parent.get_children().filter(slug=slug).first()
        if child is None:
            child = model(title=title, slug=slug, show_in_menus=in_menu)
            parent.add_child(instance=child)
            child.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
            changes.append(_("halaman %(title)s dibuat") % {"title": title})
        _ensure_tree(child, children, user, changes, in_menu=False)


def _ensure_home(model_label: str, slug: str, title: str, user, changes: list[str]) -> Page:
    root = Page.get_first_root_node()
    home = root.get_children().filter(slug=slug).first()
    if home is None:
        home = _page_model(model_label)(title=title, slug=slug)
        root.add_child(instance=home)
        home.save_revision(user=user, log_action=False).publish(user=user, log_action=False)
        changes.append(_("beranda dibuat"))
    return home.specific


def _ensure_collection(name: str) -> Collection:
    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=name).first()
    return existing or root.add_child(name=name)


def _site_port() -> int:
    return settings.BALAI_SITE_PORT


# --- the portal -------------------------------------------------------------------------------


@transaction.atomic
def provision_portal(user=None) -> Site:
    """Create the portal's home, standard pages and default Site (idempotent).

    Wagtail's stock "Welcome" page and its localhost site are replaced.
    """
    changes: list[str] = []
    root = Page.get_first_root_node()
    for stock in root.get_children().filter(content_type__model="page", slug="home"):
        Site.objects.filter(root_page=stock).delete()
        stock.delete()
    home = _ensure_home("content.PortalHomePage", "portal", settings.BALAI_CITY_NAME, user, changes)
    _ensure_tree(home, PORTAL_TREE, user, changes)
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site(is_default_site=True)
    site.hostname = settings.BALAI_PORTAL_DOMAIN
    site.port = _site_port()
    site.root_page = home
    site.site_name = settings.BALAI_CITY_NAME
    site.save()
    _ensure_collection(_("Portal"))
    SiteBranding.objects.get_or_create(site=site)
    # Wagtail assigns its sample "Moderators approval" workflow to the whole tree; in Balai each
    # OPD chooses its own (direct publishing or approval by its admin), so the root carries none.
    WorkflowPage.objects.filter(page=root).delete()
    return site


# --- OPDs -------------------------------------------------------------------------------------


def _validation_messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        out = []
        for name, errs in error.error_dict.items():
            label = OPD._meta.get_field(name).verbose_name if name != "__all__" else ""
            for e in errs:
                text = " ".join(e.messages)
                out.append(f"{label}: {text}" if label else text)
        return out
    return error.messages


def _apply_spec(opd: OPD, spec: OPDSpec) -> list[str]:
    errors: list[str] = []
    if spec.slug in RESERVED_SLUGS:
        errors.append(_("Slug '%(slug)s' dipakai sistem; pilih yang lain.") % {"slug": spec.slug})
    if spec.jenis not in OPD.Jenis.values:
        errors.append(
            _("Jenis '%(jenis)s' tidak dikenal. Pilihan: %(choices)s.")
            % {"jenis": spec.jenis, "choices": ", ".join(OPD.Jenis.values)}
        )
    parent = None
    if spec.parent_slug:
        parent = OPD.objects.filter(slug=spec.parent_slug).first()
        if parent is None:
            errors.append(
                _("OPD induk '%(slug)s' belum ada; buat induknya dulu.")
                % {"slug": spec.parent_slug}
            )
        elif parent.slug == spec.slug:
            errors.append(_("OPD tidak bisa menjadi induk dirinya sendiri."))
    allowed_parents = PARENT_RULES.get(spec.jenis)
    if allowed_parents and (parent is None or parent.jenis not in allowed_parents):
        errors.append(
            _("%(jenis)s harus berinduk ke %(parents)s.")
            % {
                "jenis": OPD.Jenis(spec.jenis).label if spec.jenis in OPD.Jenis.values else "",
                "parents": " / ".join(str(OPD.Jenis(p).label) for p in allowed_parents),
            }
        )
    for name in OPDSpec.field_names():
        if name in {"parent_slug", "primary_colour"}:
            continue
        setattr(opd, name, getattr(spec, name))
    opd.parent = parent
    try:
        opd.full_clean(exclude=["logo"])
    except ValidationError as exc:
        errors.extend(_validation_messages(exc))
    return errors


@transaction.atomic
def provision_opd(spec: OPDSpec, user=None) -> ProvisionResult:
    """Create (or complete) an OPD with its site, page tree, collection, groups and settings."""
    opd = OPD.objects.select_for_update().filter(slug=spec.slug).first()
    created = opd is None
    if created:
        opd = OPD()
    before = _snapshot(opd) if not created else None
    errors = _apply_spec(opd, spec)
    if errors:
        raise ProvisioningError(errors)
    changes: list[str] = []
    if created or before != _snapshot(opd):
        opd.save()
        changes.append(_("data OPD disimpan"))

    home = _ensure_home("content.OPDHomePage", opd.slug, opd.name, user, changes)
    _ensure_tree(home, OPD_TREE, user, changes)

    if opd.collection_id is None:
        opd.collection = _ensure_collection(opd.name)
        changes.append(_("koleksi dokumen dan gambar dibuat"))
    roles.ensure_groups(opd)

    if opd.site_id is None:
        if Site.objects.filter(hostname=opd.hostname).exists():
            raise ProvisioningError(
                _("Alamat %(host)s sudah dipakai situs lain.") % {"host": opd.hostname}
            )
        opd.site = Site.objects.create(
            hostname=opd.hostname, port=_site_port(), root_page=home, site_name=opd.name
        )
        changes.append(_("situs %(host)s dibuat") % {"host": opd.hostname})
    opd.save()

    branding, branding_created = SiteBranding.objects.get_or_create(site=opd.site)
    if spec.primary_colour and branding.primary_colour != spec.primary_colour:
        branding.primary_colour = spec.primary_colour
        branding.full_clean()
        branding.save()
        changes.append(_("warna situs diatur"))
    roles.grant_permissions(opd)

    if created:
        log(instance=opd, action="balai.opd.provision", user=user)
    return ProvisionResult(opd=opd, created=created, changes=changes)


def _snapshot(opd: OPD) -> dict[str, Any]:
    names = [n for n in OPDSpec.field_names() if n not in {"parent_slug", "primary_colour"}]
    return {**{n: getattr(opd, n) for n in names}, "parent_id": opd.parent_id}


@transaction.atomic
def update_opd(opd: OPD, user=None) -> None:
    """Save an edited OPD and re-apply what depends on it (workflow choice, site name)."""
    previous = OPD.objects.get(pk=opd.pk)
    opd.save()
    if opd.site_id and opd.site.site_name != opd.name:
        opd.site.site_name = opd.name
        opd.site.save(update_fields=["site_name"])
    if previous.requires_approval != opd.requires_approval:
        roles.grant_permissions(opd)
    if previous.is_active != opd.is_active:
        log(
            instance=opd,
            action="balai.opd.activate" if opd.is_active else "balai.opd.deactivate",
            user=user,
        )
    log(instance=opd, action="wagtail.edit", user=user)


@transaction.atomic
def set_opd_active(opd: OPD, active: bool, user=None) -> None:
    """Take an OPD's site offline (a notice page; content untouched) or bring it back."""
    if opd.is_active == active:
        return
    opd.is_active = active
    opd.save(update_fields=["is_active", "updated_at"])
    log(
        instance=opd,
        action="balai.opd.activate" if active else "balai.opd.deactivate",
        user=user,
    )


SAMPLE_COLUMNS = OPDSpec.field_names()

# --- CSV import -------------------------------------------------------------------------------


@dataclass
class ImportResult:
    results: list[ProvisionResult]

    @property
    def created(self) -> int:
        return sum(1 for r in self.results if r.created)

    @property
    def unchanged(self) -> int:
        return sum(1 for r in self.results if not r.created and not r.changes)


def parse_csv(data: bytes | str) -> list[OPDSpec]:
    """Read one OPD per row; raise ProvisioningError listing every bad row."""
    text = data.decode("utf-8-sig") if isinstance(data, bytes) else data
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or not {"name", "slug"} <= set(reader.fieldnames):
        raise ProvisioningError(
            _("Baris pertama CSV harus berisi nama kolom, minimal name, short_name, slug, jenis.")
        )
    specs: list[OPDSpec] = []
    errors: list[str] = []
    for line_no, row in enumerate(reader, start=2):
        if not any((v or "").strip() for v in row.values()):
            continue
        try:
            specs.append(OPDSpec.from_mapping(row))
        except ProvisioningError as exc:
            errors.extend(
                _("Baris %(n)d: %(msg)s") % {"n": line_no, "msg": m} for m in exc.messages
            )
    if errors:
        raise ProvisioningError(errors)
    return specs


def _parents_first(specs: list[OPDSpec]) -> list[OPDSpec]:
    by_slug = {s.slug: s for s in specs}
    ordered: list[OPDSpec] = []
    seen: set[str] = set()

    def visit(spec: OPDSpec, trail: tuple[str, ...] = ()) -> None:
        if spec.slug in seen or spec.slug in trail:
            return
        parent = by_slug.get(spec.parent_slug)
        if parent is not None:
            visit(parent, (*trail, spec.slug))
        seen.add(spec.slug)
        ordered.append(spec)

    for spec in specs:
        visit(spec)
    return ordered


@transaction.atomic
def import_opds_csv(data: bytes | str, user=None) -> ImportResult:
    """Provision every row of a CSV, parents before children; all rows or none."""
    specs = parse_csv(data)
    results: list[ProvisionResult] = []
    errors: list[str] = []
    for spec in _parents_first(specs):
        try:
            with transaction.atomic():
                results.append(provision_opd(spec, user=user))
        except ProvisioningError as exc:
            errors.extend(f"{spec.slug}: {m}" for m in exc.messages)
    if errors:
        raise ProvisioningError(errors)
    return ImportResult(results=results)
