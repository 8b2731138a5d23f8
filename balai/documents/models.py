"""Balai's document model: Wagtail's document with the fields a public document list needs."""

from __future__ import annotations

import contextlib

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.documents.models import AbstractDocument
from wagtail.search import index


class DocumentCategory(models.TextChoices):
    SOP = "sop", _("SOP")
    MAKLUMAT = "maklumat", _("Maklumat pelayanan")
    PERATURAN = "peraturan", _("Peraturan")
    LAPORAN = "laporan", _("Laporan")
    RENSTRA = "renstra", _("Renstra/Renja")
    LAKIP = "lakip", _("LAKIP/LKjIP")
    LAINNYA = "lainnya", _("Lainnya")


class TextStatus(models.TextChoices):
    """What the worker found when it read the document's file for search."""

    PENDING = "", _("belum dibaca")
    OK = "ok", _("teks terbaca")
    SCAN = "scan", _("hasil pindaian (tanpa lapisan teks)")
    UNREADABLE = "error", _("tidak dapat dibaca")
    NONE = "none", _("jenis berkas tanpa teks")


def current_year() -> int:
    return timezone.localdate().year


class BalaiDocument(AbstractDocument):
    category = models.CharField(
        _("kategori"),
        max_length=20,
        choices=DocumentCategory.choices,
        default=DocumentCategory.LAINNYA,
    )
    year = models.PositiveSmallIntegerField(_("tahun"), default=current_year)
    number = models.CharField(_("nomor"), max_length=120, blank=True)
    description = models.TextField(_("keterangan"), blank=True)
    is_public = models.BooleanField(
        _("dokumen publik"),
        default=True,
        help_text=_(
            "Hapus centang untuk dokumen internal (misalnya dokumen yang dikecualikan): "
            "hanya petugas OPD yang dapat membukanya."
        ),
    )
    download_count = models.PositiveIntegerField(_("jumlah unduhan"), default=0, editable=False)
    extracted_text = models.TextField(blank=True, editable=False)
    # Where each page of a PDF starts in ``extracted_text`` (character offsets), for "hlm. N".
    text_page_starts = models.JSONField(default=list, blank=True, editable=False)
    text_status = models.CharField(
        _("teks untuk pencarian"),
        max_length=10,
        choices=TextStatus.choices,
        blank=True,
        default=TextStatus.PENDING,
        editable=False,
    )

    admin_form_fields = (
        "title", "file", "category", "year", "number", "description", "is_public",
        "collection", "tags",
    )  # fmt: skip

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("number"),
        index.SearchField("extracted_text"),
        index.FilterField("category"),
        index.FilterField("year"),
        index.FilterField("is_public"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("dokumen")
        verbose_name_plural = _("dokumen")
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        # Documents created outside the admin's form (demo, imports, the API) get their size and
        # hash when stored, as the form does, so no list measures or writes while rendering.
        if self.file and (self.file_size is None or not self.file_hash):
            # A file missing from storage is listed without a size.
            with contextlib.suppress(OSError):
                self._set_document_file_metadata()
        super().save(*args, **kwargs)

    @property
    def file_extension_upper(self) -> str:
        return self.file_extension.upper()
