"""SMS Centre storage: every inbound message is stored raw first (then processed by the worker),
every outbound message is a row in an outbox that the worker sends with retries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    """How a citizen writes to Balai and gets the answer: the reply goes back on the same one."""

    SMS = "sms", _("SMS")
    TELEGRAM = "telegram", _("Telegram")
    WHATSAPP = "whatsapp", _("WhatsApp")


class Gateway(models.TextChoices):
    GAMMU = "gammu", "Gammu SMSD"
    SMSGATE = "smsgate", "SMS Gateway for Android"
    WEBHOOK = "webhook", _("Webhook JSON (HMAC)")
    TELEGRAM = "telegram", "Telegram Bot API"
    WHATSAPP = "whatsapp", "WhatsApp Cloud API"
    CONSOLE = "console", _("Konsol/berkas")
    SIMULATOR = "simulator", _("Simulator")


class InboundSMS(models.Model):
    """One incoming message on any channel (the table kept its SMS name; ``channel`` says which).
    ``phone`` is the sender's address on that channel: an E.164 number for SMS and WhatsApp, the
    chat id for Telegram."""

    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Status(models.TextChoices):
        RECEIVED = "diterima", _("Diterima")
        PROCESSED = "diproses", _("Diproses")
        QUARANTINED = "karantina", _("Karantina (spam?)")
        FAILED = "gagal", _("Gagal")

    channel = models.CharField(
        _("kanal"), max_length=16, choices=Channel.choices, default=Channel.SMS, db_index=True
    )
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
    """One outgoing message on any channel (the table kept its SMS name; ``channel`` says which)."""

    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Status(models.TextChoices):
        QUEUED = "antre", _("Dalam antrean")
        SENDING = "mengirim", _("Sedang dikirim")
        SENT = "terkirim", _("Terkirim ke gateway")
        DELIVERED = "sampai", _("Sampai di ponsel")
        FAILED = "gagal", _("Gagal")

    channel = models.CharField(
        _("kanal"), max_length=16, choices=Channel.choices, default=Channel.SMS, db_index=True
    )
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
    # WhatsApp outside its 24-hour window: the approved template the text was sent in.
    template = models.CharField(_("templat"), max_length=64, blank=True)
    created_at = models.DateTimeField(_("dibuat pada"), auto_now_add=True)
    # When the worker may next touch it: the next backoff attempt (status "antre"), or the end of
    # the current attempt's lease ("mengirim"). A task arriving earlier (a second retry chain, a
    # sweep's re-enqueue) leaves it alone, so one message never has two attempts in flight.
    next_attempt_at = models.DateTimeField(_("percobaan berikutnya"), null=True, blank=True)
    # Retries stop after this (created_at + BALAI_SMS_RETRY_WINDOW_SECONDS unless an officer
    # retried it by hand, which grants a new window).
    retry_until = models.DateTimeField(_("dicoba ulang hingga"), null=True, blank=True)
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


class GatewayHealth(models.Model):
    """Whether a channel's outbound gateway answers (issue 12, point 8): one row per channel,
    updated by every send attempt; an outage alerts Kominfo once, and its end once."""

    channel = models.CharField(_("kanal"), max_length=16, unique=True)
    failing_since = models.DateTimeField(_("gagal sejak"), null=True, blank=True)
    down_since = models.DateTimeField(_("dinyatakan mati sejak"), null=True, blank=True)
    last_ok_at = models.DateTimeField(_("terakhir berhasil"), null=True, blank=True)
    last_error = models.TextField(_("galat terakhir"), blank=True)

    class Meta:
        verbose_name = _("kesehatan gateway")
        verbose_name_plural = _("kesehatan gateway")

    def __str__(self) -> str:
        return self.channel


class FloodRefusal(models.Model):
    """Messages refused for flooding (issue 12.10): counted per sender, channel and day so Kominfo
    sees who was refused and how often, instead of the messages vanishing."""

    wagtail_reference_index_ignore = True

    channel = models.CharField(_("kanal"), max_length=16, choices=Channel.choices)
    phone = models.CharField(_("pengirim"), max_length=20)
    day = models.DateField(_("tanggal"))
    count = models.PositiveIntegerField(_("jumlah ditolak"), default=0)
    first_at = models.DateTimeField(_("pertama"), auto_now_add=True)
    last_at = models.DateTimeField(_("terakhir"))
    last_text = models.CharField(_("isi terakhir"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("pesan ditolak (banjir)")
        verbose_name_plural = _("pesan ditolak (banjir)")
        ordering = ["-last_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["channel", "phone", "day"], name="sms_floodrefusal_once_a_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.phone} ({self.count})"
