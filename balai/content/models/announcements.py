"""Announcements (pengumuman) with their validity period and attachment."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from balai.content.blocks import BodyBlock
from balai.content.models.base import (
    DOCUMENT_MODEL,
    BalaiPage,
    IndexPage,
)


class PengumumanIndexPage(IndexPage):
    subpage_types = ["content.PengumumanPage"]

    class Meta:
        verbose_name = _("indeks pengumuman")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        root = self.listing_root()
        qs = selectors.current_announcements(root)
        context.update(self.listing(request, qs, city_wide=root is None))
        return context


class PengumumanPage(BalaiPage):
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    valid_from = models.DateField(_("berlaku mulai"), default=timezone.localdate)
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Setelah tanggal ini pengumuman keluar dari daftar, alamatnya tetap ada."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi"))
    attachment = models.ForeignKey(
        DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("lampiran"),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Masa berlaku")
        ),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BalaiPage.search_fields, index.SearchField("body"),
                     index.FilterField("date")]  # fmt: skip
    parent_page_types = ["content.PengumumanIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Tanggal akhir tidak boleh sebelum tanggal mulai.")}
            )

    @property
    def is_expired(self) -> bool:
        return bool(self.valid_until and self.valid_until < timezone.localdate())
