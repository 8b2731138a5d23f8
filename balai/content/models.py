"""Page types of the portal and of every OPD site: home, profile, news, announcements, agenda,
galleries, documents and contact. Lists and aggregation live in ``balai.content.selectors``.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from balai.adminui.forms import BalaiPageForm
from balai.content.blocks import RICH_TEXT_FEATURES, BodyBlock, VideoBlock
from balai.opd.selectors import opd_path_prefix, opds_by_root_path

IMAGE_MODEL = "images.BalaiImage"
DOCUMENT_MODEL = "documents.BalaiDocument"

OPD_SECTION_TYPES = [
    "content.ProfilPage",
    "content.BeritaIndexPage",
    "content.PengumumanIndexPage",
    "content.AgendaIndexPage",
    "content.GaleriIndexPage",
    "content.DokumenIndexPage",
    "layanan.LayananIndexPage",
    "ppid.PPIDPage",
    "content.KontakPage",
    "content.HalamanPage",
]


class BalaiPage(Page):
    """Base of every Balai page: a summary used by lists, search results and share cards."""

    summary = models.TextField(
        _("ringkasan"),
        blank=True,
        max_length=400,
        help_text=_("Satu-dua kalimat untuk daftar, hasil pencarian dan pratinjau tautan."),
    )

    search_fields = [*Page.search_fields, index.SearchField("summary")]
    promote_panels = [*Page.promote_panels, FieldPanel("summary")]
    base_form_class = BalaiPageForm  # settles slug clashes (balai.adminui.forms)

    class Meta:
        abstract = True

    def get_template(self, request, *args, **kwargs):
        # The type's own template, or the generic page until the type has one.
        return [super().get_template(request, *args, **kwargs), "content/generic_page.html"]

    @cached_property
    def opd(self):
        from balai.opd.selectors import opd_for_page

        return opd_for_page(self)

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        if self._meta.app_label != "content":
            return response  # other apps' pages opt in themselves
        from balai.content.security import add_csp

        return add_csp(response)

    def on_portal(self) -> bool:
        """Whether this page belongs to the portal (whose lists gather every OPD)."""
        return PortalHomePage.objects.filter(path=opd_path_prefix(self)).exists()


class IndexPage(BalaiPage):
    """A section's page (berita, pengumuman, agenda, galeri, dokumen, kontak, direktori): an intro
    and, for most, a list. One per parent. On the portal the lists gather every OPD."""

    intro = RichTextField(_("pengantar"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count_per_parent = 1

    class Meta:
        abstract = True

    def listing_root(self) -> Page | None:
        """Whose items the list shows: None on the portal (every OPD), else the OPD's home."""
        return None if self.on_portal() else self.get_parent()

    def listing(self, request, qs, city_wide: bool, **extra) -> dict:
        """Context of one page of ``qs``; city-wide lists name each item's OPD (one query)."""
        from balai.content import selectors

        items = selectors.paginate(qs, request)
        if city_wide:
            items.object_list = selectors.attach_opd(items.object_list, opds_by_root_path())
        return {"items": items, "city_wide": city_wide, **extra}


# --- Homes ----------------------------------------------------------------------------------


class PortalHomePage(BalaiPage):
    """Home of the city portal (Kominfo/Humas): gathers every OPD's news, agenda and sites."""

    intro = RichTextField(_("sambutan"), blank=True, features=RICH_TEXT_FEATURES)
    hero_image = models.ForeignKey(
        IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("gambar utama"),
    )  # fmt: skip

    content_panels = [
        *Page.content_panels,
        FieldPanel("intro"),
        FieldPanel("hero_image"),
        InlinePanel("pinned_items", label=_("Sorotan di beranda portal"), max_num=6),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "content.BeritaIndexPage", "content.PengumumanIndexPage", "content.AgendaIndexPage",
        "content.GaleriIndexPage", "content.DokumenIndexPage", "content.HalamanPage",
        "content.OPDDirectoryPage", "content.KontakPage", "layanan.LayananDirectoryPage",
        "ppid.PPIDPage",
    ]  # fmt: skip
    max_count = 1

    class Meta:
        verbose_name = _("beranda portal")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["home"] = selectors.cached(
            f"portal_home:{self.pk}", lambda: selectors.portal_home(self)
        )
        context["pinned"] = list(self.pinned_items.select_related("page").order_by("sort_order"))
        children = {
            p.slug: p
            for p in self.get_children().live().only("id", "path", "slug", "title", "url_path")
        }
        context["sections"] = children
        return context


