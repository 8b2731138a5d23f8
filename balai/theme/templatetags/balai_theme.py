"""Template tags of the public theme: site identity, navigation, breadcrumbs."""

from __future__ import annotations

from django import template
from django.conf import settings
from wagtail.models import Page, Site

from balai.core.pagecache import generation, public_path, remember
from balai.opd.models import PemdaSettings, SiteBranding
from balai.opd.selectors import opd_for_request

register = template.Library()
# Site identity, menu and header/footer fragments are keyed by the content generation, so any
# publish or re-branding replaces them at once; the timeout only frees memory.
FRAGMENT_SECONDS = 600


@register.simple_tag(takes_context=True)
def site_identity(context) -> dict:
    """Name, logo, colour and contacts of the site serving this request (portal or OPD)."""
    request = context.get("request")
    cache_attr = "_balai_identity"
    if request is not None and hasattr(request, cache_attr):
        return getattr(request, cache_attr)
    if request is None:
        return _build_identity(None)
    identity = remember(
        f"identity:{request.get_host()}", lambda: _build_identity(request), FRAGMENT_SECONDS
    )
    setattr(request, cache_attr, identity)
    return identity


def _build_identity(request) -> dict:
    site = Site.find_for_request(request) if request else None
    opd = opd_for_request(request) if request else None
    pemda = PemdaSettings.load(request_or_site=request)
    branding = SiteBranding.for_site(site) if site else None
    identity = {
        "site": site,
        "opd": opd,
        "pemda": pemda,
        "name": opd.name if opd else pemda.name,
        "short_name": opd.short_name if opd else settings.BALAI_CITY_NAME,
        "parent_name": pemda.name if opd else "",
        "logo": (opd.logo if opd and opd.logo_id else pemda.logo),
        "colour": branding.primary_colour if branding else "#0b5394",
        "tagline": branding.tagline if branding else "",
        "root": site.root_page if site else None,
        "portal_url": _portal_url() if opd else "/",
    }
    return identity


@register.simple_tag(takes_context=True)
def here(context) -> str:
    """This page's path and query without tracking parameters, for links back to it (a cached
    page must not carry one reader's ?fbclid=… to the next)."""
    request = context.get("request")
    return public_path(request) if request is not None else "/"


@register.simple_tag
def content_generation() -> int:
    """The city's content generation: part of every fragment cache key (``{% cache %}``)."""
    return generation()


def _portal_url() -> str:
    portal = Site.objects.filter(is_default_site=True).only("hostname", "port").first()
    return portal.root_url + "/" if portal else "/"


@register.simple_tag(takes_context=True)
def main_menu(context) -> list[Page]:
    """The site's top-level pages shown in menus."""
    identity = site_identity(context)
    root = identity["root"]
    if root is None:
        return []
    return remember(
        f"menu:{root.pk}",
        lambda: list(root.get_children().live().in_menu().specific(defer=True)),
        FRAGMENT_SECONDS,
    )


@register.simple_tag(takes_context=True)
def breadcrumbs(context, page) -> list[Page]:
    identity = site_identity(context)
    root = identity["root"]
    if root is None or not page:
        return []
    return remember(
        f"crumbs:{page.pk}:{root.depth}",
        lambda: list(page.get_ancestors(inclusive=False).filter(depth__gte=root.depth)),
        FRAGMENT_SECONDS,
    )


def _luminance(hex_colour: str) -> float:
    """WCAG 2.1 relative luminance of a #rrggbb colour."""
    rgb = [int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast_ratio(a: str, b: str) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


@register.filter
def safe_brand(colour: str) -> str:
    """The brand colour, darkened until white text on it and it on white reach 4.5:1."""
    try:
        rgb = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    except (ValueError, IndexError, TypeError):
        return "#0b5394"
    for _step in range(40):
        candidate = "#" + "".join(f"{c:02x}" for c in rgb)
        if contrast_ratio(candidate, "#ffffff") >= 4.5:
            return candidate
        rgb = [int(c * 0.92) for c in rgb]
    return "#000000"


@register.filter
def waktu(value) -> str:
    """A moment as a citizen reads it: local date, time and zone ("4 Desember 2026 18.56 WIB")."""
    from django.utils import timezone
    from django.utils.formats import date_format

    if not value:
        return ""
    local = timezone.localtime(value) if timezone.is_aware(value) else value
    return f"{date_format(local, 'j F Y H.i')} {settings.BALAI_ZONA_WAKTU}"


@register.filter
def hari_tanggal(value) -> str:
    """A day with its weekday ("Senin, 7 Desember 2026")."""
    from django.utils.formats import date_format

    return date_format(value, "l, j F Y") if value else ""
