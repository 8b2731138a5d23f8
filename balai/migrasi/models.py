"""What a WordPress import remembers: each run (with its report) and each item it brought in.

``ImportedItem`` is the memory that makes a re-import idempotent (same source hash → skipped)
and that answers old WordPress links (``?p=ID``, ``/wp-content/uploads/…``) with a 301.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class WordPressImport(models.Model):
    class Status(models.TextChoices):
        UPLOADED = "uploaded", _("diunggah")
        CHECKED = "checked", _("uji coba selesai")
        QUEUED = "queued", _("menunggu antrean")
        RUNNING = "running", _("sedang berjalan")
        DONE = "done", _("selesai")
        FAILED = "failed", _("gagal")

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="wp_imports")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    export_path = models.CharField(max_length=500)
    uploads_path = models.CharField(max_length=500, blank=True)
    pengumuman_category = models.CharField(max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.UPLOADED)
    processed = models.PositiveIntegerField(default=0)
    total = models.PositiveIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)

    class Meta:
        verbose_name = _("impor WordPress")
        verbose_name_plural = _("impor WordPress")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.opd} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def percent(self) -> int:
        return int(self.processed * 100 / self.total) if self.total else 0


class ImportedItem(models.Model):
    class Kind(models.TextChoices):
        POST = "post", _("tulisan")
        PAGE = "page", _("halaman")
        ATTACHMENT = "attachment", _("lampiran")

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="wp_items")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    wp_id = models.PositiveIntegerField()
    source_hash = models.CharField(max_length=64)
    old_path = models.CharField(max_length=500, blank=True, db_index=True)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    image = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["opd", "kind", "wp_id"], name="migrasi_item_once")
        ]
        indexes = [models.Index(fields=["opd", "source_hash"], name="migrasi_item_hash_idx")]

    def __str__(self) -> str:
        return f"{self.kind} #{self.wp_id}"

    @property
    def target_url(self) -> str | None:
        if self.page_id and self.page:
            return self.page.url
        if self.document_id and self.document:
            return self.document.url
        if self.image_id and self.image:
            return self.image.file.url
        return None
