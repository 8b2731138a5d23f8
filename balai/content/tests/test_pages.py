"""What a citizen sees on an OPD site and on the portal, through HTTP."""

from __future__ import annotations

import json
import re
from datetime import UTC, timedelta
from urllib.parse import urlparse

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from balai.content.models import AlbumPage, KategoriBerita, PinnedItem
from balai.content.tests import factories as f


def path_of(page) -> str:
    return urlparse(page.full_url).path


def get(client, host, path="/", **extra):
    return client.get(path, HTTP_HOST=host, **extra)


def titles(html: str, cls: str = "card") -> list[str]:
    return re.findall(r'<h3><a href="[^"]*">([^<]+)</a></h3>', html)


@pytest.mark.django_db
class TestBerita:
    def test_list_newest_first_with_pagination(self, client, opd_a):
        for i in range(14):
            f.news(opd_a, f"Berita nomor {i:02d}", days_ago=i)
        first = get(client, opd_a.hostname, "/berita/").content.decode()
        assert titles(first)[:2] == ["Berita nomor 00", "Berita nomor 01"]
        assert len(titles(first)) == 12
        second = get(client, opd_a.hostname, "/berita/?halaman=2").content.decode()
        assert titles(second) == ["Berita nomor 12", "Berita nomor 13"]
        assert 'rel="prev"' in second

    def test_filters_by_category_and_tag(self, client, opd_a):
        kesehatan = KategoriBerita.objects.create(name="Kesehatan", slug="kesehatan")
        f.news(opd_a, "Posyandu balita", category=kesehatan)
        tagged = f.news(opd_a, "Jalan sehat")
        tagged.tags.add("olahraga")
        tagged.save_revision().publish()
        html = get(client, opd_a.hostname, "/berita/?kategori=kesehatan").content.decode()
        assert titles(html) == ["Posyandu balita"]
        html = get(client, opd_a.hostname, "/berita/?tag=olahraga").content.decode()
        assert titles(html) == ["Jalan sehat"]

    def test_only_own_site_news_on_opd_list(self, client, opd_a, opd_b):
        f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta")
        assert titles(get(client, opd_a.hostname, "/berita/").content.decode()) == ["Kabar Alfa"]

    def test_news_page_has_image_alt_share_og_and_jsonld(self, client, opd_a):
        img = f.make_image()
        page = f.news(
            opd_a,
            "Vaksinasi anak sekolah",
            featured_image=img,
            featured_image_alt="Petugas menyuntik vaksin ke lengan siswa",
            author="Humas Dinkes",
        )
        response = get(client, opd_a.hostname, path_of(page))
        html = response.content.decode()
        assert 'alt="Petugas menyuntik vaksin ke lengan siswa"' in html
        assert "format-webp" in html and "srcset=" in html
        assert "https://wa.me/?text=" in html and "t.me/share" in html
        assert "Salin tautan" in html
        assert '<meta property="og:type" content="article">' in html
        assert 'name="twitter:card" content="summary_large_image"' in html
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        types = {json.loads(b)["@type"] for b in blocks}
        assert {"GovernmentOrganization", "NewsArticle", "BreadcrumbList"} <= types
        assert "script-src 'self'" in response["Content-Security-Policy"]
        # No inline script at all (only JSON-LD data blocks and external files).
        for tag in re.findall(r"<script([^>]*)>", html):
            assert "application/ld+json" in tag or "src=" in tag

    def test_featured_image_requires_alt(self, opd_a):
        page = f.news(opd_a, "Tanpa alt")
        page.featured_image = f.make_image()
        page.featured_image_alt = ""
        with pytest.raises(ValidationError):
            page.full_clean()


@pytest.mark.django_db
class TestPengumuman:
    def test_expired_leave_the_list_but_keep_their_url(self, client, opd_a):
        yesterday = timezone.localdate() - timedelta(days=1)
        old = f.announcement(
            opd_a,
            "Pendaftaran sudah tutup",
            valid_until=yesterday,
            valid_from=yesterday - timedelta(days=10),
        )
        f.announcement(opd_a, "Pendaftaran dibuka")
        html = get(client, opd_a.hostname, "/pengumuman/").content.decode()
        assert "Pendaftaran dibuka" in html
        assert "Pendaftaran sudah tutup" not in html
        page = get(client, opd_a.hostname, path_of(old))
        assert page.status_code == 200
        assert "sudah tidak berlaku" in page.content.decode()

    def test_future_announcement_waits_for_its_start(self, client, opd_a):
        tomorrow = timezone.localdate() + timedelta(days=1)
        f.announcement(opd_a, "Belum berlaku", valid_from=tomorrow)
        assert "Belum berlaku" not in get(client, opd_a.hostname, "/pengumuman/").content.decode()


