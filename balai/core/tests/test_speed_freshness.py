"""Balai's full-page cache: hits for anonymous readers, fresh after every kind of change.

With the cache switched on (``BALAI_PAGE_CACHE``), each change below is followed by a request
for every page that displays it, which must show the change (issue 11, "fresh within 5 s":
here at once, since the generation is bumped in the same process).
"""

from __future__ import annotations

import pytest
from django.conf import settings
from wagtail.models import Page

from balai.content.models import BeritaPage
from balai.content.tests import factories as f
from balai.core.tests.speed_city import build, dip_item, document, layanan
from conftest import otp_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(settings, opd_a, portal_host):
    settings.BALAI_PAGE_CACHE = True
    return build(opd_a, portal_host)


def html(client, host, path, **headers) -> str:
    response = client.get(path, HTTP_HOST=host, **headers)
    assert response.status_code == 200, (host, path, response.status_code)
    return response.content.decode()


def shows_news(body: str) -> bool:
    """The news item's title (pages, feeds) or its URL (the sitemap)."""
    return "Vaksinasi massal Alfa" in body or "/vaksinasi-massal-alfa/" in body


def test_second_anonymous_request_is_a_hit_keyed_by_host_path_query_and_language(client, city):
    opd = city.opd.hostname
    first = client.get("/", HTTP_HOST=opd)
    assert first["X-Balai-Cache"] == "miss"
    second = client.get("/", HTTP_HOST=opd)
    assert second["X-Balai-Cache"] == "hit"
    assert second.content == first.content and second["ETag"] == first["ETag"]
    assert client.get("/", HTTP_HOST=opd, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    # Another host, another query, another language: other pages.
    assert client.get("/", HTTP_HOST=city.portal_host)["X-Balai-Cache"] == "miss"
    assert client.get("/?utm=1", HTTP_HOST=opd)["X-Balai-Cache"] == "miss"
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get("/", HTTP_HOST=opd)
    assert english["X-Balai-Cache"] == "miss" and english["Content-Language"] == "en"
    assert client.get("/", HTTP_HOST=opd)["X-Balai-Cache"] == "hit"


def test_a_click_from_social_media_is_the_same_page(client, city):
    """Facebook adds a new ?fbclid=… to every click on a shared link, campaigns add utm_…: one
    cached page for all of them, and no reader's identifier in it."""
    opd = city.opd.hostname
    client.get("/", HTTP_HOST=opd)
    click = client.get("/?fbclid=IwAR0pembacaPertama", HTTP_HOST=opd)
    assert click["X-Balai-Cache"] == "hit"
    campaign = client.get("/?utm_source=facebook&utm_medium=social", HTTP_HOST=opd)
    assert campaign["X-Balai-Cache"] == "hit"
    first = client.get("/berita/?fbclid=IwAR0pembacaPertama", HTTP_HOST=opd)
    assert first["X-Balai-Cache"] == "miss"
    assert b"IwAR0pembacaPertama" not in first.content
    other = client.get("/berita/?fbclid=IwAR0pembacaKedua&utm_campaign=x", HTTP_HOST=opd)
    assert other["X-Balai-Cache"] == "hit" and other.content == first.content
    # Parameters that change the page still make their own page.
    filtered = client.get("/berita/?kategori=kesehatan&fbclid=IwAR0", HTTP_HOST=opd)
    assert filtered["X-Balai-Cache"] == "miss"
    assert client.get("/berita/?kategori=kesehatan", HTTP_HOST=opd)["X-Balai-Cache"] == "hit"


def test_personal_requests_never_touch_the_page_cache(client, city, make_user):
    opd = city.opd.hostname
    client.get("/", HTTP_HOST=opd)
    assert client.get("/", HTTP_HOST=opd)["X-Balai-Cache"] == "hit"
    editor = make_user("editor")
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    otp_verify(client, editor)
    response = client.get("/", HTTP_HOST=opd)
    assert "X-Balai-Cache" not in response
    assert client.get("/aspirasi/kirim/", HTTP_HOST=opd).get("X-Balai-Cache") is None


def test_publish_unpublish_move_and_delete_show_on_every_page_at_once(client, city, opd_b):
    opd, portal = city.opd.hostname, city.portal_host
    pages = [
        (opd, "/"),
        (portal, "/"),
        (opd, "/berita/"),
        (opd, "/feed/rss/"),
        (portal, "/feed/atom/"),
        (opd, "/sitemap.xml"),
        (portal, "/cari/?q=vaksinasi"),
    ]
    for host, path in pages:  # cached before the change
        html(client, host, path)
        assert client.get(path, HTTP_HOST=host)["X-Balai-Cache"] == "hit"

    news = f.news(city.opd, "Vaksinasi massal Alfa")
    for host, path in pages:
        assert shows_news(html(client, host, path)), ("publish", host, path)

    news.unpublish()
    for host, path in pages:
        assert not shows_news(html(client, host, path)), ("unpublish", host, path)

    news.save_revision().publish()
    html(client, opd_b.hostname, "/")
    news = BeritaPage.objects.get(pk=news.pk)
    news.move(f.section(opd_b, "berita"), pos="last-child")
    assert not shows_news(html(client, opd, "/")), "moved away"
    assert not shows_news(html(client, opd, "/sitemap.xml")), "moved away"
    assert shows_news(html(client, opd_b.hostname, "/")), "moved here"

    Page.objects.get(pk=news.pk).delete()
    for host, path in [(opd_b.hostname, "/"), (portal, "/"), (portal, "/cari/?q=vaksinasi")]:
        assert not shows_news(html(client, host, path)), ("delete", host, path)


def test_documents_layanan_dip_branding_and_settings_show_at_once(client, city):
    from balai.opd.models import SiteBranding
    from balai.pemantauan.models import MonitoringSettings

    opd, portal = city.opd.hostname, city.portal_host
    watched = [
        (opd, "/"),
        (opd, "/dokumen/"),
        (opd, "/layanan/"),
        (portal, "/layanan/"),
        (opd, "/ppid/dip/"),
        (portal, "/ppid/dip/"),
        (portal, "/transparansi/"),
    ]
    for host, path in watched:
        client.get(path, HTTP_HOST=host)

    doc = document(city.opd, "Renstra Dinas Alfa 2026")
    assert "Renstra Dinas Alfa 2026" in html(client, opd, "/dokumen/")
    doc.delete()
    assert "Renstra Dinas Alfa 2026" not in html(client, opd, "/dokumen/")

    item = layanan(city.opd, "izin-keramaian", name="Izin Keramaian Warga")
    assert "Izin Keramaian Warga" in html(client, opd, "/layanan/")
    assert "Izin Keramaian Warga" in html(client, portal, "/layanan/")
    item.name = "Izin Keramaian Kampung"
    item.save()
    assert "Izin Keramaian Kampung" in html(client, opd, "/layanan/izin-keramaian/")

    dip_item(city.opd, "Rencana anggaran kas 2027")
    assert "Rencana anggaran kas 2027" in html(client, opd, "/ppid/dip/")
    assert "Rencana anggaran kas 2027" in html(client, portal, "/ppid/dip/")

    branding = SiteBranding.for_site(city.opd.site)
    branding.primary_colour = "#123456"
    branding.save()
    assert "--brand:#123456" in html(client, opd, "/")
    city.opd.name = "Dinas Alfa Sejahtera"
    city.opd.save()
    assert "Dinas Alfa Sejahtera" in html(client, opd, "/")
    assert "Dinas Alfa Sejahtera" in html(client, opd, "/cari/?q=imunisasi")

    monitoring = MonitoringSettings.load()
    assert client.get("/transparansi/", HTTP_HOST=portal).status_code == 200
    monitoring.public_transparency = False
    monitoring.save()
    assert client.get("/transparansi/", HTTP_HOST=portal).status_code == 404
