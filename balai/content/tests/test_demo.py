"""The demo city loads, reads like a real Pemda, and loading it twice duplicates nothing."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone

from balai.content import demo as content_demo
from balai.content.models import BeritaPage, VisiMisiPage
from balai.documents.models import BalaiDocument
from balai.opd import demo as opd_demo
from balai.opd.models import OPD


@pytest.mark.django_db
def test_demo_city_is_complete_idempotent_and_has_stale_sites(client):
    out = io.StringIO()
    opd_demo.load(out)
    content_demo.load(out)
    news_count = BeritaPage.objects.count()
    content_demo.load(out)
    assert BeritaPage.objects.count() == news_count

    six_months_ago = timezone.localdate() - timedelta(days=183)
    year_ago = timezone.localdate() - timedelta(days=366)
    for opd in OPD.objects.provisioned():
        items = BeritaPage.objects.live().descendant_of(opd.site.root_page)
        assert items.count() >= 8, opd.slug
        assert all(n.date >= year_ago for n in items)
        recent = items.filter(date__gte=six_months_ago).exists()
        assert recent == (opd.slug not in content_demo.STALE), opd.slug
        pdfs = BalaiDocument.objects.filter(collection=opd.collection)
        assert pdfs.count() >= 2  # SOP, maklumat; the SKM report comes from balai.layanan.demo
        assert pdfs.first().file.read(5) == b"%PDF-"
    empty = VisiMisiPage.objects.descendant_of(OPD.objects.get(slug="mekarsari").site.root_page)
    assert not empty.get().is_filled
    filled = VisiMisiPage.objects.descendant_of(OPD.objects.get(slug="dinkes").site.root_page)
    assert filled.get().is_filled

    html = client.get("/", HTTP_HOST="localhost").content.decode()
    assert "lorem" not in html.lower()
    assert "Sorotan" in html and "Dinkes" in html
