"""A cache miss is cheap: a page rebuilt after the first view of its content generation reads
(almost) nothing from the database, and still follows every change (issue 11, "fast on a miss").

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

# Queries a page may still run once everything shared is remembered: its own related rows
# (an article's category, gallery and tags), never a lookup of the site, OPD or route.
MOST_QUERIES = {"portal home": 1, "OPD home": 1, "article": 3}


@pytest.fixture
def city(settings, opd_a, portal_host):
    settings.BALAI_PAGE_CACHE = False
    return build(opd_a, portal_host)


def test_second_render_of_homes_and_article_reads_almost_nothing(client, city):
    pages = public_pages(city)
    for name, most in MOST_QUERIES.items():
        host, path = pages[name]
        assert client.get(path, HTTP_HOST=host).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200
        assert len(queries) <= most, (name, [q["sql"][:90] for q in queries])


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
