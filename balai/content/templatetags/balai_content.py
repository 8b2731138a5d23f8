"""Template tags of the public content pages: share links, Open Graph, schema.org JSON-LD."""

from __future__ import annotations

import json
from urllib.parse import quote

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from balai.content import structured

register = template.Library()

_JSON_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def structured_data(context, page=None) -> str:
    """``<script type="application/ld+json">`` blocks for this page (data, never executed)."""
    request = context.get("request")
    if request is None:
        return ""
    # An unknown template variable arrives as "" (e.g. on the 404 page): no page then.
    blocks = structured.for_page(request, page or None, context)
    out = []
    for data in blocks:
        text = json.dumps(data, ensure_ascii=False).translate(_JSON_ESCAPES)
        out.append(f'<script type="application/ld+json">{text}</script>')
    return mark_safe("\n".join(out))  # noqa: S308 - JSON escaped above


@register.inclusion_tag("content/components/share.html", takes_context=True)
def share_links(context, page) -> dict:
    request = context["request"]
    url = page.get_full_url(request) or request.build_absolute_uri()
    text = page.title
    u, t = quote(url, safe=""), quote(text, safe="")
    return {
        "url": url,
        "links": [
            ("WhatsApp", f"https://wa.me/?text={t}%20{u}"),
            ("Facebook", f"https://www.facebook.com/sharer/sharer.php?u={u}"),
            ("X", f"https://x.com/intent/post?url={u}&text={t}"),
            ("Telegram", f"https://t.me/share/url?url={u}&text={t}"),
        ],
    }


@register.simple_tag(takes_context=True)
def full_url(context, page) -> str:
    request = context.get("request")
    return page.get_full_url(request) or ""


@register.simple_tag(takes_context=True)
def item_url(context, page) -> str:
    """A page's URL from any site: relative on the same site, absolute on another (OPD host)."""
    return page.get_url(request=context.get("request")) or ""


@register.simple_tag
def opd_badge(item) -> str:
    opd = getattr(item, "source_opd", None)
    if opd is None:
        return ""
    return format_html('<span class="badge">{}</span>', opd.short_name)


@register.simple_tag(takes_context=True)
def og_image_url(context, image, spec="fill-1200x630") -> str:
    request = context.get("request")
    if not image or request is None:
        return ""
    try:
        rendition = image.get_rendition(spec + "|format-jpeg")
    except Exception:  # noqa: BLE001 - a missing file must not break the page
        return ""
    return request.build_absolute_uri(rendition.url)


@register.filter
def filesize_id(num: int | None) -> str:
    if not num:
        return ""
    for unit in ("B", "KB", "MB", "GB"):
        if num < 1024:
            return f"{num:.0f} {unit}" if unit == "B" else f"{num:.1f} {unit}".replace(".", ",")
        num /= 1024
    return f"{num:.1f} TB"


@register.filter
def split_words(value: str) -> list[str]:
    return value.split()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
