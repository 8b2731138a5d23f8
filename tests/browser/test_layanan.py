"""Layanan in a real browser: a citizen fills the SKM on a phone and sees it counted; the service
page, the directory and the survey form are axe-core clean."""

from __future__ import annotations

from tests.browser.conftest import PHONE, axe_violations, screenshot

COMPLETE = dict(
    category="kependudukan", summary="Penerbitan KTP elektronik bagi warga.",
    persyaratan="Fotokopi Kartu Keluarga\nSurat pengantar RT/RW",
    prosedur="Ambil nomor antrean\nVerifikasi berkas\nPerekaman biometrik\nPenyerahan KTP-el",
    jangka_waktu=1, jangka_waktu_satuan="hari_kerja", biaya_gratis=True, produk="KTP-el",
    pengaduan="SMS 0812-0000-0000 atau kotak saran", kanal="offline", is_published=True,
)  # fmt: skip


def test_survey_on_phone_is_counted_and_pages_are_accessible(live, new_page, opd_a):
    from balai.layanan.models import Layanan, SurveyResponse

    Layanan.objects.create(opd=opd_a, slug="ktp-el", name="Penerbitan KTP-el", **COMPLETE)
    live.sync_ports()
    site = live.host("alfa")

    page = new_page(viewport=PHONE)
    page.goto(f"{site}/layanan/ktp-el/")
    assert page.locator("ol.flow li").count() == 4
    assert axe_violations(page) == []
    screenshot(page, "layanan-service-phone")

    page.click("text=Isi survei kepuasan")
    assert axe_violations(page) == []
    for i in range(1, 10):
        page.check(f"input[name=u{i}][value='{4 if i != 3 else 3}']")
    page.check("input[name=gender][value=P]")
    page.fill("input[name=age]", "41")
    page.select_option("select[name=education]", "s1")
    page.select_option("select[name=occupation]", "wirausaha")
    screenshot(page, "layanan-survey-phone")
    page.click("button:has-text('Kirim survei')")
    page.wait_for_selector("text=Terima kasih")
    assert SurveyResponse.objects.count() == 1

    page.goto(f"{site}/layanan/ikm/")
    assert "1 responden" in page.content()
    assert "97,22" in page.content()  # (8 × 4 + 3) / 9 × 25
    screenshot(page, "layanan-report-phone")

    desktop = new_page()
    desktop.goto(f"{live.host()}/layanan/")
    assert "Penerbitan KTP-el" in desktop.content()
    assert axe_violations(desktop) == []
    screenshot(desktop, "layanan-directory")
    desktop.goto(f"{site}/layanan/")
    assert axe_violations(desktop) == []
    screenshot(desktop, "layanan-opd-index")
