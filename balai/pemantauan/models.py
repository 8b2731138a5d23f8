"""Monitoring records: indicator weights, stored scorecards, settings, spam alerts, digests.

Scorecards are snapshots: each row keeps the values and evidence computed at that time, so a
month's history stays true after the content changes (issue 7, point 2).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting


class IndicatorWeight(models.Model):
    """The one admin-editable weights table. Rows are seeded by migration 0002 from the indicator
    registry (``balai.pemantauan.indicators.REGISTRY``); a weight of 0 switches an indicator off.
    The total score is the weighted mean of the applicable indicators' 0–100 scores."""

    key = models.CharField(_("kunci"), max_length=60, unique=True)
    group = models.CharField(_("kelompok"), max_length=40)
    label = models.CharField(_("indikator"), max_length=200)
    weight = models.DecimalField(_("bobot"), max_digits=5, decimal_places=2, default=1)
    description = models.TextField(_("penjelasan"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("weight"), FieldPanel("description")]

    class Meta:
        ordering = ["group", "key"]
        verbose_name = _("bobot indikator")
        verbose_name_plural = _("bobot indikator")

    def __str__(self) -> str:
        return f"{self.label} ({self.weight})"


class Zone(models.TextChoices):
    HIJAU = "hijau", _("Hijau")
    KUNING = "kuning", _("Kuning")
    MERAH = "merah", _("Merah")


class Scorecard(models.Model):
    """One OPD's scorecard for one period (the first day of a month). The latest computation of
    the current month overwrites that month's row; past months are never recomputed from today's
    content."""

    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="scorecards")
    period = models.DateField(_("periode"), db_index=True)
    computed_at = models.DateTimeField(_("dihitung"), auto_now=True)
    total = models.FloatField(_("nilai"), null=True, blank=True)
    zone = models.CharField(_("zona"), max_length=10, choices=Zone.choices, blank=True)
    rank = models.PositiveIntegerField(_("peringkat"), null=True, blank=True)
    # Denormalised headline figures: the dashboard sorts on them without opening ``indicators``.
    days_since_publication = models.IntegerField(null=True, blank=True)
    response_hours = models.FloatField(null=True, blank=True)
    freshness_score = models.FloatField(null=True, blank=True)
    responsiveness_score = models.FloatField(null=True, blank=True)
    monthly_publications = models.JSONField(default=list, blank=True)
    # {key: {"group", "label", "weight", "applicable", "value", "display", "score", "evidence"}}
    indicators = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["-period", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["opd", "period"], name="pemantauan_one_card_per_month")
        ]
        verbose_name = _("rapor")
        verbose_name_plural = _("rapor")

    def __str__(self) -> str:
        return f"{self.opd_id} {self.period:%Y-%m}: {self.total}"

    def top_fixes(self, n: int = 3) -> list[dict]:
        """The applicable indicators that cost the most points (weight × missing score)."""
        rows = [
            {"key": k, **v}
            for k, v in self.indicators.items()
            if v.get("applicable") and v.get("score") is not None and v["score"] < 100
        ]
        rows.sort(key=lambda r: -(float(r["weight"]) * (100 - r["score"])))
        return rows[:n]


@register_setting(icon="view")
class MonitoringSettings(BaseGenericSetting):
    stale_days = models.PositiveIntegerField(
        _("batas hari tanpa publikasi"),
        default=30,
        help_text=_("OPD tanpa publikasi selama ini mendapat pengingat dan dianggap tidak aktif."),
    )
    overdue_alert = models.PositiveIntegerField(
        _("batas permohonan/aduan terlambat"),
        default=1,
        help_text=_("Jumlah permohonan atau aduan terlambat yang dimuat dalam ringkasan."),
    )
    digests_enabled = models.BooleanField(_("kirim ringkasan mingguan"), default=True)
    public_transparency = models.BooleanField(
        _("tampilkan halaman transparansi publik"),
        default=True,
        help_text=_("Halaman /transparansi/ memuat peringkat OPD tanpa data pribadi."),
    )
    allowed_link_domains = models.TextField(
        _("domain tautan yang diizinkan"),
        blank=True,
        help_text=_("Satu domain per baris, selain go.id dan daftar bawaan."),
    )
    extra_spam_terms = models.TextField(
        _("istilah mencurigakan tambahan"), blank=True, help_text=_("Satu istilah per baris.")
    )

    panels = [
        FieldPanel("stale_days"),
        FieldPanel("overdue_alert"),
        FieldPanel("digests_enabled"),
        FieldPanel("public_transparency"),
        FieldPanel("allowed_link_domains"),
        FieldPanel("extra_spam_terms"),
    ]

    class Meta:
        verbose_name = _("pengaturan pemantauan")


