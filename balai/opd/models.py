"""OPD (Organisasi Perangkat Daerah) and the per-site settings that brand its sub-site.

An OPD is a first-class object: Kominfo's registry of the Pemda's units (PP 18/2016 on Perangkat
Daerah). Provisioning (``balai.opd.provisioning``) attaches a Wagtail Site, page tree,
collection and groups to it.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting, register_setting
from wagtail.models import Collection, Site

slug_validator = RegexValidator(
    r"^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$",
    _(
        "Gunakan huruf kecil, angka dan tanda hubung (maks. 40 karakter), tidak diawali atau "
        "diakhiri tanda hubung. Slug menjadi alamat situs: <slug>.domain-portal."
    ),
)
colour_validator = RegexValidator(
    r"^#[0-9a-fA-F]{6}$", _("Tulis warna sebagai kode heksadesimal, misalnya #0b5394.")
)
nip_validator = RegexValidator(r"^\d{18}$", _("NIP terdiri dari 18 angka."))

# Subdomains that can never be an OPD: they belong to the platform or to the Pemda's mail/DNS.
RESERVED_SLUGS = frozenset(
    {
        "www",
        "admin",
        "api",
        "mail",
        "smtp",
        "ftp",
        "static",
        "media",
        "cdn",
        "portal",
        "ns1",
        "ns2",
        "webmail",
        "autodiscover",
        "localhost",
        "healthz",
    }
)


class OPDQuerySet(models.QuerySet):
    def active(self) -> OPDQuerySet:
        return self.filter(is_active=True)

    def provisioned(self) -> OPDQuerySet:
        return self.filter(site__isnull=False)

    def for_user(self, user) -> OPDQuerySet:
        """OPDs a user works in: all for Kominfo super-admins, else those of their groups."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.with_member(user)

    def with_member(self, user) -> OPDQuerySet:
        """OPDs whose groups the user is in, whether or not the account is active."""
        group_ids = user.groups.values_list("id", flat=True)
        return self.filter(
            models.Q(operator_group__in=group_ids) | models.Q(admin_group__in=group_ids)
        ).distinct()

    def administered_by(self, user) -> OPDQuerySet:
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_superuser:
            return self.all()
        return self.filter(admin_group__in=user.groups.values_list("id", flat=True))


