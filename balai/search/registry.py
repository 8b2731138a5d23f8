"""What the public search covers: one entry per result type, in the order the filter shows them.

Pages are searched as ``wagtailcore.Page`` (every Page subclass is indexed into the same Wagtail
search index), so a new page type, such as the service page of the Layanan issue, is found
without any change here. A type listed with a model that does not exist yet is simply skipped;
adding its label here later gives it its own filter choice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.apps import apps
from django.utils.translation import gettext_lazy as _

DOCUMENTS = "dokumen"
OTHER_PAGES = "halaman"


@dataclass(frozen=True)
class SearchType:
    key: str
    label: str
    # Page models (app_label.ModelName) of this type; empty for "other pages" and documents.
    models: tuple[str, ...] = ()
    # Field giving the year a result belongs to (the page's own date), else first publication.
    date_field: str = ""
    extra: dict = field(default_factory=dict)


SEARCH_TYPES: tuple[SearchType, ...] = (
    SearchType("berita", _("Berita"), ("content.BeritaPage",), "date"),
    SearchType("pengumuman", _("Pengumuman"), ("content.PengumumanPage",), "date"),
    SearchType("agenda", _("Agenda"), ("content.AgendaPage",), "start"),
    SearchType("layanan", _("Layanan"), ("layanan.LayananPage",)),
    SearchType("galeri", _("Galeri"), ("content.AlbumPage",), "date"),
    SearchType(OTHER_PAGES, _("Halaman")),
    SearchType(DOCUMENTS, _("Dokumen")),
)


def page_model(label: str):
    try:
        return apps.get_model(label)
    except LookupError:
        return None


def available_types() -> list[SearchType]:
    """The types whose models exist in this installation (services arrive with their issue)."""
    return [t for t in SEARCH_TYPES if not t.models or all(page_model(m) for m in t.models)]


def type_by_key(key: str) -> SearchType | None:
    return next((t for t in available_types() if t.key == key), None)


def typed_page_models() -> list[tuple[SearchType, type]]:
    """(type, model) for every page model that has a type of its own."""
    return [(t, page_model(m)) for t in available_types() for m in t.models]
