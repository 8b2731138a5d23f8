"""Reports that hold data (issue 13): the SKM report an OPD publishes is the real PDF with its
figures, checked as text (pdftotext) and rendered to PNG pages (pdftoppm) for a person to look at
under test-artifacts/reports/."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import timezone

from balai.documents.models import BalaiDocument
from balai.layanan.demo import _publish_skm_report

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed"),
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts" / "reports"


def pdf_text_and_pages(data: bytes, name: str) -> tuple[str, list[Path]]:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pdf = ARTIFACTS / f"{name}.pdf"
    pdf.write_bytes(data)
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    subprocess.run(["pdftoppm", "-r", "50", "-png", str(pdf), str(ARTIFACTS / name)], check=True)
    return text, sorted(ARTIFACTS.glob(f"{name}-*.png"))


def test_published_skm_report_holds_the_opds_figures(opd_a, make_layanan, make_responses):
    year = timezone.localdate().year - 1
    when = timezone.make_aware(dt.datetime(year, 6, 10, 10))
    ktp = make_layanan(opd_a, "ktp-el", name="Penerbitan KTP-el")
    kk = make_layanan(opd_a, "kartu-keluarga", name="Kartu Keluarga")
    make_responses(ktp, [[4] * 9, [3] * 9, [4, 4, 2, 4, 4, 4, 4, 4, 4]], when=when)
    make_responses(kk, [[3] * 9, [3] * 9], when=when)

    assert _publish_skm_report(opd_a, year) == 1
    assert _publish_skm_report(opd_a, year) == 0  # once
    doc = BalaiDocument.objects.get(title__startswith="Laporan Survei Kepuasan Masyarakat")
    assert doc.collection == opd_a.collection and doc.file_size > 5000
    text, pages = pdf_text_and_pages(doc.file.read(), "skm-opd")
    assert "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT" in text
    assert opd_a.name in text and f"Tahun {year}" in text
    assert "Penerbitan KTP-el" in text and "Kartu Keluarga" in text
    assert "U3. Waktu penyelesaian" in text and "Jumlah responden" in text
    assert " 5\n" in text or " 5 " in text  # five respondents
    assert pages and all(p.stat().st_size > 3000 for p in pages)


def test_no_report_is_published_without_answers(opd_a, make_layanan):
    make_layanan(opd_a)
    assert _publish_skm_report(opd_a, timezone.localdate().year - 1) == 0
    assert not BalaiDocument.objects.exists()
