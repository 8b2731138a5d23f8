"""What an operator is told after publishing: where the page is and when readers see it."""

from __future__ import annotations

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

# Page types that the OPD home and the portal home list (balai.content.selectors).
LISTED_TYPES = ("beritapage", "pengumumanpage", "agendapage")


def _listed_on(page: Page) -> list[str]:
    """Names of the home pages that list this page (its site's, and the portal's if shown)."""
    from balai.opd.models import SiteBranding

    if page.specific_class is None or page.specific_class._meta.model_name not in LISTED_TYPES:
        return []
    site = page.get_site()
    if site is None:
        return []
    on_portal = site.is_default_site
    homes = [
        _("beranda portal kota")
        if on_portal
        else _("beranda %(site)s") % {"site": site.site_name or site.hostname}
    ]
    if not on_portal:
        branding = SiteBranding.objects.filter(site=site).first()
        if branding is None or branding.show_on_portal:
            homes.append(_("beranda portal kota"))
    return homes


def _when(moment) -> str:
    local = timezone.localtime(moment)
    return f"{formats.date_format(local, 'j E Y, H.i')} {local.tzname()}"


def published_notice(page: Page) -> str | None:
    """One sentence for the message after "Terbitkan" (or its scheduled variant)."""
    url = page.full_url
    if not url:
        return None
    homes = _listed_on(page)
    where = _(" dan ").join(homes)
    if page.go_live_at and page.go_live_at > timezone.now():
        if homes:
            return _("Akan tampil di %(url)s dan di %(where)s pada %(when)s.") % {
                "url": url,
                "where": where,
                "when": _when(page.go_live_at),
            }
        return _("Akan tampil di %(url)s pada %(when)s.") % {
            "url": url,
            "when": _when(page.go_live_at),
        }
    if not page.live:
        return None
    if homes:
        return _(
            "Sudah tampil untuk publik di %(url)s; muncul di %(where)s dalam beberapa detik."
        ) % {"url": url, "where": where}
    return _("Sudah tampil untuk publik di %(url)s.") % {"url": url}


def submitted_notice(page: Page) -> str | None:
    """One sentence for the message after "Ajukan untuk ditinjau"."""
    url = page.full_url
    if not url:
        return None
    return _(
        "Admin OPD menerima pemberitahuan untuk meninjaunya. Setelah disetujui, halaman "
        "ini tampil di %(url)s."
    ) % {"url": url}
