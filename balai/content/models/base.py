"""What every page type shares: the base page with its summary, and the section index page."""

from __future__ import annotations

import re

from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from balai.adminui.forms import BalaiPageForm
from balai.content.blocks import RICH_TEXT_FEATURES
from balai.core.pagecache import NOT_FOUND, remember
from balai.opd.selectors import opd_path_prefix, opds_by_root_path, private_page_paths

# Path parts a routing step is remembered for: what a page slug can look like.
REMEMBERED_SLUG = re.compile(r"[-\w]{1,120}")
IMAGE_MODEL = "images.BalaiImage"
DOCUMENT_MODEL = "documents.BalaiDocument"

OPD_SECTION_TYPES = [
    "content.ProfilPage",
    "content.BeritaIndexPage",
    "content.PengumumanIndexPage",
    "content.AgendaIndexPage",
    "content.GaleriIndexPage",
    "content.DokumenIndexPage",
    "layanan.LayananIndexPage",
    "ppid.PPIDPage",
    "content.KontakPage",
    "content.HalamanPage",
]


class BalaiPage(Page):
    """Base of every Balai page: a summary used by lists, search results and share cards."""

    summary = models.TextField(
        _("ringkasan"),
        blank=True,
        max_length=400,
        help_text=_("Satu-dua kalimat untuk daftar, hasil pencarian dan pratinjau tautan."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    base_form_class = BalaiPageForm  # settles slug clashes (balai.adminui.forms)

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # The type's own template, or the generic page until the type has one.
        return [super().get_template(request, *args, **kwargs), "content/generic_page.html"]

    def route(self, request, path_components):
        """Wagtail's routing, with each step's child page remembered per content generation
        (any publish, move, rename or unpublish bumps it): an article three levels deep is
        found without three pairs of queries. A path part no slug can match is looked up without
        being kept."""
        if not path_components:
            return super().route(request, path_components)
        slug, rest = path_components[0], path_components[1:]
        if REMEMBERED_SLUG.fullmatch(slug):
            child = remember(f"child:{self.pk}:{slug}", lambda: self._child(slug) or NOT_FOUND)
        else:  # not a slug a page can have: nothing worth keeping
            child = self._child(slug)
        if not isinstance(child, Page):
            raise Http404
        child._cached_parent_obj = self
        return child.route(request, rest)

    def _child(self, slug: str) -> Page | None:
        child = self.get_children().filter(slug=slug).first()
        if child is None:
            return None
        child = child.specific
        if isinstance(child, BalaiPage):
            child.load_related()
        return child

    def load_related(self) -> None:
        """Load the related rows this page's template shows, so that the copy remembered by
        ``route`` carries them (a type with such rows says which)."""

    def get_view_restrictions(self):
        """Wagtail's privacy check runs before every page is served (two queries). A city where
        no page is private (the usual case, remembered per content generation; a privacy change
        bumps it) answers with no restriction without asking the database."""
        if not private_page_paths():
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    @cached_property
    def opd(self):
        from balai.opd.selectors import opd_for_page

        return opd_for_page(self)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self._meta.app_label != "content":
            return response  # other apps' pages opt in themselves
        from balai.content.security import add_csp

        return add_csp(response)

    def on_portal(self) -> bool:
        """Whether this page belongs to the portal (whose lists gather every OPD)."""
        from balai.content.models.homes import PortalHomePage

        return PortalHomePage.objects.filter(path=opd_path_prefix(self)).exists()


class IndexPage(BalaiPage):
    """A section's page (berita, pengumuman, agenda, galeri, dokumen, kontak, direktori): an intro
    and, for most, a list. One per parent. On the portal the lists gather every OPD."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listing_root(self) -> Page | None:
        """Whose items the list shows: None on the portal (every OPD), else the OPD's home."""
        return None if self.on_portal() else self.get_parent()

    def listing(self, request, qs, city_wide: bool, **extra) -> dict:
        """Context of one page of ``qs``; city-wide lists name each item's OPD (one query)."""
        from balai.content import selectors

        items = selectors.paginate(qs, request)
        if city_wide:
            items.object_list = selectors.attach_opd(items.object_list, opds_by_root_path())
        return {"items": items, "city_wide": city_wide, **extra}
