"""Search at /cari/: scope (OPD by default on an OPD host, everything on the portal), types,
years, highlighting, Indonesian stemming on PostgreSQL, pagination, constant query count."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from balai.content.models import AgendaPage, BeritaPage, HalamanPage, PengumumanPage

pytestmark = pytest.mark.django_db


def section(opd_or_site, slug: str) -> Page:
    root = opd_or_site.site.root_page if hasattr(opd_or_site, "site") else opd_or_site.root_page
    return root.get_children().get(slug=slug).specific


def publish(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def news(opd, title: str, summary: str = "", date: dt.date | None = None, **kw) -> BeritaPage:
    return publish(
        section(opd, "berita"),
        BeritaPage(title=title, summary=summary, date=date or dt.date(2026, 3, 1), **kw),
    )


def get(client, host: str, **params):
    return client.get("/cari/", params, HTTP_HOST=host)


def test_opd_site_searches_its_own_opd_by_default_and_all_opds_in_one_click(
    client, opd_a, opd_b, portal_host, run_tasks
):
    news(opd_a, "Vaksinasi gratis di Alfa", "Vaksinasi anak sekolah.")
    news(opd_b, "Vaksinasi keliling di Beta", "Vaksinasi lansia.")
    run_tasks()

    own = get(client, opd_a.hostname, q="vaksinasi")
    body = own.content.decode()
    assert own.status_code == 200
    assert "Vaksinasi</mark> gratis di Alfa" in body
    assert "keliling di Beta" not in body
    assert "1 hasil" in body and "di Dinas Alfa" in body

    everywhere = get(client, opd_a.hostname, q="vaksinasi", opd="semua").content.decode()
    assert 'href="?q=vaksinasi&amp;opd=semua"' in body
    assert "gratis di Alfa" in everywhere and "keliling di Beta" in everywhere
    # The result on the other OPD links to that OPD's own host.
    assert f"http://{opd_b.hostname}/berita/vaksinasi-keliling-di-beta/" in everywhere

    portal = get(client, portal_host, q="vaksinasi").content.decode()
    assert "gratis di Alfa" in portal and "keliling di Beta" in portal
    assert "Dinas Alfa" in portal and "Dinas Beta" in portal  # each result names its OPD


def test_finds_announcements_agenda_pages_and_filters_by_type_and_year(
    client, opd_a, portal_host, run_tasks
):
    news(opd_a, "Musrenbang kelurahan 2025", date=dt.date(2025, 2, 1))
    publish(
        section(opd_a, "pengumuman"),
        PengumumanPage(title="Pengumuman musrenbang", date=dt.date(2026, 1, 5)),
    )
    publish(
        section(opd_a, "agenda"),
        AgendaPage(
            title="Rapat musrenbang kecamatan",
            location="Aula",
            start=dt.datetime(2026, 4, 2, 9, tzinfo=dt.UTC),
            end=dt.datetime(2026, 4, 2, 12, tzinfo=dt.UTC),
        ),
    )
    publish(
        section(opd_a, "profil"),
        HalamanPage(title="Sejarah musrenbang", summary="Asal-usul musyawarah."),
    )
    run_tasks()

    def titles(**params):
        html = get(client, opd_a.hostname, q="musrenbang", **params).content.decode()
        return {
            t
            for t in (
                "Musrenbang</mark> kelurahan",
                "Pengumuman <mark>musrenbang",
                "Rapat <mark>musrenbang",
                "Sejarah <mark>musrenbang",
            )
            if t in html
        }

    assert len(titles()) == 4
    assert titles(jenis="pengumuman") == {"Pengumuman <mark>musrenbang"}
    assert titles(jenis="agenda") == {"Rapat <mark>musrenbang"}
    assert titles(jenis="halaman") == {"Sejarah <mark>musrenbang"}
    assert titles(jenis="berita") == {"Musrenbang</mark> kelurahan"}
    # News belong to the year of their date, not of their publication in the CMS.
    assert titles(tahun="2025") == {"Musrenbang</mark> kelurahan"}
    assert "Sejarah <mark>musrenbang" not in str(titles(tahun="2025"))
    # Unknown filter values are ignored rather than failing.
    assert get(client, opd_a.hostname, q="musrenbang", jenis="x", tahun="y").status_code == 200


def test_highlighting_escapes_content(client, opd_a, run_tasks):
    news(opd_a, "Kerja bakti <script>alert(1)</script>", "Kerja bakti & <b>gotong</b> royong")
    run_tasks()
    html = get(client, opd_a.hostname, q="kerja <b>").content.decode()
    assert "<script>alert(1)" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;b&gt;gotong&lt;/b&gt;" in html
    assert "<mark>Kerja</mark> bakti" in html
    assert "<b>gotong" not in html


def test_unpublished_pages_and_inactive_opds_are_not_found(
    client, opd_a, opd_b, portal_host, run_tasks
):
    from balai.opd.provisioning import set_opd_active

    # A draft, as the admin creates it: not live, a revision waiting for approval.
    draft = BeritaPage(title="Rencana rahasia pembangunan", date=dt.date(2026, 1, 1), live=False)
    section(opd_a, "berita").add_child(instance=draft)
    draft.save_revision()
    news(opd_b, "Rencana pembangunan jembatan")
    run_tasks()
    html = get(client, portal_host, q="rencana").content.decode()
    assert "rahasia" not in html
    assert "jembatan" in html

    set_opd_active(opd_b, False)
    assert "jembatan" not in get(client, portal_host, q="rencana").content.decode()


def test_indonesian_stemming_pelayanan_finds_layanan(client, opd_a, run_tasks):
    news(opd_a, "Jam buka loket", "Layanan loket buka sampai sore.")
    run_tasks()
    html = get(client, opd_a.hostname, q="pelayanan").content.decode()
    assert "Jam buka loket" in html
    assert "<mark>Layanan</mark> loket" in html


def test_pagination_and_constant_query_count(client, opd_a, opd_b, portal_host, run_tasks):
    for i in range(23):
        news(opd_a if i % 2 else opd_b, f"Posyandu balita ke-{i}", f"Kegiatan posyandu nomor {i}.")
    run_tasks()
    first = get(client, portal_host, q="posyandu").content.decode()
    assert "23 hasil" in first
    assert first.count('class="search-result"') == 10
    third = get(client, portal_host, q="posyandu", page=3).content.decode()
    assert third.count('class="search-result"') == 3
    assert 'aria-current="page">3<' in third

    def count(**params) -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert get(client, portal_host, **params).status_code == 200
        return len(ctx.captured_queries)

    count(q="posyandu", page=3)  # warm caches (site root paths, content types)
    few = count(q="posyandu", page=3)  # 3 results shown
    many = count(q="posyandu", page=1)  # 10 results shown
    assert few == many


def test_empty_query_shows_the_form_only(client, opd_a):
    response = get(client, opd_a.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_q">' in html
    assert 'role="search"' in html
    assert "hasil untuk" not in html
    assert response["X-Robots-Tag"] == "noindex"


def test_type_links_and_long_queries(client, opd_a, run_tasks):
    news(opd_a, "Festival kuliner nusantara")
    run_tasks()
    html = get(client, opd_a.hostname, q="festival").content.decode()
    assert 'aria-label="Jenis hasil"' in html
    assert 'href="?q=festival&amp;opd=alfa&amp;jenis=berita"' in html
    only_news = get(client, opd_a.hostname, q="festival", jenis="berita").content.decode()
    assert 'jenis=berita" aria-current="true">Berita <span class="count">1</span><' in only_news
    long_query = "festival " + "x" * 500
    response = get(client, opd_a.hostname, q=long_query)
    assert response.status_code == 200
    assert "hasil untuk" in response.content.decode()
