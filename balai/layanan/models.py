"""Public services (layanan publik) of each OPD and the city-wide directory.

- ``Layanan``: one service with every component of its standar pelayanan (UU 25/2009 Pasal 21;
  PermenPAN-RB 15/2014): six public components and eight internal ones, each its own field.
- ``Maklumat``: the OPD's maklumat pelayanan (UU 25/2009 Pasal 22).
- ``SurveyResponse``: one SKM answer sheet (PermenPAN-RB 14/2017).
Rules (completeness, publishing) live in ``services.py``; the IKM formula in ``ikm.py``.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from balai.content.models import BalaiPage

DOCUMENT_MODEL = "documents.BalaiDocument"


class LayananIndexPage(RoutablePageMixin, BalaiPage):
    """An OPD's service page: its services, maklumat pelayanan and survey results."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.OPDHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("layanan OPD")

    @path("")
    def index_route(self, request):
        from balai.layanan import views

        return views.opd_index(request, self)

    @path("maklumat/cetak/")
    def maklumat_print_route(self, request):
        from balai.layanan import views

        return views.maklumat_print(request, self)

    @re_path(r"^ikm/(?:(?P<fmt>xlsx|pdf)/)?$")
    def report_route(self, request, fmt=None):
        from balai.layanan import views

        return views.report(request, self, fmt=fmt, opd=self.opd)

    @path("<slug:slug>/")
    def service_route(self, request, slug):
        from balai.layanan import views

        return views.service_detail(request, self, slug)

    @path("<slug:slug>/cetak/")
    def print_route(self, request, slug):
        from balai.layanan import views

        return views.service_print(request, self, slug)

    @path("<slug:slug>/survei/")
    def survey_route(self, request, slug):
        from balai.layanan import views

        return views.survey(request, self, slug)


