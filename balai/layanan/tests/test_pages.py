"""Public pages: the OPD's layanan page, a service, print views, the portal directory, reports."""

import pytest
from django.utils import timezone

from balai.layanan.models import Maklumat

pytestmark = pytest.mark.django_db


def test_opd_layanan_page_shows_services_completeness_maklumat_and_ikm(
    client, opd_a, make_layanan, make_responses
):
    full = make_layanan(opd_a, "ktp-el", name="Penerbitan KTP-el")
    make_layanan(
        opd_a,
        "akta",
        name="Akta Kelahiran",
        produk="",
        is_published=True,
        incomplete_acknowledged=True,
    )
    make_layanan(opd_a, "draft", name="Rahasia Draf", is_published=False)
    Maklumat.objects.create(
        opd=opd_a, signed_by="Drs. Budi", signed_by_position="Kepala Dinas", signed_on="2026-01-02"
    )
    make_responses(full, [[4] * 9, [3] * 9])
    response = client.get("/layanan/", HTTP_HOST=opd_a.hostname)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Penerbitan KTP-el" in html and "Akta Kelahiran" in html
    assert "Rahasia Draf" not in html
    assert "1 dari 2 layanan memiliki standar pelayanan lengkap" in html
    assert "sanggup menyelenggarakan pelayanan" in html and "Drs. Budi" in html
    assert "87,50" in html and "Mutu B" in html  # (4 + 3) / 2 = 3.5 → 87.50 → B


def test_service_page_shows_flow_and_missing_components(client, opd_a, make_layanan):
    make_layanan(
        opd_a,
        "akta",
        name="Akta Kelahiran",
        produk="",
        biaya_gratis=False,
        biaya=None,
        incomplete_acknowledged=True,
    )
    html = client.get("/layanan/akta/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "Standar pelayanan belum lengkap" in html
    assert "Produk pelayanan, " in html or "Produk pelayanan." in html
    assert 'class="flow"' in html and "Perekaman" in html
    assert client.get("/layanan/tidak-ada/", HTTP_HOST=opd_a.hostname).status_code == 404


def test_print_views_have_qr_and_maklumat(client, opd_a, make_layanan):
    make_layanan(opd_a)
    html = client.get("/layanan/ktp-el/cetak/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "<svg" in html and "size: A4" in html and "survei" in html
    assert client.get("/layanan/maklumat/cetak/", HTTP_HOST=opd_a.hostname).status_code == 404
    Maklumat.objects.create(
        opd=opd_a, signed_by="Drs. Budi", signed_by_position="Kepala", signed_on="2026-01-02"
    )
    html = client.get("/layanan/maklumat/cetak/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "MAKLUMAT PELAYANAN" in html


def test_portal_directory_search_and_filters(client, portal_host, opd_a, opd_b, make_layanan):
    make_layanan(opd_a, "ktp-el", name="Penerbitan KTP-el")
    make_layanan(opd_b, "izin", name="Izin Usaha Mikro", category="perizinan", kanal="online")
    make_layanan(opd_b, "draft", name="Draf Tersembunyi", is_published=False)

    def names(**params):
        return client.get("/layanan/", params, HTTP_HOST=portal_host).content.decode()

    html = names()
    assert "Penerbitan KTP-el" in html and "Izin Usaha Mikro" in html
    assert "Draf Tersembunyi" not in html
    assert "Penerbitan KTP-el" not in names(q="izin usaha")
    assert "Izin Usaha Mikro" not in names(opd="alfa")
    assert "Penerbitan KTP-el" not in names(kategori="perizinan")
    html = names(kanal="online")
    assert "Izin Usaha Mikro" in html and "Penerbitan KTP-el" not in html
    assert 'href="http://alfa.' in names() or "alfa." in names()


def test_reports_html_xlsx_pdf(client, portal_host, opd_a, make_layanan, make_responses):
    layanan = make_layanan(opd_a)
    make_responses(layanan, [[4] * 9, [4] * 9, [3] * 9])
    last_year = timezone.now().replace(year=timezone.now().year - 1, month=6, day=1)
    make_responses(layanan, [[1] * 9], when=last_year)
    html = client.get("/layanan/ikm/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "91,67" in html and "Sangat baik" in html  # (4 + 4 + 3) / 3 × 25
    old = client.get("/layanan/ikm/", {"periode": str(last_year.year)}, HTTP_HOST=opd_a.hostname)
    assert "25,00" in old.content.decode() and "Tidak baik" in old.content.decode()
    city = client.get("/layanan/ikm/", HTTP_HOST=portal_host).content.decode()
    assert "Dinas Alfa" in city and "91,67" in city
    xlsx = client.get("/layanan/ikm/xlsx/", HTTP_HOST=portal_host)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    pdf = client.get("/layanan/ikm/pdf/", HTTP_HOST=portal_host)
    assert pdf.status_code == 200 and pdf.content[:4] == b"%PDF"