class PinnedItem(Orderable):
    """An item Kominfo pins on the portal home: any page of any OPD."""

    home = ParentalKey(PortalHomePage, on_delete=models.CASCADE, related_name="pinned_items")
    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+", verbose_name=_("halaman")
    )
    label = models.CharField(_("label"), max_length=60, blank=True)

    panels = [FieldPanel("page"), FieldPanel("label")]


class OPDHomePage(BalaiPage):
    """Beranda of an OPD site; the root of the OPD's page tree and of its Wagtail Site."""

    intro = RichTextField(_("sambutan kepala"), blank=True, features=RICH_TEXT_FEATURES)
    hero_image = models.ForeignKey(
        IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("gambar utama"),
    )  # fmt: skip

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("hero_image")]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = OPD_SECTION_TYPES
    search_fields = [*BalaiPage.search_fields, index.SearchField("intro")]

    class Meta:
        verbose_name = _("beranda OPD")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        latest = selectors.cached(f"opd_home:{self.pk}", lambda: selectors.site_latest(self))
        context.update(
            latest_news=latest.news, announcements=latest.announcements, agenda=latest.agenda
        )
        context["sections"] = {
            p.slug: p
            for p in self.get_children().live().only("id", "path", "slug", "title", "url_path")
        }
        return context


class HalamanPage(BalaiPage):
    """A plain page (e.g. the city profile, a programme)."""

    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi"))

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    subpage_types = ["content.HalamanPage"]

    class Meta:
        verbose_name = _("halaman")


# --- Profile ---------------------------------------------------------------------------------


class ProfilPage(BalaiPage):
    body = RichTextField(_("isi"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*BalaiPage.search_fields, index.SearchField("body")]
    subpage_types = [
        "content.VisiMisiPage", "content.StrukturOrganisasiPage", "content.TugasFungsiPage",
        "content.ProfilPimpinanPage", "content.HalamanPage",
    ]  # fmt: skip

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
        IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("bagan (gambar)"),
    )  # fmt: skip
    chart_alt = models.CharField(_("teks alternatif bagan"), max_length=300, blank=True)
    chart_document = models.ForeignKey(
        DOCUMENT_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("bagan (dokumen)"),
    )  # fmt: skip
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
        IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("foto"),
    )  # fmt: skip
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


# --- News ------------------------------------------------------------------------------------