class OPD(models.Model):
    class Jenis(models.TextChoices):
        DINAS = "dinas", _("Dinas")
        BADAN = "badan", _("Badan")
        BAGIAN = "bagian", _("Bagian/Sekretariat")
        KECAMATAN = "kecamatan", _("Kecamatan")
        KELURAHAN = "kelurahan", _("Kelurahan")
        UPT = "upt", _("UPT/UPTD")
        LAINNYA = "lainnya", _("Lainnya")

    name = models.CharField(_("nama"), max_length=200, unique=True)
    short_name = models.CharField(
        _("nama singkat"), max_length=60, help_text=_("Misalnya Dinkes, Disdukcapil.")
    )
    slug = models.SlugField(
        _("slug/subdomain"), max_length=40, unique=True, validators=[slug_validator]
    )
    jenis = models.CharField(_("jenis"), max_length=20, choices=Jenis.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("induk"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="children",
        help_text=_("Kelurahan berinduk ke kecamatan; UPT ke dinas."),
    )
    kepala_nama = models.CharField(_("nama kepala"), max_length=200, blank=True)
    kepala_nip = models.CharField(
        _("NIP kepala"), max_length=18, blank=True, validators=[nip_validator]
    )
    kepala_jabatan = models.CharField(_("jabatan kepala"), max_length=200, blank=True)
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(
        _("jam layanan"), blank=True, help_text=_("Misalnya: Senin–Kamis 08.00–16.00 WIB")
    )
    map_url = models.URLField(_("tautan peta"), blank=True)
    facebook = models.URLField("Facebook", blank=True)
    instagram = models.URLField("Instagram", blank=True)
    x_twitter = models.URLField("X (Twitter)", blank=True)
    youtube = models.URLField("YouTube", blank=True)
    tiktok = models.URLField("TikTok", blank=True)
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_active = models.BooleanField(
        _("aktif"),
        default=True,
        help_text=_(
            "Situs OPD yang tidak aktif menampilkan pemberitahuan; isinya tetap tersimpan."
        ),
    )
    requires_approval = models.BooleanField(
        _("terbit lewat persetujuan"),
        default=False,
        help_text=_(
            "Jika dicentang, operator mengajukan tulisan dan admin OPD menyetujui sebelum terbit."
        ),
    )
    sms_keywords = models.CharField(
        _("kata kunci SMS"),
        max_length=200,
        blank=True,
        help_text=_("Alias OPD untuk SMS, dipisah koma, misalnya DINKES, KESEHATAN."),
    )

    site = models.OneToOneField(
        Site, null=True, blank=True, editable=False, on_delete=models.PROTECT, related_name="opd"
    )
    collection = models.OneToOneField(
        Collection,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="opd",
    )
    operator_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="opd_as_operators",
    )
    admin_group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="opd_as_admins",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OPDQuerySet.as_manager()

    class Meta:
        verbose_name = _("OPD")
        verbose_name_plural = _("OPD")
        ordering = ["name"]
        permissions = [("manage_opd", _("Mengelola OPD miliknya (admin OPD)"))]

    def __str__(self) -> str:
        return self.name

    @property
    def hostname(self) -> str:
        return f"{self.slug}.{settings.BALAI_PORTAL_DOMAIN}"

    @property
    def root_page(self):
        return self.site.root_page if self.site_id else None

    @property
    def url(self) -> str:
        return self.site.root_url + "/" if self.site_id else ""

    @property
    def social_links(self) -> list[tuple[str, str]]:
        pairs = [
            ("Facebook", self.facebook),
            ("Instagram", self.instagram),
            ("X", self.x_twitter),
            ("YouTube", self.youtube),
            ("TikTok", self.tiktok),
        ]
        return [(label, url) for label, url in pairs if url]

    @property
    def keyword_list(self) -> list[str]:
        return [k.strip().upper() for k in self.sms_keywords.split(",") if k.strip()]


@register_setting(icon="site")
class SiteBranding(BaseSiteSetting):
    """Branding of one site (the portal or an OPD): colour and tagline.

    The OPD's logo and contacts live on the OPD record (one source for the site, the portal's
    directory and the reports); this setting holds what only changes the look.
    """

    primary_colour = models.CharField(
        _("warna utama"), max_length=7, default="#0b5394", validators=[colour_validator]
    )
    tagline = models.CharField(_("slogan"), max_length=200, blank=True)
    show_on_portal = models.BooleanField(
        _("tampilkan berita di portal"),
        default=True,
        help_text=_("Berita dan pengumuman situs ini ikut tampil di portal kota."),
    )

    panels = [FieldPanel("primary_colour"), FieldPanel("tagline"), FieldPanel("show_on_portal")]

    class Meta:
        verbose_name = _("tampilan situs")
        verbose_name_plural = _("tampilan situs")


@register_setting(icon="home")
class PemdaSettings(BaseGenericSetting):
    """Identity of the Pemda that runs the portal (one per installation)."""

    name = models.CharField(_("nama pemerintah daerah"), max_length=200, default="Pemerintah Kota")
    kominfo_name = models.CharField(
        _("nama Dinas Kominfo"), max_length=200, default="Dinas Komunikasi dan Informatika"
    )
    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.TextField(_("alamat"), blank=True)
    phone = models.CharField(_("telepon"), max_length=40, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    opening_hours = models.TextField(_("jam layanan"), blank=True)

    panels = [
        FieldPanel("name"), FieldPanel("kominfo_name"), FieldPanel("logo"),
        FieldPanel("address"), FieldPanel("phone"), FieldPanel("email"),
        FieldPanel("opening_hours"),
    ]  # fmt: skip

    class Meta:
        verbose_name = _("identitas pemerintah daerah")
