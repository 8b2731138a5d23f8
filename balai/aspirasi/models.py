"""Aspirations and complaints (tickets), routing rules and the ticket history.

Statuses and reporter options follow SP4N-LAPOR! practice (Perpres 76/2013 on handling public-
service complaints; PermenPAN-RB 62/2018 on SP4N-LAPOR! management): belum diverifikasi (baru) →
diverifikasi → didisposisikan → ditindaklanjuti → selesai, or ditolak/dihapus with a reason;
anonim hides the reporter from the OPD, rahasia keeps the report off public pages.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from balai.core.codes import new_code
from balai.opd.models import OPD

# Completion tiers in working days (shared/domain/aspirasi.md): KemenPAN-RB's LAPOR! limits
# (Republika 14-06-2018: info/complaints 5, disputes without field check 14, field inspection 60)
# as written in service standards (SIPPN: ringan 2, normatif 5, tidak berkadar pengawasan 14,
# berkadar pengawasan 60 hari kerja). Defaults only: each category sets its own.
FIRST_RESPONSE_DAYS = 3  # LAPOR!: first response (forwarded / being handled) within 3 days


class Tier(models.TextChoices):
    RINGAN = "ringan", _("Ringan (2 hari kerja)")
    NORMATIF = "normatif", _("Normatif: informasi/pengaduan (5 hari kerja)")
    NON_PENGAWASAN = "non_pengawasan", _("Tidak berkadar pengawasan (14 hari kerja)")
    PENGAWASAN = "pengawasan", _("Berkadar pengawasan/cek lapangan (60 hari kerja)")


TIER_DAYS = {
    Tier.RINGAN: 2,
    Tier.NORMATIF: 5,
    Tier.NON_PENGAWASAN: 14,
    Tier.PENGAWASAN: 60,
}


class Category(models.Model):
    name = models.CharField(_("nama"), max_length=120, unique=True)
    slug = models.SlugField(unique=True)
    tier = models.CharField(
        _("jenis penanganan"), max_length=16, choices=Tier.choices, default=Tier.NORMATIF
    )
    first_response_days = models.PositiveSmallIntegerField(
        _("tanggapan pertama (hari kerja)"), default=FIRST_RESPONSE_DAYS
    )
    completion_days = models.PositiveSmallIntegerField(
        _("penyelesaian (hari kerja)"),
        null=True,
        blank=True,
        help_text=_("Kosong: sesuai jenis penanganan."),
    )
    default_opd = models.ForeignKey(
        OPD,
        verbose_name=_("OPD tujuan otomatis"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("kategori aspirasi")
        verbose_name_plural = _("kategori aspirasi")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    @property
    def days_to_complete(self) -> int:
        return self.completion_days or TIER_DAYS[self.tier]


class RoutingRule(models.Model):
    """An SMS starting with ``keyword`` (e.g. "DISHUB jalan rusak") goes to ``opd``."""

    keyword = models.CharField(_("kata kunci"), max_length=30, unique=True)
    opd = models.ForeignKey(OPD, verbose_name=_("OPD"), on_delete=models.CASCADE)

    class Meta:
        verbose_name = _("aturan kata kunci")
        verbose_name_plural = _("aturan kata kunci")
        ordering = ["keyword"]

    def __str__(self) -> str:
        return f"{self.keyword} → {self.opd}"

    def save(self, *args, **kwargs):
        self.keyword = self.keyword.strip().upper()
        super().save(*args, **kwargs)


def new_secret() -> str:
    """12 Crockford base32 characters (60 bits): read from an SMS and typed in any case.
    Secrets made before (URL-safe base64, mixed case) still match exactly."""
    return new_code(12)


class Ticket(models.Model):
    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Channel(models.TextChoices):
        WEB = "web", _("Situs web")
        SMS = "sms", _("SMS")
        TELEGRAM = "telegram", _("Telegram")
        WHATSAPP = "whatsapp", _("WhatsApp")

    # Chat channels answer on the chat, to ``contact`` (issue 16.1).
    CHAT_CHANNELS = (Channel.TELEGRAM, Channel.WHATSAPP)

    class Status(models.TextChoices):
        NEW = "baru", _("Belum diverifikasi")
        VERIFIED = "diverifikasi", _("Diverifikasi")
        DISPOSED = "didisposisikan", _("Didisposisikan")
        IN_PROGRESS = "ditindaklanjuti", _("Ditindaklanjuti")
        DONE = "selesai", _("Selesai")
        FORWARDED = "diteruskan", _("Diteruskan ke instansi lain")
        REJECTED = "ditolak", _("Ditolak")
        DELETED = "dihapus", _("Dihapus")

    OPEN = (Status.NEW, Status.VERIFIED, Status.DISPOSED, Status.IN_PROGRESS)

    class ForwardTarget(models.TextChoices):
        """Where a ticket goes when the Pemda is not the one to handle it (Perpres 76/2013: a
        complaint reaches the agency in charge, through SP4N-LAPOR! or directly)."""

        LAPOR = "lapor", _("SP4N-LAPOR!")
        INSTANSI = "instansi", _("Instansi lain")
        PROVINSI = "provinsi", _("Pemerintah provinsi")
        PUSAT = "pusat", _("Pemerintah pusat (kementerian/lembaga)")

    number = models.CharField(_("nomor tiket"), max_length=32, unique=True)
    secret = models.CharField(max_length=32, default=new_secret)
    channel = models.CharField(_("kanal"), max_length=8, choices=Channel.choices)
    opd = models.ForeignKey(
        OPD,
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="aspirasi",
        help_text=_("OPD penanggung jawab: menjawab pelapor dan memegang tenggat."),
    )
    # Disposition to several OPDs (issue 6, point 3): the lead OPD above answers the citizen and
    # owns the deadline; related OPDs see the ticket in their queue and contribute internal notes.
    related_opds = models.ManyToManyField(
        OPD,
        verbose_name=_("OPD terkait"),
        blank=True,
        related_name="aspirasi_terkait",
        help_text=_("OPD lain yang ikut menindaklanjuti; kontribusinya lewat catatan internal."),
    )
    category = models.ForeignKey(
        Category, verbose_name=_("kategori"), null=True, blank=True, on_delete=models.SET_NULL
    )
    reporter_name = models.CharField(_("nama pelapor"), max_length=120, blank=True)
    phone = models.CharField(_("nomor ponsel"), max_length=20, blank=True, db_index=True)
    email = models.EmailField(_("surel"), blank=True)
    # The citizen's address on a chat channel (Telegram chat id, WhatsApp number): the answer
    # goes back there. Never shown publicly.
    contact = models.CharField(_("alamat kanal"), max_length=32, blank=True, db_index=True)
    anonim = models.BooleanField(_("anonim"), default=False)
    rahasia = models.BooleanField(_("rahasia"), default=False)
    text = models.TextField(_("isi aspirasi"))
    kecamatan = models.CharField(_("kecamatan"), max_length=80, blank=True)
    kelurahan = models.CharField(_("kelurahan"), max_length=80, blank=True)
    location = models.CharField(_("lokasi"), max_length=200, blank=True)
    attachment = models.FileField(_("lampiran"), upload_to="aspirasi/%Y/%m/", blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    reason = models.TextField(_("alasan penolakan"), blank=True)
    answer = models.TextField(_("jawaban"), blank=True)
    public_text = models.TextField(_("teks publik (dimoderasi)"), blank=True)
    received_at = models.DateTimeField(_("diterima"), db_index=True)
    # When the completion clock last started: receipt, a new lead OPD's disposition, or a reopen
    # (issue 12, point 9). The category's days count from here.
    clock_started_at = models.DateTimeField(_("awal hitungan tenggat"), null=True, blank=True)
    first_response_due = models.DateField(_("batas tanggapan pertama"), null=True)
    tenggat = models.DateField(_("batas penyelesaian"), null=True, db_index=True)
    first_response_at = models.DateTimeField(_("tanggapan pertama"), null=True, blank=True)
    answered_at = models.DateTimeField(_("dijawab"), null=True, blank=True)
    reminded_at = models.DateTimeField(null=True, blank=True)
    escalated_at = models.DateTimeField(_("dieskalasi"), null=True, blank=True)
    rating = models.PositiveSmallIntegerField(_("penilaian"), null=True, blank=True)
    # SP4N-LAPOR! alongside (issue 16, point 2).
    lapor_number = models.CharField(
        _("nomor pelacakan SP4N-LAPOR!"), max_length=40, blank=True, db_index=True
    )
    forwarded_target = models.CharField(
        _("diteruskan ke (jenis)"), max_length=12, choices=ForwardTarget.choices, blank=True
    )
    forwarded_to = models.CharField(_("diteruskan ke"), max_length=200, blank=True)
    forwarded_reason = models.TextField(_("alasan diteruskan"), blank=True)
    forwarded_at = models.DateTimeField(_("diteruskan pada"), null=True, blank=True)

    class Meta:
        verbose_name = _("aspirasi")
        verbose_name_plural = _("aspirasi")
        ordering = ["tenggat", "received_at"]

    def __str__(self) -> str:
        return self.number

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN

    def tracking_path(self) -> str:
        return f"/aspirasi/lacak/{self.number}/{self.secret}/"

    def tracking_url(self) -> str:
        return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + self.tracking_path()

    def short_url(self) -> str:
        """The tracking link for SMS, where every character counts: ``/a/<code>.<secret>`` with
        the random part of the ticket number (it redirects to the tracking page)."""
        code = self.number.rsplit("-", 1)[-1]
        return f"{settings.WAGTAILADMIN_BASE_URL.rstrip('/')}/a/{code}.{self.secret}"


class TicketEvent(models.Model):
    """The ticket's history and thread: citizen messages, status changes, answers, notes."""

    wagtail_reference_index_ignore = True  # high-volume rows; nothing references them

    class Kind(models.TextChoices):
        MESSAGE = "pesan", _("Pesan pelapor")
        STATUS = "status", _("Perubahan status")
        DISPOSITION = "disposisi", _("Disposisi")
        ANSWER = "jawaban", _("Jawaban")
        NOTE = "catatan", _("Catatan internal")
        REMINDER = "pengingat", _("Pengingat/eskalasi")
        DEADLINE = "tenggat", _("Perubahan tenggat")

    ticket = models.ForeignKey(Ticket, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.TextField(blank=True)
    public = models.BooleanField(default=False)  # shown on the citizen's tracking page
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return f"{self.ticket_id} {self.kind}"
