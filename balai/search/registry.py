"""What the public search covers: one entry per result type, in the order the tabs show them.

Every live page is indexed; a page model listed here gets its type (and its own date), any
other page model is "Halaman". Services (``layanan.Layanan``) and public documents are not
pages; they have their own types. A type listed with a model that does not exist is skipped.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.apps import apps
from django.utils.translation import gettext_lazy as _

LAYANAN = "layanan"
DOCUMENTS = "dokumen"
OTHER_PAGES = "halaman"


@dataclass(frozen=True)
class SearchType:
    key: str
    label: str
    # Page models (app_label.ModelName) of this type; empty for types that are not pages.
    models: tuple[str, ...] = ()
    # Field giving the date a result belongs to (the page's own date), else first publication.
    date_field: str = ""


SEARCH_TYPES: tuple[SearchType, ...] = (
    SearchType(LAYANAN, _("Layanan")),
    SearchType("berita", _("Berita"), ("content.BeritaPage",), "date"),
    SearchType("pengumuman", _("Pengumuman"), ("content.PengumumanPage",), "date"),
    SearchType("agenda", _("Agenda"), ("content.AgendaPage",), "start"),
    SearchType(DOCUMENTS, _("Dokumen")),
    SearchType("galeri", _("Galeri"), ("content.AlbumPage",), "date"),
    SearchType(OTHER_PAGES, _("Halaman")),
)


def page_model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def available_types() -> list[SearchType]:
    """The types whose models exist in this installation."""
    return [t for t in SEARCH_TYPES if not t.models or all(page_model(m) for m in t.models)]


def type_by_key(key: str) -> SearchType | None:
    return next((t for t in available_types() if t.key == key), None)


def type_of_page_model(model) -> SearchType:
    label = model._meta.label
    for search_type in available_types():
        if label in search_type.models:
            return search_type
    return type_by_key(OTHER_PAGES)
