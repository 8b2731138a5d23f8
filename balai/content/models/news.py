"""News (berita): categories, tags, the index and the article with its gallery."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail.snippets.models import register_snippet

from balai.content.blocks import BodyBlock
from balai.content.models.base import (
    IMAGE_MODEL,
    BalaiPage,
    IndexPage,
)


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
        IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("foto utama"),
    )
    featured_image_alt = models.CharField(
        _("teks alternatif foto utama"),
        max_length=300,
        blank=True,
        help_text=_("Wajib bila ada foto utama: apa yang tampak di foto."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("isi berita"))
    category = models.ForeignKey(
        KategoriBerita,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("kategori"),
    )
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

    def load_related(self) -> None:
        prefetch_related_objects([self], "gallery_images__image", "tags")
        _ = self.category, self.featured_image

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        parent = self.get_parent()
        latest = selectors.cached(
            f"latest-news:{parent.pk}", lambda: list(selectors.news(parent)[:4])
        )
        context["more_news"] = [other for other in latest if other.pk != self.pk][:3]
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