@register_snippet
class KategoriBerita(models.Model):
    """News categories shared by the whole Pemda (so the portal can filter across OPDs)."""

    name = models.CharField(_("nama"), max_length=80, unique=True)
    slug = models.SlugField(unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]

    class Meta:
        verbose_name = _("kategori berita")
        verbose_name_plural = _("kategori berita")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class BeritaTag(TaggedItemBase):
    content_object = ParentalKey(
        "content.BeritaPage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class BeritaIndexPage(IndexPage):
    subpage_types = ["content.BeritaPage"]

    class Meta:
        verbose_name = _("indeks berita")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        root = self.listing_root()
        qs = selectors.news(root)
        category = KategoriBerita.objects.filter(slug=request.GET.get("kategori") or "").first()
        if category:
            qs = qs.filter(category=category)
        tag = (request.GET.get("tag") or "").strip()
        if tag:
            qs = qs.filter(tags__slug=tag).distinct()
        listing = self.listing(request, qs, city_wide=root is None)
        context.update(
            listing,
            categories=KategoriBerita.objects.all(),
            active_category=category,
            active_tag=tag,
        )
        return context


class BeritaPage(BalaiPage):
    date = models.DateField(_("tanggal terbit"), default=timezone.localdate)
    featured_image = models.ForeignKey(
        IMAGE_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("foto utama"),
    )  # fmt: skip
    featured_image_alt = models.CharField(
        _("teks alternatif foto utama"),
        max_length=300,
        blank=True,
        help_text=_("Wajib bila ada foto utama: apa yang tampak di foto."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi berita"))
    category = models.ForeignKey(
        KategoriBerita, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("kategori"),
    )  # fmt: skip
    tags = ClusterTaggableManager(through=BeritaTag, blank=True, verbose_name=_("tag"))
    author = models.CharField(_("penulis/unit"), max_length=120, blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("featured_image"), FieldPanel("featured_image_alt")],
            heading=_("Foto utama"),
        ),
        FieldPanel("body"),
        InlinePanel("gallery_images", label=_("Galeri foto")),
        MultiFieldPanel(
            [FieldPanel("category"), FieldPanel("tags"), FieldPanel("author")],
            heading=_("Klasifikasi"),
        ),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BalaiPage.search_fields,
        index.SearchField("body"),
        index.FilterField("date"),
        index.RelatedFields("category", [index.SearchField("name")]),
    ]
    parent_page_types = ["content.BeritaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("berita")
        verbose_name_plural = _("berita")
        # Every list orders news by date, newest first (portal, OPD home, feeds).
        indexes = [models.Index(fields=["-date"], name="content_berita_date_idx")]

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        others = selectors.news(self.get_parent()).exclude(pk=self.pk)
        context["more_news"] = list(others[:3])
        return context

    def clean(self):
        super().clean()
        if self.featured_image_id and not self.featured_image_alt.strip():
            raise ValidationError(
                {"featured_image_alt": _("Tulis teks alternatif untuk foto utama.")}
            )


class BeritaGalleryImage(Orderable):
    page = ParentalKey(BeritaPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        IMAGE_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("gambar")
    )
    alt = models.CharField(_("teks alternatif"), max_length=300)
    caption = models.CharField(_("keterangan"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]


# --- Announcements ---------------------------------------------------------------------------


class PengumumanIndexPage(IndexPage):
    subpage_types = ["content.PengumumanPage"]

    class Meta:
        verbose_name = _("indeks pengumuman")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        root = self.listing_root()
        qs = selectors.current_announcements(root)
        context.update(self.listing(request, qs, city_wide=root is None))
        return context


class PengumumanPage(BalaiPage):
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    valid_from = models.DateField(_("berlaku mulai"), default=timezone.localdate)
    valid_until = models.DateField(
        _("berlaku sampai"),
        null=True,
        blank=True,
        help_text=_("Setelah tanggal ini pengumuman keluar dari daftar, alamatnya tetap ada."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi"))
    attachment = models.ForeignKey(
        DOCUMENT_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("lampiran"),
    )  # fmt: skip

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("valid_from"), FieldPanel("valid_until")], heading=_("Masa berlaku")
        ),
        FieldPanel("body"),
        FieldPanel("attachment"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [*BalaiPage.search_fields, index.SearchField("body"),
                     index.FilterField("date")]  # fmt: skip
    parent_page_types = ["content.PengumumanIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("pengumuman")
        verbose_name_plural = _("pengumuman")

    def clean(self):
        super().clean()
        if self.valid_until and self.valid_from and self.valid_until < self.valid_from:
            raise ValidationError(
                {"valid_until": _("Tanggal akhir tidak boleh sebelum tanggal mulai.")}
            )

    @property
    def is_expired(self) -> bool:
        return bool(self.valid_until and self.valid_until < timezone.localdate())


# --- Agenda ----------------------------------------------------------------------------------


class AgendaIndexPage(IndexPage):
    subpage_types = ["content.AgendaPage"]

    class Meta:
        verbose_name = _("indeks agenda")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        root = self.listing_root()
        past = request.GET.get("waktu") == "lalu"
        qs = selectors.past_agenda(root) if past else selectors.upcoming_agenda(root)
        context.update(self.listing(request, qs, city_wide=root is None, past=past))
        return context


class AgendaPage(RoutablePageMixin, BalaiPage):
    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"))
    location = models.CharField(_("tempat"), max_length=300)
    organiser = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    body = RichTextField(_("keterangan"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Waktu")),
        FieldPanel("location"),
        FieldPanel("organiser"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BalaiPage.search_fields,
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["content.AgendaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})

    @route("ics/", name="ics")
    def ics(self, request):
        """This event as an iCalendar file (RFC 5545), to add to a phone's calendar."""
        from balai.content.ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics")


# --- Gallery ---------------------------------------------------------------------------------


class GaleriIndexPage(IndexPage):
    subpage_types = ["content.AlbumPage"]

    class Meta:
        verbose_name = _("indeks galeri")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["items"] = selectors.paginate(selectors.albums(self), request)
        return context


class AlbumPage(BalaiPage):
    date = models.DateField(_("tanggal"), default=timezone.localdate)
    description = RichTextField(_("keterangan"), blank=True, features=RICH_TEXT_FEATURES)
    videos = StreamField([("video", VideoBlock())], blank=True, verbose_name=_("video"))

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("description"),
        InlinePanel("photos", label=_("Foto")),
        FieldPanel("videos"),
    ]
    search_fields = [*BalaiPage.search_fields, index.SearchField("description")]
    parent_page_types = ["content.GaleriIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("album")


class AlbumPhoto(Orderable):
    page = ParentalKey(AlbumPage, on_delete=models.CASCADE, related_name="photos")
    image = models.ForeignKey(
        IMAGE_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("gambar")
    )
    alt = models.CharField(_("teks alternatif"), max_length=300)
    caption = models.CharField(_("keterangan"), max_length=300, blank=True)

    panels = [FieldPanel("image"), FieldPanel("alt"), FieldPanel("caption")]


# --- Documents, contact, directory -----------------------------------------------------------


class DokumenIndexPage(IndexPage):
    """Public list of the documents in the OPD's collection (on the portal: of every OPD),
    filterable by category and year, with file type, size and download count."""

    subpage_types: list[str] = []
    documents_per_page = 20

    class Meta:
        verbose_name = _("daftar dokumen")

    def get_context(self, request, *args, **kwargs):
        from urllib.parse import urlencode

        from django.core.paginator import Paginator

        from balai.documents import selectors
        from balai.documents.forms import DocumentFilterForm

        context = super().get_context(request, *args, **kwargs)
        opd = self.opd
        documents = selectors.site_documents(opd)
        form = DocumentFilterForm(request.GET, years=selectors.document_years(documents))
        category, year = form.value("kategori") or "", form.value("tahun")
        listed = selectors.filter_documents(documents, category, year)
        page_obj = Paginator(listed, self.documents_per_page).get_page(request.GET.get("page"))
        filters = {k: v for k, v in (("kategori", category), ("tahun", year)) if v}
        documents = list(page_obj.object_list)
        if opd is None:  # the portal lists every OPD's documents: name the source of each
            names = selectors.opd_names_by_collection()
            for document in documents:
                document.source_name = names.get(document.collection_id, "")
        context.update(
            filter_form=form,
            filtered=bool(filters),
            page_obj=page_obj,
            documents=documents,
            page_url_prefix="?" + urlencode({**filters, "page": ""}),
        )
        return context


class KontakPage(IndexPage):
    """Contact page; the data comes from the OPD record (or the Pemda settings on the portal)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("kontak")

    def get_context(self, request, *args, **kwargs):
        from balai.opd.models import PemdaSettings

        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.opd or PemdaSettings.load(request_or_site=request)
        return context


class OPDDirectoryPage(IndexPage):
    """The portal's directory of every active OPD site (``/opd/``)."""

    parent_page_types = ["content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("direktori OPD")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = selectors.cached("directory", selectors.directory)
        return context
