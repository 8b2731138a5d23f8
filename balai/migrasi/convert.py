"""WordPress post content (classic HTML + shortcodes, or Gutenberg blocks) → Balai's blocks.

The output is the raw form of ``balai.content.blocks.BodyBlock`` (a list of ``{"type", "value"}``
dicts) or, for pages whose Balai type holds one rich-text field, that rich text. Only what the
body blocks can show survives: markup that runs code (``<script>``, ``on*`` attributes,
``javascript:`` links) and iframes other than YouTube/Vimeo are dropped, and each drop is
noted for the import report. Links to other imported items and to uploads are rewritten by the
``Resolver`` the importer passes in.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from bs4 import BeautifulSoup, Comment, NavigableString, Tag
from django.utils.html import escape
from django.utils.translation import gettext as _

from balai.content.blocks import parse_video_url

KNOWN_SHORTCODES = {"caption", "wp_caption", "gallery", "embed"}
_SHORTCODE = re.compile(r"\[(/?)([a-zA-Z][a-zA-Z0-9_-]*)((?:\s[^\]]*)?)\]")
_CAPTION = re.compile(r"\[(?:wp_)?caption([^\]]*)\](.*?)\[/(?:wp_)?caption\]", re.S | re.I)
_GALLERY = re.compile(r"\[gallery([^\]]*)\]", re.I)
_EMBED = re.compile(r"\[embed[^\]]*\](.*?)\[/embed\]", re.S | re.I)
_ATTR = re.compile(r'([a-zA-Z_]+)\s*=\s*"([^"]*)"')
_WP_IMAGE = re.compile(r"wp-image-(\d+)")
_BLOCK_START = re.compile(
    r"^\s*<(p|h[1-6]|ul|ol|li|table|figure|div|blockquote|iframe|script|style|pre|hr|dl|form)\b",
    re.I,
)
_BARE_URL_LINE = re.compile(r"^\s*(https?://\S+)\s*$")

INLINE_KEEP = {"b": "b", "strong": "b", "i": "i", "em": "i"}
RICH_BLOCKS = {"p", "ul", "ol", "li", "h3", "h4", "br"}


@dataclass
class Image:
    id: int
    alt: str = ""


@dataclass
class Resolver:
    """How the importer answers "what did this old thing become?"."""

    image_by_attachment: Callable[[int], Image | None] = lambda wp_id: None
    image_by_url: Callable[[str], Image | None] = lambda url: None
    document_by_url: Callable[[str], int | None] = lambda url: None
    page_path_by_url: Callable[[str], str | None] = lambda url: None
    attachments_of_post: Callable[[], list[int]] = list
    notes: list[str] = field(default_factory=list)

    def note(self, message: str) -> None:
        if message not in self.notes:
            self.notes.append(message)


# --- shortcodes and autop --------------------------------------------------------------------


def _attrs(text: str) -> dict[str, str]:
    return dict(_ATTR.findall(text))


def expand_shortcodes(content: str, resolver: Resolver) -> str:
    def caption(match: re.Match) -> str:
        inner = match.group(2)
        soup = BeautifulSoup(inner, "html.parser")
        img = soup.find("img")
        text = inner
        if img is not None:
            holder = img.parent if img.parent and img.parent.name == "a" else img
            text = inner.replace(str(holder), "") if str(holder) in inner else soup.get_text()
            img_html = str(img)
        else:
            img_html = ""
        text = BeautifulSoup(text, "html.parser").get_text(" ", strip=True)
        return f"\n\n<figure>{img_html}<figcaption>{escape(text)}</figcaption></figure>\n\n"

    def gallery(match: re.Match) -> str:
        ids = _attrs(match.group(1)).get("ids", "")
        wanted = [int(i) for i in re.findall(r"\d+", ids)] or resolver.attachments_of_post()
        return f'\n\n<div data-wp-gallery="{",".join(map(str, wanted))}"></div>\n\n'

    def embed(match: re.Match) -> str:
        return f"\n\n{match.group(1).strip()}\n\n"

    content = _CAPTION.sub(caption, content)
    content = _GALLERY.sub(gallery, content)
    content = _EMBED.sub(embed, content)

    def unknown(match: re.Match) -> str:
        name = match.group(2).lower()
        if name in KNOWN_SHORTCODES:
            return match.group(0)
        resolver.note(_("Kode pendek [%(name)s] tidak dikenal dan dihapus.") % {"name": name})
        return ""

    return _SHORTCODE.sub(unknown, content)


def autop(content: str) -> str:
    """WordPress's classic editor stores paragraphs as blank lines (wpautop does the rest)."""
    chunks = re.split(r"\n\s*\n", content.replace("\r\n", "\n"))
    out = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        if _BLOCK_START.match(chunk):
            out.append(chunk)
        elif _BARE_URL_LINE.match(chunk) and parse_video_url(chunk.strip()):
            out.append(f'<iframe src="{escape(chunk.strip())}"></iframe>')  # oEmbed line
        else:
            out.append("<p>" + chunk.strip().replace("\n", "<br>") + "</p>")
    return "\n".join(out)


