"""RSS and Atom feeds per site and per content type; the portal's feeds cover every OPD."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _
from wagtail.models import Site

from balai.content import selectors
from balai.content.security import add_csp
from balai.opd.selectors import opd_for_request, opds_by_root_path

FEED_SIZE = 30
KINDS = {
    "berita": _("Berita"),
    "pengumuman": _("Pengumuman"),
    "agenda": _("Agenda"),
}


def site_scope(request):
    """(site, root page or None for the whole city, OPD or None)."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    opd = opd_for_request(request)
    return site, (site.root_page if opd else None), opd


class ContentFeed(Feed):
    feed_type = Rss201rev2Feed

    def __call__(self, request, *args, **kwargs):
        return add_csp(super().__call__(request, *args, **kwargs))

    def get_object(self, request, kind: str = "semua"):
        if kind != "semua" and kind not in KINDS:
            raise Http404
        site, root, opd = site_scope(request)
        # The Feed instance is shared by every request (and thread): keep the request in obj.
        return {"kind": kind, "site": site, "root": root, "opd": opd, "request": request}

    def title(self, obj):
        name = obj["opd"].name if obj["opd"] else obj["site"].site_name
        return f"{name} · {KINDS.get(obj['kind'], _('Terbaru'))}"

    def link(self, obj):
        return obj["site"].root_url + "/"

    def description(self, obj):
        return _("Berita, pengumuman dan agenda terbaru dari %(name)s") % {
            "name": obj["opd"].name if obj["opd"] else obj["site"].site_name
        }

    def items(self, obj):
        kind, root = obj["kind"], obj["root"]
        hidden = [] if root is not None else selectors.hidden_from_portal_paths()
        chosen = []
        if kind in ("semua", "berita"):
            chosen += list(selectors._exclude_paths(selectors.news(root), hidden)[:FEED_SIZE])
        if kind in ("semua", "pengumuman"):
            qs = selectors.current_announcements(root)
            chosen += list(selectors._exclude_paths(qs, hidden)[:FEED_SIZE])
        if kind in ("semua", "agenda"):
            qs = selectors.upcoming_agenda(root)
            chosen += list(selectors._exclude_paths(qs, hidden)[:FEED_SIZE])
        chosen.sort(
            key=lambda p: p.first_published_at or p.latest_revision_created_at, reverse=True
        )
        items = selectors.attach_opd(chosen[:FEED_SIZE], opds_by_root_path())
        for item in items:
            item.feed_url = item.get_full_url(obj["request"])
        return items

    def item_title(self, item):
        if item.source_opd is not None:
            return f"[{item.source_opd.short_name}] {item.title}"
        return item.title

    def item_description(self, item):
        return item.summary or item.search_description or ""

    def item_link(self, item):
        return item.feed_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        if item.source_opd is not None:
            return item.source_opd.name
        return getattr(item, "author", "") or None

    def item_categories(self, item):
        return [item._meta.verbose_name.title()]


class ContentAtomFeed(ContentFeed):
    feed_type = Atom1Feed
    subtitle = ContentFeed.description
