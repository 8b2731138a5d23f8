"""The hot public pages run the same number of SQL queries with 12 and with 60 OPDs."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from balai.content.models import BeritaIndexPage, OPDHomePage
from balai.content.tests import factories as f
from balai.opd.models import OPD, SiteBranding


def cheap_opd(n: int) -> OPD:
    """An OPD with a site, a home, a news section and one news item: enough to be aggregated,
    without the whole provisioning (groups, permissions, every standard page)."""
    root = Page.get_first_root_node()
    slug = f"opd{n:03d}"
    home = root.add_child(instance=OPDHomePage(title=f"Dinas Uji {n}", slug=slug))
    berita = home.add_child(instance=BeritaIndexPage(title="Berita", slug="berita"))
    site = Site.objects.create(hostname=f"{slug}.localhost", port=80, root_page=home)
    SiteBranding.objects.create(site=site)
    opd = OPD.objects.create(
        name=f"Dinas Uji {n}", short_name=f"Uji{n}", slug=slug, jenis="dinas", site=site
    )
    f.news(berita.get_parent(), f"Kabar dinas uji {n}", days_ago=n % 30)
    return opd


def count(client, host: str, path: str) -> int:
    client.get(path, HTTP_HOST=host)  # warm: renditions, site root paths
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 200
    return len(ctx.captured_queries)


@pytest.mark.django_db
def test_query_count_constant_in_number_of_opds(client, opd_a, portal_host):
    image = f.make_image()
    news = f.news(opd_a, "Kabar Alfa", featured_image=image, featured_image_alt="Foto kegiatan")
    for i in range(6):
        f.news(
            opd_a,
            f"Kabar lama {i}",
            days_ago=i + 1,
            featured_image=image,
            featured_image_alt="Foto",
        )
    f.announcement(opd_a, "Pengumuman Alfa")
    f.agenda(opd_a, "Agenda Alfa")
    news_path = urlparse(news.full_url).path
    pages = [(portal_host, "/"), (opd_a.hostname, "/"), (opd_a.hostname, news_path)]

    for n in range(11):
        cheap_opd(n)
    assert OPD.objects.count() == 12
    before = [count(client, host, path) for host, path in pages]

    for n in range(11, 59):
        cheap_opd(n)
    assert OPD.objects.count() == 60
    after = [count(client, host, path) for host, path in pages]

    assert before == after, f"queries with 12 OPDs {before}, with 60 OPDs {after}"
    print("queries (portal home, OPD home, news page):", after)
