import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from balai.pemantauan.models import MonitoringSettings, Scorecard
from balai.pemantauan.services import compute_scorecards

from .helpers import make_complete, publish_news


@pytest.fixture
def city(opd_a, opd_b):
    make_complete(opd_a)
    publish_news(opd_a, "Kabar segar")
    publish_news(opd_b, "Kabar usang", days_ago=400)
    compute_scorecards()
    return opd_a, opd_b


def test_kominfo_dashboard_shows_zones_ranking_and_stalest(city, kominfo, client_as):
    a, b = city
    response = client_as(kominfo).get(reverse("pemantauan_dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Dinas Alfa" in html and "Dinas Beta" in html
    assert html.index("Dinas Alfa") < html.rindex("Dinas Beta")
    assert "<polyline" in html
    assert "400 hari" in html
    assert 'data-testid="zone-merah">1<' in html


def test_dashboard_query_count_is_constant(
    make_opd, kominfo, client_as, django_assert_max_num_queries
):
    client = client_as(kominfo)
    make_opd("satu")
    compute_scorecards()
    with CaptureQueriesContext(connection) as few:
        assert client.get(reverse("pemantauan_dashboard")).status_code == 200
    for i in range(5):
        make_opd(f"opd{i}")
    compute_scorecards()
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse("pemantauan_dashboard")).status_code == 200
    assert Scorecard.objects.count() == 6
    assert len(many) == len(few)


def test_filter_by_jenis(make_opd, kominfo, client_as):
    make_opd("kec", jenis="kecamatan", name="Kecamatan Satu")
    make_opd("din", name="Dinas Dua")
    compute_scorecards()
    html = client_as(kominfo).get(reverse("pemantauan_dashboard"), {"jenis": "kecamatan"}).content
    assert b"Kecamatan Satu" in html and b"Dinas Dua" not in html


def test_drilldown_lists_every_indicator_with_evidence(city, kominfo, client_as):
    a, _b = city
    html = client_as(kominfo).get(reverse("pemantauan_opd", args=[a.pk])).content.decode()
    card = Scorecard.objects.get(opd=a)
    for key in card.indicators:
        assert f'data-indicator="{key}"' in html
    assert "Tiga hal yang perlu diperbaiki" in html


def test_opd_admin_sees_own_scorecard_only(city, admin_a, client_as):
    a, b = city
    client = client_as(admin_a)
    assert client.get(reverse("pemantauan_opd", args=[a.pk])).status_code == 200
    assert client.get(reverse("pemantauan_opd", args=[b.pk])).status_code == 404
    assert client.get(reverse("pemantauan_dashboard")).status_code in (302, 403)
    assert client.get(reverse("pemantauan_xlsx")).status_code in (302, 403)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-testid="scorecard-panel"' in home
    assert "Rapor situs Alfa" in home and "Dinas Beta" not in home


def test_exports(city, kominfo, client_as):
    client = client_as(kominfo)
    xlsx = client.get(reverse("pemantauan_xlsx"))
    assert xlsx["Content-Type"].startswith("application/vnd.openxml")
    from io import BytesIO

    from openpyxl import load_workbook

    rows = list(load_workbook(BytesIO(xlsx.content)).active.values)
    assert rows[1][1] == "Dinas Alfa" and rows[2][1] == "Dinas Beta"
    pdf = client.get(reverse("pemantauan_pdf"))
    assert pdf.content.startswith(b"%PDF")


def test_public_transparency_page_switchable(city, portal_host, client):
    response = client.get("/transparansi/", HTTP_HOST=portal_host)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Dinas Alfa") < html.index("Dinas Beta")
    assert "@example.go.id" not in html and "admin-alfa" not in html
    conf = MonitoringSettings.load()
    conf.public_transparency = False
    conf.save()
    assert client.get("/transparansi/", HTTP_HOST=portal_host).status_code == 404
