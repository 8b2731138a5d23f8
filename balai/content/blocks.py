"""StreamField blocks for news bodies and pages."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlparse

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock

_YOUTUBE_ID = re.compile(r"^[A-Za-z0-9_-]{11}$")


def parse_video_url(url: str) -> tuple[str, str] | None:
    """Return (provider, id) for a YouTube or Vimeo URL, or None."""
    parsed = urlparse(url.strip())
    host = (parsed.hostname or "").lower().removeprefix("www.").removeprefix("m.")
    if host in {"youtube.com", "youtube-nocookie.com"}:
        if parsed.path == "/watch":
            vid = parse_qs(parsed.query).get("v", [""])[0]
        else:
            parts = [p for p in parsed.path.split("/") if p]
            vid = parts[1] if len(parts) >= 2 and parts[0] in {"embed", "shorts", "live"} else ""
        return ("youtube", vid) if _YOUTUBE_ID.match(vid) else None
    if host == "youtu.be":
        vid = parsed.path.strip("/")
        return ("youtube", vid) if _YOUTUBE_ID.match(vid) else None
    if host in {"vimeo.com", "player.vimeo.com"}:
        digits = [p for p in parsed.path.split("/") if p.isdigit()]
        return ("vimeo", digits[0]) if digits else None
    return None


def embed_url(provider: str, video_id: str) -> str:
    if provider == "youtube":
        return f"https://www.youtube-nocookie.com/embed/{video_id}?autoplay=1"
    return f"https://player.vimeo.com/video/{video_id}?autoplay=1&dnt=1"


class VideoBlock(blocks.StructBlock):
    """A YouTube/Vimeo video that loads nothing from the provider until the reader clicks.

    No oEmbed call, no thumbnail from the provider: a plain button with the title, then the
    privacy-enhanced player on click (theme/static/balai/video.js).
    """

    url = blocks.URLBlock(label=_("alamat video (YouTube/Vimeo)"))
    title = blocks.CharBlock(label=_("judul video"))

    def clean(self, value):
        value = super().clean(value)
        if parse_video_url(value["url"]) is None:
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Hanya alamat video YouTube atau Vimeo yang diterima.")
                    )
                }
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        parsed = parse_video_url(value["url"])
        if parsed:
            context["embed_url"] = embed_url(*parsed)
            context["provider"] = parsed[0]
        return context

    class Meta:
        icon = "media"
        label = _("Video")
        template = "content/blocks/video.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("gambar"))
    caption = blocks.CharBlock(label=_("keterangan"), required=False)

    class Meta:
        icon = "image"
        label = _("Gambar")
        template = "content/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("kutipan"))
    source = blocks.CharBlock(label=_("sumber"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Kutipan")
        template = "content/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("dokumen"))
    label = blocks.CharBlock(label=_("teks tautan"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Tautan dokumen")
        template = "content/blocks/document.html"


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("judul"))
    level = blocks.ChoiceBlock(
        choices=[("h2", "H2"), ("h3", "H3")],
        default="h2",
        label=_("tingkat"),
        widget=forms.RadioSelect,
    )

    class Meta:
        icon = "title"
        label = _("Subjudul")
        template = "content/blocks/heading.html"


RICH_TEXT_FEATURES = ["bold", "italic", "link", "document-link", "ol", "ul", "h3", "h4"]


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(features=RICH_TEXT_FEATURES, label=_("Paragraf"))
    heading = HeadingBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    table = TableBlock(label=_("Tabel"), template="content/blocks/table.html")
    video = VideoBlock()
    document = DocumentLinkBlock()
