"""Every old WordPress address answers 301 to the new page or file on the OPD's host."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from wagtail.documents import get_document_model

from balai.content.models import BeritaPage, HalamanPage, PengumumanIndexPage
from balai.migrasi.services import import_wordpress

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = (FIXTURES / "wordpress-export.xml").read_text()


def wp_id(slug: str, post_type: str = "post") -> int:
    """The WordPress id of an item in the real export, read from the export itself."""
    pattern = (
        r"<wp:post_id>(\d+)</wp:post_id>(?:(?!</item>).)*?<wp:post_name><!\[CDATA\["
        + re.escape(slug)
        + r"\]\]></wp:post_name>(?:(?!</item>).)*?<wp:post_type><!\[CDATA\["
        + post_type
    )
    return int(re.search(pattern, EXPORT, re.S).group(1))


@pytest.mark.django_db
def test_old_addresses_redirect_permanently(opd_a, client):
    import_wordpress(opd_a, str(FIXTURES / "wordpress-export.xml"), str(FIXTURES / "uploads"))
    host = opd_a.hostname
    post = BeritaPage.objects.get(slug="puskesmas-keliling-jangkau-desa-terpencil")
    sejarah = HalamanPage.objects.get(title="Sejarah")
    doc = get_document_model().objects.get(title="Laporan Kinerja 2022")

    def location(path: str) -> str:
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 301, (path, response.status_code)
        return response["Location"]

    # /YYYY/MM/DD/slug/ and /slug/
    assert location("/2023/05/02/puskesmas-keliling-jangkau-desa-terpencil/").endswith(
        "/berita/puskesmas-keliling-jangkau-desa-terpencil/"
    )
    assert location("/puskesmas-keliling-jangkau-desa-terpencil/").endswith(
        post.url_path[len(opd_a.root_page.url_path) - 1 :]
    )
    # a page that moved under Balai's tree: /layanan/jadwal-puskesmas/ → /layanan-2/…
    assert location("/layanan/jadwal-puskesmas/").endswith("/layanan-2/jadwal-puskesmas/")
    # ?p= and ?page_id=
    assert location(f"/?p={wp_id('puskesmas-keliling-jangkau-desa-terpencil')}").endswith(
        "/berita/puskesmas-keliling-jangkau-desa-terpencil/"
    )
    assert location(f"/?page_id={wp_id('sejarah', 'page')}").endswith("/profil/sejarah/")
    assert sejarah.url_path.endswith("/profil/sejarah/")
    # /category/x/
    assert location("/category/berita/").endswith("/berita/?kategori=berita")
    pengumuman = PengumumanIndexPage.objects.child_of(opd_a.root_page).get()
    assert location("/category/pengumuman/").endswith(
        pengumuman.url_path[len(opd_a.root_page.url_path) - 1 :]
    )
    # uploads: the original and WordPress's resized copies
    assert location("/wp-content/uploads/2023/02/laporan-kinerja-2022.pdf").endswith(doc.url)
    image_url = location("/wp-content/uploads/2023/05/puskesmas-keliling-300x225.jpg")
    assert image_url.startswith("/media/original_images/puskesmas-keliling")
    assert (
        client.get(
            location(f"/?p={wp_id('puskesmas-keliling-jangkau-desa-terpencil')}"), HTTP_HOST=host
        ).status_code
        == 200
    )
    # the imported pages render on the OPD's site (every block kind, profile pages, hierarchy)
    gutenberg = client.get("/berita/pendaftaran-posyandu-kini-bisa-online/", HTTP_HOST=host)
    html = gutenberg.content.decode()
    assert gutenberg.status_code == 200
    assert "Cara mendaftar" in html and "Jadwal posyandu" in html and "Laporan Kinerja 2022" in html
    for path in (
        "/profil/visi-misi/",
        "/profil/struktur-organisasi/",
        "/profil/sejarah/",
        "/layanan-2/jadwal-puskesmas/",
        "/kontak/",
    ):
        assert client.get(path, HTTP_HOST=host).status_code == 200, path


@pytest.mark.django_db
def test_drafts_private_and_other_sites_are_not_redirected(opd_a, opd_b, client):
    import_wordpress(opd_a, str(FIXTURES / "wordpress-export.xml"), str(FIXTURES / "uploads"))
    for path in (
        f"/?p={wp_id('rencana-vaksinasi-massal')}",  # draft
        f"/?p={wp_id('catatan-internal-rapat-pimpinan')}",  # private
        "/?p=999999",
    ):
        assert client.get(path, HTTP_HOST=opd_a.hostname).status_code == 200  # the home page
    # the same old address on another OPD's host is not this OPD's post
    response = client.get(
        "/2023/05/02/puskesmas-keliling-jangkau-desa-terpencil/", HTTP_HOST=opd_b.hostname
    )
    assert response.status_code == 404
    assert (
        client.get(
            "/wp-content/uploads/2023/02/laporan-kinerja-2022.pdf", HTTP_HOST=opd_b.hostname
        ).status_code
        == 404
    )
