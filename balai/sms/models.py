"""SMS Centre storage: every inbound message is stored raw first (then processed by the worker),
every outbound message is a row in an outbox that the worker sends with retries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Gateway(models.TextChoices):
    GAMMU = "gammu", "Gammu SMSD"
    SMSGATE = "smsgate", "SMS Gateway for Android"
    WEBHOOK = "webhook", _("Webhook JSON (HMAC)")
    CONSOLE = "console", _("Konsol/berkas")
    SIMULATOR = "simulator", _("Simulator")


class InboundSMS(models.Model):
    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Status(models.TextChoices):
        RECEIVED = "diterima", _("Diterima")
        PROCESSED = "diproses", _("Diproses")
        QUARANTINED = "karantina", _("Karantina (spam?)")
        FAILED = "gagal", _("Gagal")

    gateway = models.CharField(_("gateway"), max_length=16, choices=Gateway.choices)
    # The gateway's own id for the message ("" when it has none); unique per gateway.
    gateway_id = models.CharField(_("ID gateway"), max_length=128, blank=True)
    # sha256(phone | text | time window): a retried delivery without an id is still one message.
    fingerprint = models.CharField(max_length=64, unique=True)
    phone = models.CharField(_("nomor"), max_length=20, db_index=True)
    text = models.TextField(_("isi"))
    received_at = models.DateTimeField(_("diterima pada"))
    raw = models.JSONField(default=dict, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.RECEIVED
    )
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    # An officer released it from review (not spam after all): the spam check no longer applies.
    reviewed = models.BooleanField(_("ditinjau petugas"), default=False)
    ticket_number = models.CharField(_("tiket"), max_length=32, blank=True)
    created_at = models.DateTimeField(_("dicatat pada"), auto_now_add=True)

    class Meta:
        verbose_name = _("SMS masuk")
        verbose_name_plural = _("SMS masuk")
        ordering = ["-received_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["gateway", "gateway_id"],
                condition=~models.Q(gateway_id=""),
                name="sms_inbound_unique_gateway_id",
            )
        ]

    def __str__(self) -> str:
        return f"{self.phone}: {self.text[:40]}"


class OutboundSMS(models.Model):
    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Status(models.TextChoices):
        QUEUED = "antre", _("Dalam antrean")
        SENDING = "mengirim", _("Sedang dikirim")
        SENT = "terkirim", _("Terkirim ke gateway")
        DELIVERED = "sampai", _("Sampai di ponsel")
        FAILED = "gagal", _("Gagal")

    phone = models.CharField(_("nomor"), max_length=20, db_index=True)
    text = models.TextField(_("isi"))
    context = models.CharField(_("konteks"), max_length=200, blank=True)
    dedupe_key = models.CharField(
        _("kunci duplikat"), max_length=200, unique=True, null=True, blank=True
    )
    gateway = models.CharField(_("gateway"), max_length=16, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED, db_index=True
    )
    parts = models.PositiveSmallIntegerField(_("jumlah bagian"), default=1)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    gateway_ref = models.CharField(_("rujukan gateway"), max_length=128, blank=True)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("SMS keluar")
        verbose_name_plural = _("SMS keluar")
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"→ {self.phone}: {self.text[:40]}"

    @property
    def client_id(self) -> str:
        """The id the gateway sees for this message: it deduplicates a resend after a crash."""
        return f"balai-{self.pk}"
