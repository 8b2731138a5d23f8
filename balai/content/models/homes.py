"""Homes: the portal's and each OPD's, and the generic page."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from balai.content.blocks import RICH_TEXT_FEATURES, BodyBlock
from balai.content.models.base import (
    IMAGE_MODEL,
    OPD_SECTION_TYPES,
    BalaiPage,
)


class HomeSections:
    """What both homes share: the hero image loaded with the page, and links to sections."""

    def load_related(self) -> None:
        _ = self.hero_image  # type: ignore[attr-defined]

    def live_sections(self) -> dict[str, Page]:
        """The home's live sections by slug (berita, layanan, ppid, …), for its links."""
        children = self.get_children().live()  # type: ignore[attr-defined]
        return {p.slug: p for p in children.only("id", "path", "slug", "title", "url_path")}


class PortalHomePage(HomeSections, BalaiPage):
    """Home of the city portal (Kominfo/Humas): gathers every OPD's news, agenda and sites."""

    intro = RichTextField(_("sambutan"), blank=True, features=RICH_TEXT_FEATURES)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gambar utama"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("pinned_items", label=_("Sorotan di beranda portal"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.BeritaIndexPage",
        "content.PengumumanIndexPage",
        "content.AgendaIndexPage",
        "content.GaleriIndexPage",
        "content.DokumenIndexPage",
        "content.HalamanPage",
        "content.OPDDirectoryPage",
        "content.KontakPage",
        "layanan.LayananDirectoryPage",
        "ppid.PPIDPage",
    ]
    max_count = 1

    class Meta:
        verbose_name = _("beranda portal")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["home"] = selectors.cached(
            f"portal_home:{self.pk}", lambda: selectors.portal_home(self)
        )
        context["pinned"] = selectors.cached(
            f"pinned:{self.pk}",
            lambda: list(self.pinned_items.select_related("page").order_by("sort_order")),
        )
        context["sections"] = selectors.cached(f"sections:{self.pk}", self.live_sections)
        return context


class PinnedItem(Orderable):
    """An item Kominfo pins on the portal home: any page of any OPD."""

    home = ParentalKey(PortalHomePage, on_delete=models.CASCADE, related_name="pinned_items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("halaman")
    )
    label = models.CharField(_("label"), max_length=60, blank=True)

    panels = [FieldPanel("page"), FieldPanel("label")]


class OPDHomePage(HomeSections, BalaiPage):
    """Beranda of an OPD site; the root of the OPD's page tree and of its Wagtail Site."""

    intro = RichTextField(_("sambutan kepala"), blank=True, features=RICH_TEXT_FEATURES)
    hero_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("gambar utama"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("hero_image")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = OPD_SECTION_TYPES
    search_fields = [*BalaiPage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("beranda OPD")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        latest = selectors.cached(f"opd_home:{self.pk}", lambda: selectors.site_latest(self))
        context.update(
            latest_news=latest.news, announcements=latest.announcements, agenda=latest.agenda
        )
        context["sections"] = selectors.cached(f"sections:{self.pk}", self.live_sections)
        return context


class HalamanPage(BalaiPage):
    """A plain page (e.g. the city profile, a programme)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    subpage_types = ["content.HalamanPage"]

    class Meta:
        verbose_name = _("halaman")
