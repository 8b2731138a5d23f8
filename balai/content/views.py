"""Machine-readable faces of each site: robots.txt and the site's iCal feed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import cache_page

from balai.content import selectors
from balai.content.feeds import site_scope
from balai.content.ical import calendar_response


def robots_txt(request: HttpRequest) -> HttpResponse:
    site, _root, _opd = site_scope(request)
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /cari/",
        "Disallow: /api/",
        "",
        f"Sitemap: {site.root_url}/sitemap.xml",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


@cache_page(300)
def agenda_ical(request: HttpRequest) -> HttpResponse:
    site, root, opd = site_scope(request)
    events = list(selectors.upcoming_agenda(root)[:200])
    return calendar_response(
        request, events, filename="agenda.ics", name=(opd.name if opd else site.site_name)
    )