@pytest.mark.django_db
class TestAgenda:
    def test_upcoming_soonest_first_and_past_on_its_own_tab(self, client, opd_a):
        f.agenda(opd_a, "Agenda lusa", starts_in_days=2)
        f.agenda(opd_a, "Agenda besok", starts_in_days=1)
        f.agenda(opd_a, "Agenda kemarin", starts_in_days=-1)
        html = get(client, opd_a.hostname, "/agenda/").content.decode()
        assert html.index("Agenda besok") < html.index("Agenda lusa")
        assert "Agenda kemarin" not in html
        past = get(client, opd_a.hostname, "/agenda/?waktu=lalu").content.decode()
        assert "Agenda kemarin" in past and "Agenda besok" not in past

    def test_ics_per_event_and_site_feed(self, client, opd_a, opd_b):
        event = f.agenda(opd_a, "Musrenbang kecamatan", organiser="Bappeda")
        f.agenda(opd_b, "Acara Beta")
        html = get(client, opd_a.hostname, path_of(event)).content.decode()
        assert f"{path_of(event)}ics/" in html
        blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
        data = {json.loads(b)["@type"]: json.loads(b) for b in blocks}
        assert data["Event"]["location"]["name"] == "Aula Kantor Wali Kota"
        assert data["Event"]["startDate"] == event.start.isoformat()
        one = get(client, opd_a.hostname, f"{path_of(event)}ics/")
        assert one["Content-Type"].startswith("text/calendar")
        body = one.content.decode()
        assert "BEGIN:VEVENT" in body and "SUMMARY:Musrenbang kecamatan" in body
        assert event.start.astimezone(UTC).strftime("DTSTART:%Y%m%dT%H%M%SZ") in body
        feed = get(client, opd_a.hostname, "/agenda.ics").content.decode()
        assert "Musrenbang kecamatan" in feed and "Acara Beta" not in feed
        portal_feed = get(client, "localhost", "/agenda.ics").content.decode()
        assert "Musrenbang kecamatan" in portal_feed and "Acara Beta" in portal_feed


@pytest.mark.django_db
class TestGaleriProfilKontak:
    def test_video_loads_no_third_party_before_click(self, client, opd_a):
        galeri = f.section(opd_a, "galeri")
        album = AlbumPage(
            title="Festival budaya",
            videos=[
                (
                    "video",
                    {"url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ", "title": "Tari piring"},
                )
            ],
        )
        f.publish(galeri, album)
        html = get(client, opd_a.hostname, path_of(album)).content.decode()
        assert "<iframe" not in html
        assert 'data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ' in html
        # A link is fine (nothing loads); no src/srcset may point at a third party.
        assert not re.search(r'src(set)?="https?://', html)
        assert "Festival budaya" in get(client, opd_a.hostname, "/galeri/").content.decode()

    def test_empty_profile_says_so_and_kontak_shows_opd_contacts(self, client, make_opd):
        opd = make_opd(
            "gamma",
            address="Jl. Merdeka No. 1",
            phone="(0751) 123",
            email="gamma@kota.go.id",
            opening_hours="Senin–Jumat 08.00–16.00",
            map_url="https://www.openstreetmap.org/x",
            instagram="https://instagram.com/gamma",
        )
        html = get(client, opd.hostname, "/profil/visi-misi/").content.decode()
        assert "sedang disiapkan" in html
        kontak = get(client, opd.hostname, "/kontak/").content.decode()
        for text in [
            "Jl. Merdeka No. 1",
            "tel:(0751)123",
            "gamma@kota.go.id",
            "08.00–16.00",
            "openstreetmap.org",
            "instagram.com/gamma",
        ]:
            assert text in kontak


