"""PPID (Pejabat Pengelola Informasi dan Dokumentasi): pages, the Daftar Informasi Publik, requests
(permohonan informasi), objections (keberatan) and the officers who handle them.

Rules come from UU 14/2008 (Keterbukaan Informasi Publik, "KIP"), PP 61/2010 and Perki 1/2021
(Standar Layanan Informasi Publik, "SLIP"); each rule is cited where it is encoded (mostly in
``services.py``). Models hold fields and small properties only.
"""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from balai.content.models import BalaiPage

# Berkala information is published "at least every six months" (UU 14/2008 Pasal 9(4)).
BERKALA_MAX_AGE_DAYS = 183


class PPIDPage(BalaiPage):
    """The PPID page of an OPD (PPID Pelaksana) or of the portal (PPID Utama)."""

    intro = RichTextField(_("profil PPID"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.OPDHomePage", "content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1
    template = "ppid/ppid_page.html"

    class Meta:
        verbose_name = _("PPID")

    def get_context(self, request, *args, **kwargs):
        from balai.opd.selectors import opd_for_request
        from balai.ppid import selectors

        context = super().get_context(request, *args, **kwargs)
        opd = opd_for_request(request)
        context["opd"] = opd
        context["dip_groups"] = selectors.dip_by_category(opd)
        return context


class Kategori(models.TextChoices):
    """Categories of public information, UU 14/2008 Pasal 9, 10, 11 and 17."""

    BERKALA = "berkala", _("Berkala")  # Pasal 9
    SERTA_MERTA = "serta_merta", _("Serta merta")  # Pasal 10
    SETIAP_SAAT = "setiap_saat", _("Tersedia setiap saat")  # Pasal 11
    DIKECUALIKAN = "dikecualikan", _("Dikecualikan")  # Pasal 17


class Pasal17(models.TextChoices):
    """The exemptions of UU 14/2008 Pasal 17 huruf a–j (the ground a refusal must name)."""

    HURUF_A = "a", _("huruf a — menghambat proses penegakan hukum")
    HURUF_B = "b", _("huruf b — mengganggu perlindungan HKI dan persaingan usaha yang sehat")
    HURUF_C = "c", _("huruf c — membahayakan pertahanan dan keamanan negara")
    HURUF_D = "d", _("huruf d — mengungkapkan kekayaan alam Indonesia")
    HURUF_E = "e", _("huruf e — merugikan ketahanan ekonomi nasional")
    HURUF_F = "f", _("huruf f — merugikan kepentingan hubungan luar negeri")
    HURUF_G = "g", _("huruf g — mengungkap isi akta otentik yang bersifat pribadi atau wasiat")
    HURUF_H = "h", _("huruf h — mengungkap rahasia pribadi")
    HURUF_I = "i", _("huruf i — memorandum/surat antar atau intra Badan Publik yang dirahasiakan")
    HURUF_J = "j", _("huruf j — informasi yang tidak boleh diungkapkan berdasarkan undang-undang")


class BentukInformasi(models.TextChoices):
    SOFTCOPY = "softcopy", _("Softcopy")
    HARDCOPY = "hardcopy", _("Hardcopy")
    KEDUANYA = "keduanya", _("Softcopy dan hardcopy")


class InformasiPublik(models.Model):
    """One row of the Daftar Informasi Publik (DIP), in the columns of Perki 1/2021 (SLIP):
    ringkasan isi informasi; pejabat/unit yang menguasai; penanggung jawab pembuatan/penerbitan;
    waktu dan tempat pembuatan; bentuk informasi yang tersedia; jangka waktu penyimpanan/retensi.
    Exempt rows (UU 14/2008 Pasal 17) carry their uji konsekuensi (Pasal 19) and the exempt
    document is never linked publicly."""

    opd = models.ForeignKey(
        "opd.OPD", verbose_name=_("OPD"), on_delete=models.CASCADE, related_name="informasi_publik"
    )
    judul = models.CharField(_("judul informasi"), max_length=255)
    ringkasan = models.TextField(_("ringkasan isi informasi"))
    kategori = models.CharField(_("kategori"), max_length=20, choices=Kategori.choices)
    unit_penguasa = models.CharField(_("pejabat/unit yang menguasai informasi"), max_length=255)
    penanggung_jawab = models.CharField(
        _("penanggung jawab pembuatan/penerbitan informasi"), max_length=255
    )
    waktu_pembuatan = models.CharField(_("waktu pembuatan"), max_length=100)
    tempat_pembuatan = models.CharField(_("tempat pembuatan"), max_length=200)
    bentuk = models.CharField(
        _("bentuk informasi yang tersedia"),
        max_length=20,
        choices=BentukInformasi.choices,
        default=BentukInformasi.KEDUANYA,
    )
    retensi = models.CharField(_("jangka waktu penyimpanan/retensi arsip"), max_length=100)
    dokumen = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokumen"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    halaman = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman terkait"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tautan = models.URLField(_("tautan"), blank=True)
    # Uji konsekuensi, only for dikecualikan (UU 14/2008 Pasal 17 and 19).
    pasal_pengecualian = models.CharField(
        _("dasar hukum pengecualian"),
        max_length=200,
        blank=True,
        help_text=_("Misalnya: UU 14/2008 Pasal 17 huruf h angka 2."),
    )
    uji_konsekuensi = models.TextField(_("ringkasan uji konsekuensi"), blank=True)
    dokumen_uji_konsekuensi = models.ForeignKey(
        settings.WAGTAILDOCS_DOCUMENT_MODEL,
        verbose_name=_("dokumen uji konsekuensi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    masa_pengecualian = models.CharField(_("jangka waktu pengecualian"), max_length=100, blank=True)
    diperbarui_pada = models.DateField(
        _("terakhir diperbarui"),
        default=timezone.localdate,
        help_text=_("Informasi berkala diperbarui paling lambat setiap enam bulan."),
    )
    dibuat = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("informasi publik (DIP)")
        verbose_name_plural = _("Daftar Informasi Publik")
        ordering = ["opd__name", "kategori", "judul"]

    def __str__(self) -> str:
        return self.judul

    def is_stale(self, today: dt.date | None = None) -> bool:
        """Berkala information older than six months (UU 14/2008 Pasal 9(4))."""
        today = today or timezone.localdate()
        return (
            self.kategori == Kategori.BERKALA
            and (today - self.diperbarui_pada).days > BERKALA_MAX_AGE_DAYS
        )

    @property
    def is_exempt(self) -> bool:
        return self.kategori == Kategori.DIKECUALIKAN


class PetugasPPID(models.Model):
    """A user's PPID role. PPID Utama (at Diskominfo) coordinates and sees every request; a PPID
    Pelaksana handles the requests of one OPD; the Atasan PPID decides objections (UU 14/2008
    Pasal 36; PP 61/2010)."""

    class Peran(models.TextChoices):
        UTAMA = "utama", _("PPID Utama")
        PELAKSANA = "pelaksana", _("PPID Pelaksana")
        ATASAN = "atasan", _("Atasan PPID")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("pengguna"),
        on_delete=models.CASCADE,
        related_name="peran_ppid",
    )
    peran = models.CharField(_("peran"), max_length=20, choices=Peran.choices)
    opd = models.ForeignKey(
        "opd.OPD",
        verbose_name=_("OPD"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="petugas_ppid",
        help_text=_("Wajib untuk PPID Pelaksana."),
    )
    aktif = models.BooleanField(_("aktif"), default=True)

    class Meta:
        verbose_name = _("petugas PPID")
        verbose_name_plural = _("petugas PPID")
        constraints = [
            models.UniqueConstraint(fields=["user", "peran", "opd"], name="ppid_petugas_unique"),
            models.CheckConstraint(
                condition=~models.Q(peran="pelaksana") | models.Q(opd__isnull=False),
                name="ppid_pelaksana_has_opd",
            ),
        ]

    def __str__(self) -> str:
        where = f" {self.opd.short_name}" if self.opd_id else ""
        return (
            f"{self.user.get_full_name() or self.user.username} ({self.get_peran_display()}{where})"
        )


class Permohonan(models.Model):
    """A request for public information (UU 14/2008 Pasal 22; Perki 1/2021)."""

    class Kanal(models.TextChoices):
        WEB = "web", _("Situs web")
        LANGSUNG = "langsung", _("Datang langsung")
        TELEPON = "telepon", _("Telepon")
        SURAT = "surat", _("Surat")
        EMAIL = "email", _("E-mail")

    class CaraMemperoleh(models.TextChoices):  # Pasal 22(1)
        MELIHAT = "melihat", _("Melihat/membaca/mendengarkan/mencatat")
        SOFTCOPY = "softcopy", _("Mendapatkan salinan (softcopy)")
        HARDCOPY = "hardcopy", _("Mendapatkan salinan (hardcopy)")

    class CaraMendapatkan(models.TextChoices):
        AMBIL = "ambil", _("Mengambil langsung")
        POS = "pos", _("Kurir/pos")
        EMAIL = "email", _("E-mail")
        FAKS = "faks", _("Faksimili")

    class Status(models.TextChoices):
        DIPROSES = "diproses", _("Sedang diproses")
        DIPERPANJANG = "diperpanjang", _("Diperpanjang")
        SELESAI = "selesai", _("Selesai (pemberitahuan tertulis terbit)")

    class Keputusan(models.TextChoices):  # the written notice, Pasal 22(7)
        DIPENUHI = "dipenuhi", _("Dipenuhi seluruhnya")
        SEBAGIAN = "sebagian", _("Dipenuhi sebagian")
        DITOLAK_DIKECUALIKAN = "ditolak_dikecualikan", _("Ditolak: informasi dikecualikan")
        DITOLAK_TIDAK_DIKUASAI = (
            "ditolak_tidak_dikuasai",
            _("Ditolak: informasi tidak dikuasai/belum didokumentasikan"),
        )
        DITERUSKAN = "diteruskan", _("Diteruskan ke badan publik yang menguasai")

    nomor = models.CharField(_("nomor pendaftaran"), max_length=40, unique=True)
    token = models.CharField(max_length=64, unique=True, editable=False)
    opd = models.ForeignKey(
        "opd.OPD",
        verbose_name=_("ditujukan kepada"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="permohonan_informasi",
        help_text=_("Kosong: PPID Utama."),
    )
    kanal = models.CharField(_("kanal"), max_length=20, choices=Kanal.choices, default=Kanal.WEB)
    # The requester (personal data, UU 27/2022: never public, masked in lists).
    nama = models.CharField(_("nama"), max_length=200)
    nik = models.CharField(_("NIK/nomor identitas"), max_length=32)
    alamat = models.TextField(_("alamat"))
    telepon = models.CharField(_("telepon"), max_length=20, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    pekerjaan = models.CharField(_("pekerjaan"), max_length=120, blank=True)
    rincian = models.TextField(_("rincian informasi yang dibutuhkan"))
    tujuan = models.TextField(_("tujuan penggunaan informasi"))
    cara_memperoleh = models.CharField(
        _("cara memperoleh informasi"), max_length=20, choices=CaraMemperoleh.choices
    )
    cara_mendapatkan = models.CharField(
        _("cara mendapatkan salinan"), max_length=20, choices=CaraMendapatkan.choices
    )
    received_at = models.DateTimeField(_("diterima pada"), default=timezone.now)
    tenggat = models.DateField(_("tenggat"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DIPROSES
    )
    petugas = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("petugas"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="permohonan_ppid",
    )
    dicatat_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Extension (Pasal 22(8)): once, at most 7 working days, with a written reason.
    diperpanjang_pada = models.DateTimeField(null=True, blank=True)
    alasan_perpanjangan = models.TextField(_("alasan perpanjangan"), blank=True)
    # Written notice (pemberitahuan tertulis, Pasal 22(7)).
    keputusan = models.CharField(
        _("keputusan"), max_length=30, choices=Keputusan.choices, blank=True
    )
    dijawab_pada = models.DateTimeField(_("dijawab pada"), null=True, blank=True)
    dijawab_tanggal = models.DateField(null=True, blank=True)  # local date, for on-time counts
    jawaban = models.TextField(_("isi pemberitahuan"), blank=True)
    # Refusal as exempt (UU 14/2008 Pasal 17 and 19; uji konsekuensi per Perki 1/2021 Pasal 49):
    # the huruf of Pasal 17, any further article or other law, the information withheld, the
    # consequence of opening it, the weighing of the public interest and how long it is exempt.
    pasal_17 = models.CharField(
        _("dasar pengecualian (UU 14/2008 Pasal 17)"),
        max_length=1,
        choices=Pasal17.choices,
        blank=True,
    )
    pasal_pengecualian = models.CharField(_("pasal pengecualian"), max_length=200, blank=True)
    informasi_dikecualikan = models.TextField(_("informasi yang dikecualikan"), blank=True)
    uji_konsekuensi = models.TextField(_("uji konsekuensi"), blank=True)
    pertimbangan_kepentingan_umum = models.TextField(_("pertimbangan kepentingan umum"), blank=True)
    masa_pengecualian = models.CharField(_("jangka waktu pengecualian"), max_length=120, blank=True)
    diteruskan_ke = models.CharField(_("badan publik yang menguasai"), max_length=255, blank=True)
    bentuk_informasi = models.CharField(_("bentuk informasi"), max_length=120, blank=True)
    biaya = models.PositiveIntegerField(_("biaya salinan/pengiriman (Rp)"), default=0)
    waktu_penyediaan = models.CharField(_("waktu penyediaan"), max_length=120, blank=True)
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    escalated_on = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("permohonan informasi")
        verbose_name_plural = _("permohonan informasi")
        ordering = ["tenggat", "received_at"]
        indexes = [models.Index(fields=["opd", "status", "tenggat"])]

    def __str__(self) -> str:
        return self.nomor

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.SELESAI

    @property
    def is_granted(self) -> bool:
        return self.keputusan in (self.Keputusan.DIPENUHI, self.Keputusan.SEBAGIAN)

    @property
    def nama_tujuan(self) -> str:
        return self.opd.name if self.opd_id else str(_("PPID Utama"))

    @property
    def is_refused_as_exempt(self) -> bool:
        """A decision that withholds information under Pasal 17 (fully or partly)."""
        return bool(self.pasal_17) and self.keputusan in (
            self.Keputusan.DITOLAK_DIKECUALIKAN,
            self.Keputusan.SEBAGIAN,
        )

    @property
    def dasar_pengecualian(self) -> str:
        """'UU 14/2008 Pasal 17 huruf h' plus the officer's further article, for documents."""
        if not self.pasal_17:
            return self.pasal_pengecualian
        base = f"UU 14/2008 Pasal 17 huruf {self.pasal_17}"
        extra = self.pasal_pengecualian.strip()
        return f"{base}; {extra}" if extra and extra != base else base


def lampiran_path(instance, filename: str) -> str:
    return f"ppid/lampiran/{instance.permohonan.token[:12]}/{filename}"


class Lampiran(models.Model):
    """A document released with the written notice (stored privately, served via the token)."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="lampiran")
    berkas = models.FileField(_("berkas"), upload_to=lampiran_path)
    nama = models.CharField(_("nama berkas"), max_length=200)
    diunggah = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("lampiran")
        verbose_name_plural = _("lampiran")

    def __str__(self) -> str:
        return self.nama


class Keberatan(models.Model):
    """An objection to the atasan PPID (UU 14/2008 Pasal 35–36)."""

    class Alasan(models.TextChoices):  # Pasal 35(1) huruf a–g
        DITOLAK = "a", _("Permohonan ditolak berdasarkan alasan pengecualian (Pasal 17)")
        TIDAK_DISEDIAKAN = "b", _("Informasi berkala tidak disediakan (Pasal 9)")
        TIDAK_DITANGGAPI = "c", _("Permintaan informasi tidak ditanggapi")
        TIDAK_SESUAI = "d", _("Permintaan ditanggapi tidak sebagaimana yang diminta")
        TIDAK_DIPENUHI = "e", _("Permintaan informasi tidak dipenuhi")
        BIAYA = "f", _("Pengenaan biaya yang tidak wajar")
        TERLAMBAT = "g", _("Penyampaian informasi melebihi waktu yang diatur")

    class Hasil(models.TextChoices):
        DITERIMA = "diterima", _("Keberatan diterima (informasi diberikan)")
        SEBAGIAN = "sebagian", _("Keberatan diterima sebagian")
        DITOLAK = "ditolak", _("Keberatan ditolak (menguatkan putusan PPID)")

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="keberatan")
    nomor = models.CharField(_("nomor keberatan"), max_length=40, unique=True)
    alasan = models.CharField(_("alasan keberatan"), max_length=2, choices=Alasan.choices)
    uraian = models.TextField(_("uraian keberatan"), blank=True)
    received_at = models.DateTimeField(_("diterima pada"), default=timezone.now)
    tenggat = models.DateField(_("tenggat tanggapan atasan PPID"))
    hasil = models.CharField(_("hasil"), max_length=20, choices=Hasil.choices, blank=True)
    tanggapan = models.TextField(_("tanggapan atasan PPID"), blank=True)
    dijawab_pada = models.DateTimeField(null=True, blank=True)
    dijawab_oleh = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    batas_sengketa = models.DateField(
        _("batas mengajukan sengketa ke Komisi Informasi"), null=True, blank=True
    )
    # Register keberatan column "tanggapan Pemohon Informasi" (accepts / goes to the Komisi).
    tanggapan_pemohon = models.TextField(_("tanggapan pemohon informasi"), blank=True)

    class Meta:
        verbose_name = _("keberatan")
        verbose_name_plural = _("keberatan")
        ordering = ["tenggat"]

    def __str__(self) -> str:
        return self.nomor

    @property
    def is_open(self) -> bool:
        return not self.hasil


class AksesLog(models.Model):
    """Every view and change of a request by an officer (privacy: UU 27/2022; issue 5 item 7)."""

    permohonan = models.ForeignKey(Permohonan, on_delete=models.CASCADE, related_name="log")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    aksi = models.CharField(max_length=40)
    keterangan = models.CharField(max_length=255, blank=True)
    pada = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-pada"]

    def __str__(self) -> str:
        return f"{self.pada:%Y-%m-%d %H:%M} {self.aksi}"