class SpamAlert(models.Model):
    class Kind(models.TextChoices):
        PAGE = "page", _("Halaman")
        DOCUMENT = "document", _("Dokumen")
        LINK = "link", _("Tautan keluar")

    class Status(models.TextChoices):
        OPEN = "open", _("Terbuka")
        UNPUBLISHED = "unpublished", _("Diturunkan")
        DISMISSED = "dismissed", _("Bukan spam")

    opd = models.ForeignKey("opd.OPD", null=True, blank=True, on_delete=models.CASCADE)
    kind = models.CharField(_("jenis"), max_length=10, choices=Kind.choices)
    page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    document = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
    )
    matched = models.CharField(_("temuan"), max_length=300)
    excerpt = models.TextField(_("cuplikan"), blank=True)
    published_by = models.CharField(_("diterbitkan oleh"), max_length=200, blank=True)
    status = models.CharField(max_length=12, choices=Status.choices, default=Status.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "page", "document", "matched"], name="pemantauan_alert_once"
            )
        ]
        verbose_name = _("peringatan konten mencurigakan")
        verbose_name_plural = _("peringatan konten mencurigakan")

    def __str__(self) -> str:
        return f"{self.kind}: {self.matched}"


class Digest(models.Model):
    """A rendered weekly digest, kept so it can be read in the admin as well as by e-mail."""

    opd = models.ForeignKey("opd.OPD", null=True, blank=True, on_delete=models.CASCADE)
    kind = models.CharField(max_length=20, default="weekly")  # weekly | city | reminder
    recipients = models.TextField(blank=True)
    subject = models.CharField(max_length=300)
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("ringkasan")
        verbose_name_plural = _("ringkasan")

    def __str__(self) -> str:
        return self.subject


class ExternalSite(models.Model):
    """An OPD website still running outside Balai, watched from the outside (issue 16, point 5).

    Kominfo lists them; the nightly check (``external.check_site``) stores its latest findings
    here, and the dashboard shows them beside Balai's own OPDs with the same zones.
    """

    url = models.URLField(_("alamat situs"), max_length=500, unique=True)
    name = models.CharField(_("nama OPD"), max_length=200)
    opd = models.ForeignKey(
        "opd.OPD",
        verbose_name=_("OPD di Balai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="external_sites",
        help_text=_("Opsional: OPD yang sudah (atau akan) memakai Balai."),
    )
    is_active = models.BooleanField(_("dipantau"), default=True)
    notes = models.TextField(_("catatan"), blank=True)

    # The latest check.
    checked_at = models.DateTimeField(_("diperiksa"), null=True, blank=True)
    http_status = models.PositiveSmallIntegerField(_("status HTTP"), null=True, blank=True)
    response_ms = models.PositiveIntegerField(_("waktu respons (ms)"), null=True, blank=True)
    error = models.CharField(_("galat"), max_length=300, blank=True)
    tls_expires_at = models.DateTimeField(_("sertifikat TLS berakhir"), null=True, blank=True)
    tls_trusted = models.BooleanField(_("sertifikat TLS tepercaya"), null=True, blank=True)
    last_updated = models.DateTimeField(_("pembaruan terakhir"), null=True, blank=True)
    last_updated_source = models.CharField(_("sumber tanggal"), max_length=500, blank=True)
    spam_terms = models.JSONField(_("istilah judi/spam"), default=list, blank=True)
    spam_links = models.JSONField(_("tautan judi/spam"), default=list, blank=True)
    outside_links = models.PositiveIntegerField(_("tautan keluar"), default=0)
    cloaking_terms = models.JSONField(
        _("istilah hanya untuk Googlebot (cloaking)"), default=list, blank=True
    )
    score = models.FloatField(_("nilai"), null=True, blank=True)
    zone = models.CharField(_("zona"), max_length=10, choices=Zone.choices, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("situs OPD di luar Balai")
        verbose_name_plural = _("situs OPD di luar Balai")

    def __str__(self) -> str:
        return f"{self.name} ({self.url})"

    @property
    def cloaking(self) -> bool:
        return bool(self.cloaking_terms)
