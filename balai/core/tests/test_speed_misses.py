"""A cache miss is cheap: a page rebuilt after the first view of its content generation reads
nothing from the database, and still follows every change (issue 11, "fast on a miss").

Balai's full-page cache is off here, so every request renders the page; what is remembered per
generation (site, OPD, routing, lists, menus, fragments: ``balai.core.pagecache.remember``)
must never outlive a change.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from balai.core.tests.speed_city import build, public_pages

pytestmark = pytest.mark.django_db

PAGES = ("portal home", "OPD home", "article")


@pytest.fixture
def city(settings, opd_a, portal_host):
    settings.BALAI_PAGE_CACHE = False
    return build(opd_a, portal_host)


def test_second_render_of_homes_and_article_reads_nothing_from_the_database(client, city):
    """Site, OPD, route, the page with its category, photos and tags, lists, menus: all
    remembered after the first render of this generation."""
    pages = public_pages(city)
    for name in PAGES:
        host, path = pages[name]
        first = client.get(path, HTTP_HOST=host)
        assert first.status_code == 200
        with CaptureQueriesContext(connection) as queries:
            again = client.get(path, HTTP_HOST=host)
        assert again.content == first.content
        assert [q["sql"][:90] for q in queries] == [], name


def test_renamed_moved_and_unpublished_pages_are_routed_afresh(client, city, opd_b):
    host, path = public_pages(city)["article"]
    assert client.get(path, HTTP_HOST=host).status_code == 200  # remembered now
    article = Page.objects.get(url_path__endswith=path).specific
    article.slug = "kabar-imunisasi-alfa-baru"
    article.save_revision().publish()
    new_path = path.replace("kabar-imunisasi-alfa", "kabar-imunisasi-alfa-baru")
    assert client.get(path, HTTP_HOST=host).status_code == 404
    assert b"Kabar imunisasi Alfa" in client.get(new_path, HTTP_HOST=host).content
    article.unpublish()
    assert client.get(new_path, HTTP_HOST=host).status_code == 404
    article.save_revision().publish()
    article.move(Page.objects.get(url_path="/beta/berita/"), pos="last-child")
    assert client.get(new_path, HTTP_HOST=host).status_code == 404
    assert client.get(new_path, HTTP_HOST=opd_b.hostname).status_code == 200


def test_a_page_made_private_is_private_at_once_everywhere(client, city, settings):
    settings.BALAI_PAGE_CACHE = True  # the public copy in the page cache must go too
    host, path = public_pages(city)["article"]
    assert client.get(path, HTTP_HOST=host).status_code == 200
    assert client.get(path, HTTP_HOST=host)["X-Balai-Cache"] == "hit"
    article = Page.objects.get(url_path__endswith=path)
    restriction = PageViewRestriction.objects.create(
        page=article, restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(path, HTTP_HOST=host)
    assert response.status_code == 302 and "login" in response["Location"]
    assert b"Kabar imunisasi Alfa" not in response.content
    restriction.delete()
    assert client.get(path, HTTP_HOST=host).status_code == 200