# --- conversion ------------------------------------------------------------------------------


class Converter:
    def __init__(self, resolver: Resolver):
        self.r = resolver
        self.blocks: list[dict[str, Any]] = []
        self.rich: list[str] = []

    # rich text
    def flush(self) -> None:
        html = "".join(self.rich).strip()
        self.rich = []
        if html and BeautifulSoup(html, "html.parser").get_text(strip=True):
            self.blocks.append({"type": "paragraph", "value": html})

    def inline(self, node) -> str:
        """Sanitised inline HTML of a node's children (allowed tags only)."""
        parts = []
        for child in node.children if isinstance(node, Tag) else [node]:
            if isinstance(child, Comment):
                continue
            if isinstance(child, NavigableString):
                parts.append(escape(str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in {"script", "style", "noscript", "iframe", "object", "embed", "img"}:
                if name in {"script", "object", "embed"}:
                    self.r.note(_("Skrip atau objek tersemat dihapus."))
                continue
            if name == "br":
                parts.append("<br/>")
            elif name in INLINE_KEEP:
                inner = self.inline(child)
                if inner.strip():
                    parts.append(f"<{INLINE_KEEP[name]}>{inner}</{INLINE_KEEP[name]}>")
            elif name == "a":
                parts.append(self.link(child))
            elif name in {"ul", "ol"}:
                parts.append(self.list_html(child))
            else:
                parts.append(self.inline(child))
        return "".join(parts)

    def link(self, a: Tag) -> str:
        inner = self.inline(a)
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#"):
            return inner
        low = href.lower()
        if not low.startswith(("http://", "https://", "mailto:", "tel:", "/")):
            self.r.note(_("Tautan tidak aman (misalnya javascript:) dihapus."))
            return inner
        doc = self.r.document_by_url(href)
        if doc:
            return f'<a linktype="document" id="{doc}">{inner}</a>'
        image = self.r.image_by_url(href)
        if image:
            return inner  # a link to the image file itself: the image is shown as a block
        path = self.r.page_path_by_url(href)
        if path:
            href = path
        return f'<a href="{escape(href)}">{inner}</a>'

    def list_html(self, node: Tag) -> str:
        tag = "ol" if node.name.lower() == "ol" else "ul"
        items = []
        for li in node.find_all("li", recursive=False):
            items.append(f"<li>{self.inline(li)}</li>")
        return f"<{tag}>{''.join(items)}</{tag}>" if items else ""

    # blocks
    def image_block(self, img: Tag, caption: str = "") -> None:
        found = None
        m = _WP_IMAGE.search(" ".join(img.get("class") or []))
        if m:
            found = self.r.image_by_attachment(int(m.group(1)))
        if found is None and img.get("src"):
            found = self.r.image_by_url(img["src"])
        if found is None:
            self.r.note(
                _("Gambar %(src)s tidak ditemukan di berkas unggahan dan dilewati.")
                % {"src": img.get("src", "")}
            )
            return
        self.flush()
        alt = (img.get("alt") or "").strip() or found.alt
        self.blocks.append(
            {
                "type": "image",
                "value": {
                    "image": {"image": found.id, "alt_text": alt[:255], "decorative": not alt},
                    "caption": caption[:255],
                },
            }
        )

    def video(self, url: str, title: str = "") -> bool:
        parsed = parse_video_url(url)
        if parsed is None:
            return False
        self.flush()
        self.blocks.append({"type": "video", "value": {"url": url, "title": title or _("Video")}})
        return True

    def table(self, table: Tag, caption: str = "") -> None:
        rows = []
        header = False
        for tr in table.find_all("tr"):
            cells = tr.find_all(["td", "th"], recursive=False)
            if not rows and cells and all(c.name == "th" for c in cells):
                header = True
            rows.append([c.get_text(" ", strip=True) for c in cells])
        if not rows:
            return
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        self.flush()
        self.blocks.append(
            {
                "type": "table",
                "value": {
                    "data": rows,
                    "first_row_is_table_header": header,
                    "first_col_is_header": False,
                    "table_caption": caption[:255],
                },
            }
        )

    def heading(self, node: Tag) -> None:
        text = node.get_text(" ", strip=True)
        if not text:
            return
        self.flush()
        level = "h2" if node.name.lower() in {"h1", "h2"} else "h3"
        self.blocks.append({"type": "heading", "value": {"text": text[:255], "level": level}})

    def document(self, a: Tag) -> bool:
        doc = self.r.document_by_url(a.get("href") or "")
        if not doc:
            return False
        self.flush()
        label = a.get_text(" ", strip=True)
        self.blocks.append({"type": "document", "value": {"document": doc, "label": label}})
        return True

    def element(self, node) -> None:
        if isinstance(node, Comment):
            return
        if isinstance(node, NavigableString):
            if str(node).strip():
                self.rich.append(f"<p>{escape(str(node).strip())}</p>")
            return
        if not isinstance(node, Tag):
            return
        name = node.name.lower()
        classes = set(node.get("class") or [])
        if name in {"script", "noscript", "object", "embed", "applet", "form"}:
            self.r.note(_("Skrip, formulir atau objek tersemat dihapus."))
            return
        if name in {"style", "hr", "link", "meta"}:
            return
        if name == "iframe":
            if not self.video(node.get("src") or "", node.get("title") or ""):
                self.r.note(
                    _("Iframe dari %(src)s dihapus (hanya video YouTube/Vimeo yang diizinkan).")
                    % {"src": node.get("src", "")}
                )
            return
        if node.has_attr("data-wp-gallery"):
            for wp_id in filter(None, node["data-wp-gallery"].split(",")):
                found = self.r.image_by_attachment(int(wp_id))
                if found:
                    fake = BeautifulSoup(f'<img class="wp-image-{wp_id}">', "html.parser").img
                    self.image_block(fake)
                else:
                    self.r.note(_("Gambar galeri #%(id)s tidak ditemukan.") % {"id": wp_id})
            return
        if name == "figure":
            caption_tag = node.find("figcaption", recursive=False)
            caption = caption_tag.get_text(" ", strip=True) if caption_tag else ""
            if "wp-block-gallery" in classes or "gallery" in classes:
                for img in node.find_all("img"):
                    fig = img.find_parent("figure")
                    cap = fig.find("figcaption") if fig is not None and fig is not node else None
                    self.image_block(img, cap.get_text(" ", strip=True) if cap else "")
                return
            if "wp-block-embed" in classes:
                url = node.get_text(" ", strip=True)
                if not self.video(url):
                    self.r.note(_("Sematan %(url)s tidak didukung dan dilewati.") % {"url": url})
                return
            table = node.find("table")
            if table is not None:
                self.table(table, caption)
                return
            img = node.find("img")
            if img is not None:
                self.image_block(img, caption)
                return
            for child in node.children:
                if child is not caption_tag:
                    self.element(child)
            return
        if name == "img":
            self.image_block(node)
            return
        if name == "table":
            self.table(node)
            return
        if name in {"h1", "h2", "h3", "h4", "h5", "h6"}:
            self.heading(node)
            return
        if name in {"ul", "ol"}:
            self.rich.append(self.list_html(node))
            return
        if name == "blockquote":
            text = node.get_text(" ", strip=True)
            if text:
                self.flush()
                cite = node.find("cite")
                self.blocks.append(
                    {
                        "type": "quote",
                        "value": {
                            "text": text,
                            "source": cite.get_text(strip=True) if cite else "",
                        },
                    }
                )
            return
        if name == "div" and "wp-block-file" in classes:
            link = node.find("a", href=True)
            if link is None or not self.document(link):
                self.rich.append(f"<p>{self.inline(node)}</p>")
            return
        if name == "p" or name == "pre":
            if node.find(["img", "iframe", "script", "table"]):
                # images and embeds inside a paragraph become blocks of their own
                buf: list[str] = []
                for child in node.children:
                    if isinstance(child, Tag) and (
                        child.name in {"img", "iframe", "script", "table"}
                        or (child.name == "a" and child.find("img"))
                    ):
                        if "".join(buf).strip():
                            self.rich.append(f"<p>{''.join(buf).strip()}</p>")
                        buf = []
                        self.element(child.find("img") if child.name == "a" else child)
                    else:
                        buf.append(
                            self.inline(child) if isinstance(child, Tag) else escape(str(child))
                        )
                if "".join(buf).strip():
                    self.rich.append(f"<p>{''.join(buf).strip()}</p>")
                return
            html = self.inline(node).strip()
            if html:
                self.rich.append(f"<p>{html}</p>")
            return
        if name == "a" and node.find("img"):
            self.image_block(node.find("img"))
            return
        if name in {"a", "b", "strong", "i", "em", "span", "u", "small", "sup", "sub", "code"}:
            html = self.inline(BeautifulSoup(str(node), "html.parser"))
            if html.strip():
                self.rich.append(f"<p>{html}</p>")
            return
        for child in node.children:  # div, section, article, center …: their content
            self.element(child)


def _count_event_handlers(soup: BeautifulSoup, resolver: Resolver) -> None:
    for tag in soup.find_all(True):
        if any(attr.lower().startswith("on") for attr in tag.attrs):
            resolver.note(_("Atribut skrip (onclick dan sejenisnya) dihapus."))
            return


def to_blocks(content: str, resolver: Resolver) -> list[dict[str, Any]]:
    """Convert one post's ``content:encoded`` into BodyBlock raw data."""
    if "<!-- wp:" not in content:
        content = autop(expand_shortcodes(content, resolver))
    else:
        content = expand_shortcodes(content, resolver)
    soup = BeautifulSoup(content, "html.parser")
    _count_event_handlers(soup, resolver)
    conv = Converter(resolver)
    for node in list(soup.children):
        conv.element(node)
    conv.flush()
    return conv.blocks


def to_rich_text(blocks: list[dict[str, Any]], resolver: Resolver) -> str:
    """Flatten blocks into one rich-text field (for page types with a single rich-text body)."""
    parts = []
    for block in blocks:
        kind, value = block["type"], block["value"]
        if kind == "paragraph":
            parts.append(value)
        elif kind == "heading":
            parts.append(f"<h3>{escape(value['text'])}</h3>")
        elif kind == "quote":
            parts.append(f"<p><i>{escape(value['text'])}</i></p>")
        elif kind == "document":
            label = escape(value["label"] or _("Unduh dokumen"))
            parts.append(f'<p><a linktype="document" id="{value["document"]}">{label}</a></p>')
        elif kind == "video":
            parts.append(f'<p><a href="{escape(value["url"])}">{escape(value["title"])}</a></p>')
        else:
            resolver.note(
                _("Blok %(kind)s tidak dapat dimuat di jenis halaman ini dan dilewati.")
                % {"kind": kind}
            )
    return "".join(parts)


def plain_text(html: str) -> str:
    return BeautifulSoup(html, "html.parser").get_text(" ", strip=True)