class LayananDirectoryPage(RoutablePageMixin, BalaiPage):
    """The portal's directory of every service of every OPD (``/layanan/``)."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("direktori layanan")

    @path("")
    def index_route(self, request):
        from balai.layanan import views

        return views.directory(request, self)

    @re_path(r"^ikm/(?:(?P<fmt>xlsx|pdf)/)?$")
    def report_route(self, request, fmt=None):
        from balai.layanan import views

        return views.report(request, self, fmt=fmt, opd=None)


class Kategori(models.TextChoices):
    KEPENDUDUKAN = "kependudukan", _("Kependudukan")
    PERIZINAN = "perizinan", _("Perizinan")
    KESEHATAN = "kesehatan", _("Kesehatan")
    PENDIDIKAN = "pendidikan", _("Pendidikan")
    SOSIAL = "sosial", _("Sosial")
    INFORMASI = "informasi", _("Informasi dan pengaduan")
    INFRASTRUKTUR = "infrastruktur", _("Infrastruktur")
    KEBENCANAAN = "kebencanaan", _("Kebencanaan")
    ADMINISTRASI = "administrasi", _("Administrasi umum")


class Kanal(models.TextChoices):
    ONLINE = "online", _("Daring (online)")
    OFFLINE = "offline", _("Luring (datang langsung)")
    KEDUANYA = "keduanya", _("Daring dan luring")


class SatuanWaktu(models.TextChoices):
    JAM = "jam", _("jam")
    HARI_KERJA = "hari_kerja", _("hari kerja")
    HARI = "hari", _("hari")


class LayananQuerySet(models.QuerySet):
    def published(self):
        return self.filter(is_published=True, opd__is_active=True)


class Layanan(index.Indexed, models.Model):
    """One public service and its standar pelayanan (UU 25/2009 Pasal 21; PermenPAN-RB 15/2014)."""

    opd = models.ForeignKey(
        "opd.OPD", on_delete=models.CASCADE, related_name="layanan", verbose_name=_("OPD")
    )
    name = models.CharField(_("nama layanan"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=120)
    category = models.CharField(_("kategori"), max_length=20, choices=Kategori.choices)
    summary = models.TextField(_("ringkasan"), blank=True, max_length=400)

    # --- Six public components (service delivery) ---
    persyaratan = models.TextField(
        _("persyaratan"), blank=True, help_text=_("Satu persyaratan per baris.")
    )
    prosedur = models.TextField(
        _("sistem, mekanisme, dan prosedur"),
        blank=True,
        help_text=_("Satu langkah per baris, berurutan; ditampilkan sebagai alur."),
    )
    jangka_waktu = models.PositiveIntegerField(_("jangka waktu"), null=True, blank=True)
    jangka_waktu_satuan = models.CharField(
        _("satuan jangka waktu"),
        max_length=12,
        choices=SatuanWaktu.choices,
        default=SatuanWaktu.HARI_KERJA,
    )
    biaya_gratis = models.BooleanField(_("gratis (tanpa biaya)"), default=False)
    biaya = models.PositiveBigIntegerField(
        _("biaya/tarif (Rp)"), null=True, blank=True, help_text=_("Kosongkan bila gratis.")
    )
    biaya_dasar_hukum = models.CharField(
        _("dasar hukum biaya/tarif"),
        max_length=300,
        blank=True,
        help_text=_("Misalnya: Perda No. 5 Tahun 2023 tentang Retribusi Daerah."),
    )
    produk = models.TextField(_("produk pelayanan"), blank=True)
    pengaduan = models.TextField(_("penanganan pengaduan, saran, dan masukan"), blank=True)

    # --- Eight internal components (manufacturing) ---
    dasar_hukum = models.TextField(_("dasar hukum"), blank=True)
    sarana = models.TextField(_("sarana dan prasarana, dan/atau fasilitas"), blank=True)
    kompetensi = models.TextField(_("kompetensi pelaksana"), blank=True)
    pengawasan = models.TextField(_("pengawasan internal"), blank=True)
    jumlah_pelaksana = models.CharField(_("jumlah pelaksana"), max_length=200, blank=True)
    jaminan_pelayanan = models.TextField(_("jaminan pelayanan"), blank=True)
    jaminan_keamanan = models.TextField(_("jaminan keamanan dan keselamatan pelayanan"), blank=True)
    evaluasi_kinerja = models.TextField(_("evaluasi kinerja pelaksana"), blank=True)

    # --- The decree that sets the standard, SOP, channel ---
    sk_nomor = models.CharField(_("nomor keputusan standar pelayanan"), max_length=150, blank=True)
    sk_tanggal = models.DateField(_("tanggal keputusan"), null=True, blank=True)
    sop = models.ForeignKey(
        DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dokumen SOP"),
    )
    sop_lain = models.ForeignKey(
        DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("dokumen SOP tambahan"),
    )
    kanal = models.CharField(
        _("kanal"), max_length=10, choices=Kanal.choices, default=Kanal.OFFLINE
    )
    url_daring = models.URLField(_("alamat layanan daring"), blank=True)
    lokasi = models.CharField(_("lokasi layanan"), max_length=300, blank=True)
    jam_layanan = models.CharField(_("jam layanan"), max_length=200, blank=True)

    is_published = models.BooleanField(_("terbit"), default=False)
    incomplete_acknowledged = models.BooleanField(
        _("terbitkan walau belum lengkap"),
        default=False,
        help_text=_(
            "Centang bila layanan tetap diterbitkan walau komponen publik belum lengkap; "
            "layanan akan ditandai belum lengkap."
        ),
    )
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)

    objects = LayananQuerySet.as_manager()

    search_fields = [
        index.SearchField("name", boost=3),
        index.SearchField("summary"),
        index.SearchField("persyaratan"),
        index.SearchField("produk"),
        index.AutocompleteField("name"),
        index.FilterField("opd_id"),
        index.FilterField("is_published"),
        index.FilterField("category"),
    ]

    panels = [
        MultiFieldPanel([FieldPanel("opd"), FieldPanel("name"), FieldPanel("slug"),
                         FieldPanel("category"), FieldPanel("summary")],
                        heading=_("Layanan")),
        MultiFieldPanel([
            FieldPanel("persyaratan"), FieldPanel("prosedur"),
            FieldRowPanel([FieldPanel("jangka_waktu"), FieldPanel("jangka_waktu_satuan")]),
            FieldRowPanel([FieldPanel("biaya_gratis"), FieldPanel("biaya")]),
            FieldPanel("biaya_dasar_hukum"), FieldPanel("produk"), FieldPanel("pengaduan"),
        ], heading=_("Komponen publik (service delivery)")),
        MultiFieldPanel([
            FieldPanel("dasar_hukum"), FieldPanel("sarana"), FieldPanel("kompetensi"),
            FieldPanel("pengawasan"), FieldPanel("jumlah_pelaksana"),
            FieldPanel("jaminan_pelayanan"), FieldPanel("jaminan_keamanan"),
            FieldPanel("evaluasi_kinerja"),
        ], heading=_("Komponen internal (manufacturing)")),
        MultiFieldPanel([
            FieldRowPanel([FieldPanel("sk_nomor"), FieldPanel("sk_tanggal")]),
            FieldPanel("sop"), FieldPanel("sop_lain"),
            FieldPanel("kanal"), FieldPanel("url_daring"), FieldPanel("lokasi"),
            FieldPanel("jam_layanan"),
        ], heading=_("Penetapan, SOP dan kanal")),
        MultiFieldPanel([FieldPanel("is_published"), FieldPanel("incomplete_acknowledged")],
                        heading=_("Penerbitan")),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("layanan")
        verbose_name_plural = _("layanan")
        ordering = ["opd__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["opd", "slug"], name="layanan_unique_slug_per_opd")
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self):
        from balai.layanan.services import validate_for_publishing

        validate_for_publishing(self)

    @property
    def persyaratan_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.persyaratan.splitlines() if line.strip()]

    @property
    def prosedur_list(self) -> list[str]:
        return [line.strip(" -•\t") for line in self.prosedur.splitlines() if line.strip()]

    @property
    def missing_public(self) -> list[str]:
        from balai.layanan.services import missing_components

        return missing_components(self)["public"]

    @property
    def missing_internal(self) -> list[str]:
        from balai.layanan.services import missing_components

        return missing_components(self)["internal"]

    @property
    def is_complete(self) -> bool:
        return not self.missing_public

    @property
    def jangka_waktu_display(self) -> str:
        if self.jangka_waktu is None:
            return ""
        return f"{self.jangka_waktu} {self.get_jangka_waktu_satuan_display()}"

    @property
    def biaya_display(self) -> str:
        if self.biaya_gratis or self.biaya == 0:
            return "Gratis"
        if self.biaya is None:
            return ""
        return "Rp " + f"{self.biaya:,}".replace(",", ".")

    def get_url(self) -> str:
        page = self.opd.root_page
        return f"{self.opd.url}layanan/{self.slug}/" if page else ""


class Maklumat(models.Model):
    """Maklumat pelayanan of an OPD (UU 25/2009 Pasal 22): a signed, published declaration."""

    DEFAULT_TEXT = (
        "Dengan ini kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan "
        "yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi "
        "sesuai peraturan perundang-undangan yang berlaku."
    )

    opd = models.OneToOneField(
        "opd.OPD", on_delete=models.CASCADE, related_name="maklumat", verbose_name=_("OPD")
    )
    text = models.TextField(_("isi maklumat"), default=DEFAULT_TEXT)
    signed_by = models.CharField(_("nama penanda tangan"), max_length=200)
    signed_by_nip = models.CharField(_("NIP"), max_length=30, blank=True)
    signed_by_position = models.CharField(_("jabatan"), max_length=200)
    signed_on = models.DateField(_("tanggal"))
    place = models.CharField(_("tempat"), max_length=100, blank=True)
    scan = models.ForeignKey(
        DOCUMENT_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("pindaian bertanda tangan"),
    )

    panels = [
        FieldPanel("opd"), FieldPanel("text"),
        FieldRowPanel([FieldPanel("signed_by"), FieldPanel("signed_by_nip")]),
        FieldPanel("signed_by_position"),
        FieldRowPanel([FieldPanel("place"), FieldPanel("signed_on")]),
        FieldPanel("scan"),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("maklumat pelayanan")
        verbose_name_plural = _("maklumat pelayanan")

    def __str__(self) -> str:
        return f"Maklumat pelayanan {self.opd}"


class Loket(models.Model):
    """A service counter running the SKM kiosk on a tablet: configured once for one service,
    protected by its own key (only a hash is stored), revocable from the admin."""

    opd = models.ForeignKey(
        "opd.OPD", on_delete=models.CASCADE, related_name="loket_skm", verbose_name=_("OPD")
    )
    layanan = models.ForeignKey(
        Layanan, on_delete=models.CASCADE, related_name="loket_skm", verbose_name=_("layanan")
    )
    name = models.CharField(_("nama loket"), max_length=120)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_hint = models.CharField(_("awal kunci"), max_length=8, editable=False)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    revoked_at = models.DateTimeField(_("dicabut"), null=True, blank=True)
    last_seen_at = models.DateTimeField(_("terakhir mengirim"), null=True, blank=True)

    class Meta:
        verbose_name = _("loket SKM")
        verbose_name_plural = _("loket SKM")
        ordering = ["opd__name", "name"]

    def __str__(self) -> str:
        return f"{self.name} — {self.layanan.name}"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None


def _answer():
    return models.PositiveSmallIntegerField(validators=[MinValueValidator(1), MaxValueValidator(4)])


class SurveyResponse(models.Model):
    """One SKM answer sheet: nine unsur on 1–4 and the respondent profile (PermenPAN-RB 14/2017)."""

    class Gender(models.TextChoices):
        L = "L", _("Laki-laki")
        P = "P", _("Perempuan")

    class Pendidikan(models.TextChoices):
        SD = "sd", _("SD ke bawah")
        SMP = "smp", _("SMP")
        SMA = "sma", _("SMA/SMK")
        D = "diploma", _("D1–D3")
        S1 = "s1", _("D4/S1")
        S2 = "s2", _("S2 ke atas")

    class Pekerjaan(models.TextChoices):
        PNS = "pns", _("PNS/TNI/Polri")
        SWASTA = "swasta", _("Pegawai swasta")
        WIRAUSAHA = "wirausaha", _("Wiraswasta/usaha")
        PELAJAR = "pelajar", _("Pelajar/mahasiswa")
        RT = "rt", _("Ibu rumah tangga")
        LAINNYA = "lainnya", _("Lainnya")

    layanan = models.ForeignKey(Layanan, on_delete=models.CASCADE, related_name="responses")
    opd = models.ForeignKey("opd.OPD", on_delete=models.CASCADE, related_name="skm_responses")
    submitted_at = models.DateTimeField(_("dikirim"), db_index=True)
    service_date = models.DateField(_("tanggal layanan"))
    gender = models.CharField(_("jenis kelamin"), max_length=1, choices=Gender.choices)
    age = models.PositiveSmallIntegerField(
        _("umur"), validators=[MinValueValidator(15), MaxValueValidator(100)]
    )
    education = models.CharField(_("pendidikan"), max_length=10, choices=Pendidikan.choices)
    occupation = models.CharField(_("pekerjaan"), max_length=10, choices=Pekerjaan.choices)
    u1 = _answer()
    u2 = _answer()
    u3 = _answer()
    u4 = _answer()
    u5 = _answer()
    u6 = _answer()
    u7 = _answer()
    u8 = _answer()
    u9 = _answer()
    saran = models.TextField(_("saran"), blank=True, max_length=1000)
    # Kiosk answers carry the UUID the tablet gave them, so a retried sync never counts twice.
    loket = models.ForeignKey(
        Loket,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="responses",
        verbose_name=_("loket"),
    )
    client_uuid = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        verbose_name = _("jawaban SKM")
        verbose_name_plural = _("jawaban SKM")
        ordering = ["-submitted_at"]
        indexes = [models.Index(fields=["opd", "submitted_at"])]

    def __str__(self) -> str:
        return f"SKM {self.layanan} {self.submitted_at:%Y-%m-%d}"

    @property
    def answers(self) -> list[int]:
        return [self.u1, self.u2, self.u3, self.u4, self.u5, self.u6, self.u7, self.u8, self.u9]
