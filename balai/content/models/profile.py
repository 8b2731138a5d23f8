"""The OPD profile: visi & misi, struktur organisasi, tugas & fungsi, pimpinan."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from balai.content.blocks import RICH_TEXT_FEATURES
from balai.content.models.base import (
    DOCUMENT_MODEL,
    IMAGE_MODEL,
    BalaiPage,
)


class ProfilPage(BalaiPage):
    body = RichTextField(_("isi"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    subpage_types = [
        "content.VisiMisiPage",
        "content.StrukturOrganisasiPage",
        "content.TugasFungsiPage",
        "content.ProfilPimpinanPage",
        "content.HalamanPage",
    ]

    class Meta:
        verbose_name = _("profil")


class VisiMisiPage(BalaiPage):
    visi = models.TextField(_("visi"), blank=True)
    misi = RichTextField(_("misi"), blank=True, features=["ol", "ul", "bold", "italic"])

    content_panels = [*Page.content_panels, FieldPanel("visi"), FieldPanel("misi")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("visi"),
                     index.SearchField("misi")]  # fmt: skip
    parent_page_types = ["content.ProfilPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("visi & misi")

    @property
    def is_filled(self) -> bool:
        return bool(self.visi.strip() and self.misi.strip())


class StrukturOrganisasiPage(BalaiPage):
    chart_image = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bagan (gambar)"),
    )
    chart_alt = models.CharField(_("teks alternatif bagan"), max_length=300, blank=True)
    chart_document = models.ForeignKey(
        DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("bagan (dokumen)"),
    )
    body = RichTextField(_("uraian"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("chart_image"), FieldPanel("chart_alt"), FieldPanel("chart_document")],
            heading=_("Bagan organisasi"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    parent_page_types = ["content.ProfilPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("struktur organisasi")

    def clean(self):
        super().clean()
        if self.chart_image_id and not self.chart_alt.strip():
            raise ValidationError({"chart_alt": _("Tulis teks alternatif untuk gambar bagan.")})

    @property
    def is_filled(self) -> bool:
        return bool(self.chart_image_id or self.chart_document_id or self.body.strip())


class TugasFungsiPage(BalaiPage):
    body = RichTextField(_("tugas dan fungsi"), blank=True, features=RICH_TEXT_FEATURES)
    legal_basis = models.CharField(_("dasar hukum"), max_length=300, blank=True)

    content_panels = [*Page.content_panels, FieldPanel("legal_basis"), FieldPanel("body")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    parent_page_types = ["content.ProfilPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("tugas & fungsi")

    @property
    def is_filled(self) -> bool:
        return bool(self.body.strip())


class ProfilPimpinanPage(BalaiPage):
    leader_name = models.CharField(_("nama"), max_length=200, blank=True)
    position = models.CharField(_("jabatan"), max_length=200, blank=True)
    photo = models.ForeignKey(
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("foto"),
    )
    biography = RichTextField(_("riwayat singkat"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("leader_name"), FieldPanel("position"), FieldPanel("photo"),
        FieldPanel("biography"),
    ]  # fmt: skip
    search_fields = [*BalaiPage.search_fields, index.SearchField("leader_name"),
                     index.SearchField("biography")]  # fmt: skip
    parent_page_types = ["content.ProfilPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("profil pimpinan")

    @property
    def is_filled(self) -> bool:
        return bool(self.leader_name.strip() and self.biography.strip())
