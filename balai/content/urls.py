"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path, re_path
from wagtail.contrib.sitemaps.views import sitemap

from balai.content import views
from balai.content.api import api_router
from balai.content.feeds import ContentAtomFeed, ContentFeed

urlpatterns = [
    path("feed/rss/", ContentFeed(), name="content_feed_rss"),
    path("feed/atom/", ContentAtomFeed(), name="content_feed_atom"),
    re_path(
        r"^feed/(?P<kind>berita|pengumuman|agenda)/rss/$",
        ContentFeed(),
        name="content_feed_kind_rss",
    ),
    re_path(
        r"^feed/(?P<kind>berita|pengumuman|agenda)/atom/$",
        ContentAtomFeed(),
        name="content_feed_kind_atom",
    ),
    path("agenda.ics", views.agenda_ical, name="content_agenda_ical"),
    path("sitemap.xml", sitemap, name="content_sitemap"),
    path("robots.txt", views.robots_txt, name="content_robots"),
    path("api/v2/", api_router.urls),
]