@pytest.mark.django_db
class TestHomes:
    def test_opd_home_shows_its_latest_items(self, client, opd_a, opd_b):
        f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta")
        f.announcement(opd_a, "Pengumuman Alfa")
        f.agenda(opd_a, "Agenda Alfa")
        html = get(client, opd_a.hostname).content.decode()
        assert "Kabar Alfa" in html and "Pengumuman Alfa" in html and "Agenda Alfa" in html
        assert "Kabar Beta" not in html

    def test_portal_gathers_every_opd_with_its_badge_and_own_url(
        self, client, opd_a, opd_b, portal_host
    ):
        a = f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta", days_ago=1)
        f.agenda(opd_b, "Agenda Beta")
        f.announcement(opd_a, "Pengumuman Alfa")
        html = get(client, portal_host).content.decode()
        assert f'href="{a.full_url}"' in html
        assert (
            '<span class="badge">Alfa</span>' in html and '<span class="badge">Beta</span>' in html
        )
        assert "Agenda Beta" in html and "Pengumuman Alfa" in html
        assert html.index("Kabar Alfa") < html.index("Kabar Beta")
        listing = get(client, portal_host, "/berita/").content.decode()
        assert "Kabar Alfa" in listing and "Kabar Beta" in listing

    def test_site_can_opt_out_of_the_portal(self, client, opd_a, opd_b, portal_host):
        from balai.opd.models import SiteBranding

        f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta")
        SiteBranding.objects.filter(site=opd_b.site).update(show_on_portal=False)
        html = get(client, portal_host).content.decode()
        assert "Kabar Alfa" in html and "Kabar Beta" not in html

    def test_kominfo_pins_items_on_portal_home(self, client, opd_a, portal, portal_host):
        page = f.news(opd_a, "Vaksin gratis")
        home = portal.root_page.specific
        PinnedItem.objects.create(home=home, page=page, label="Penting")
        html = get(client, portal_host).content.decode()
        assert "Sorotan" in html and "Vaksin gratis" in html and "Penting" in html

    def test_directory_groups_active_opds_with_latest_publication(
        self, client, make_opd, portal_host
    ):
        dinas = make_opd("alfa", kepala_nama="dr. Ratna", phone="0751 1")
        kec = make_opd("utara", jenis="kecamatan", name="Kecamatan Utara")
        off = make_opd("mati", name="Dinas Mati")
        off.is_active = False
        off.save()
        f.news(dinas, "Kabar Alfa")
        html = get(client, portal_host, "/opd/").content.decode()
        assert html.index(">Dinas<") < html.index(">Kecamatan<")
        assert "dr. Ratna" in html and f"http://{dinas.hostname}/" in html
        assert kec.name in html and "Dinas Mati" not in html
        assert timezone.localdate().strftime("%Y") in html and "belum ada" in html


@pytest.mark.django_db
class TestMachineReadable:
    def test_rss_and_atom_per_site_and_portal_covers_all(self, client, opd_a, opd_b, portal_host):
        f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta")
        f.announcement(opd_a, "Pengumuman Alfa")
        rss = get(client, opd_a.hostname, "/feed/rss/").content.decode()
        assert "<rss" in rss and "Kabar Alfa" in rss and "Kabar Beta" not in rss
        assert "Pengumuman Alfa" in rss
        only_news = get(client, opd_a.hostname, "/feed/berita/atom/").content.decode()
        assert "<feed" in only_news and "Kabar Alfa" in only_news
        assert "Pengumuman Alfa" not in only_news
        portal = get(client, portal_host, "/feed/rss/").content.decode()
        assert "[Alfa] Kabar Alfa" in portal and "[Beta] Kabar Beta" in portal
        assert f"http://{opd_a.hostname}/berita/kabar-alfa/" in portal

    def test_sitemap_robots_and_api_are_per_site(self, client, opd_a, opd_b):
        f.news(opd_a, "Kabar Alfa")
        f.news(opd_b, "Kabar Beta")
        sitemap = get(client, opd_a.hostname, "/sitemap.xml").content.decode()
        assert f"http://{opd_a.hostname}/berita/kabar-alfa/" in sitemap
        assert "kabar-beta" not in sitemap
        robots = get(client, opd_a.hostname, "/robots.txt").content.decode()
        assert f"Sitemap: http://{opd_a.hostname}/sitemap.xml" in robots
        api = get(client, opd_a.hostname, "/api/v2/pages/?type=content.BeritaPage").json()
        assert [p["title"] for p in api["items"]] == ["Kabar Alfa"]
        assert client.post("/api/v2/pages/", HTTP_HOST=opd_a.hostname).status_code == 405


@pytest.mark.django_db
def test_unknown_address_gets_the_friendly_404_in_the_site_theme(client, opd_a):
    response = get(client, opd_a.hostname, "/tidak-ada/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "Halaman tidak ditemukan" in html and "Dinas Alfa" in html
    assert '"@type": "GovernmentOrganization"' in html
