"""Photo galleries (album)."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from balai.content.blocks import RICH_TEXT_FEATURES, VideoBlock
from balai.content.models.base import (
    IMAGE_MODEL,
    BalaiPage,
    IndexPage,
)


class GaleriIndexPage(IndexPage):
    subpage_types = ["content.AlbumPage"]

    class Meta:
        verbose_name = _("indeks galeri")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["items"] = selectors.paginate(selectors.albums(self), request)
        return context


class AlbumPage(BalaiPage):
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    description = RichTextField(_("keterangan"), blank=True, features=RICH_TEXT_FEATURES)
    videos = StreamField([("video", VideoBlock())], blank=True, verbose_name=_("video"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("description"),
        InlinePanel("photos", label=_("Foto")),
        FieldPanel("videos"),
    ]
    search_fields = [*BalaiPage.search_fields, index.SearchField("description")]
    parent_page_types = ["content.GaleriIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("album")


class AlbumPhoto(Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        IMAGE_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("gambar")
    )
    alt = models.CharField(_("teks alternatif"), max_length=300)
    caption = models.CharField(_("keterangan"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]
