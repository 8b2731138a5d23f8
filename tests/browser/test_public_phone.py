"""Phone first (issue 13, point 3): every public page kind fits a 320 px and a 360 px screen (no
horizontal scrolling of the page itself) and axe-core finds no violation at all on it; screenshots
of each page at 360 px are kept under test-artifacts/screenshots/phone-*.png for a person to look
at."""

from __future__ import annotations

from balai.content.tests import factories as f
from tests.browser.conftest import axe_violations, screenshot

WIDTHS = (320, 360)
LONG = "Melihat/membaca/mendengarkan/mencatat"  # the unbreakable radio label that pushed 429 px


def _city(make_opd):
    """One OPD with every public page kind filled, plus the portal's own pages."""
    from balai.layanan.models import Layanan
    from balai.pemantauan.services import compute_scorecards
    from balai.ppid.models import InformasiPublik

    opd = make_opd(
        "dinkes", name="Dinas Kesehatan Kota Contoh", short_name="Dinkes",
        address="Jl. Merdeka No. 12", phone="(0751) 123401", email="dinkes@kotacontoh.go.id",
    )  # fmt: skip
    f.news(opd, "Imunisasi kejar untuk 1.200 balita di 14 puskesmas", days_ago=1)
    f.news(opd, "Waspada demam berdarah di musim hujan", days_ago=3)
    f.announcement(opd, "Pemeliharaan sistem layanan daring pada Sabtu malam")
    f.agenda(opd, "Rapat koordinasi pelayanan publik")
    Layanan.objects.create(
        opd=opd, slug="imunisasi", name="Imunisasi dasar lengkap", category="kesehatan",
        summary="Imunisasi bagi bayi dan balita.", persyaratan="Buku KIA\nKartu Keluarga",
        prosedur="Daftar\nPemeriksaan\nImunisasi", jangka_waktu=1,
        jangka_waktu_satuan="hari_kerja", biaya_gratis=True, produk="Catatan imunisasi",
        pengaduan="SMS 0812-0000-0000", kanal="offline", is_published=True,
    )  # fmt: skip
    for kategori, n in (("berkala", 14), ("serta_merta", 2), ("setiap_saat", 6)):
        for i in range(n):
            InformasiPublik.objects.create(
                opd=opd, kategori=kategori, judul=f"Laporan realisasi anggaran semester {i + 1}",
                ringkasan="Realisasi belanja per program dan kegiatan sampai Juni 2026.",
                unit_penguasa="Subbagian Perencanaan dan Keuangan",
                penanggung_jawab="Kepala Dinas Kesehatan", waktu_pembuatan="2026",
                tempat_pembuatan="Kota Contoh", retensi="5 tahun",
            )  # fmt: skip
    compute_scorecards()
    return opd


def test_every_public_page_kind_fits_a_phone_and_passes_axe(live, new_page, make_opd):
    _city(make_opd)
    live.sync_ports()
    opd, portal = live.host("dinkes"), live.host()
    pages = {
        "portal-home": f"{portal}/",
        "opd-home": f"{opd}/",
        "news-list": f"{opd}/berita/",
        "news-article": f"{opd}/berita/imunisasi-kejar-untuk-1200-balita-di-14-puskesmas/",
        "pengumuman": f"{opd}/pengumuman/",
        "agenda": f"{opd}/agenda/",
        "dokumen": f"{opd}/dokumen/",
        "layanan-directory": f"{portal}/layanan/",
        "layanan-opd": f"{opd}/layanan/",
        "layanan-detail": f"{opd}/layanan/imunisasi/",
        "skm-form": f"{opd}/layanan/imunisasi/survei/",
        "skm-report": f"{opd}/layanan/ikm/",
        "ppid": f"{portal}/ppid/",
        "ppid-dip": f"{portal}/ppid/dip/",
        "ppid-permohonan": f"{portal}/ppid/permohonan/",
        "ppid-lacak": f"{portal}/ppid/lacak/",
        "aspirasi-kirim": f"{portal}/aspirasi/kirim/",
        "aspirasi-lacak": f"{portal}/aspirasi/lacak/",
        "aspirasi-statistik": f"{portal}/aspirasi/statistik/",
        "transparansi": f"{portal}/transparansi/",
        "cari": f"{portal}/cari/?q=imunisasi",
    }
    problems: dict[str, object] = {}
    for width in WIDTHS:
        page = new_page(viewport={"width": width, "height": 780})
        for name, url in pages.items():
            response = page.goto(url)
            assert response.status == 200, (name, response.status)
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            if scroll_width > width:
                problems[f"{name}@{width}"] = f"{scroll_width} px wide"
            if width == 360:
                screenshot(page, f"phone-{name}")
                found = axe_violations(page, impacts=("minor", "moderate", "serious", "critical"))
                if found:
                    problems[f"{name} axe"] = found
    assert problems == {}


def test_ppid_page_is_scannable_and_forms_share_the_site_style(live, new_page, make_opd):
    _city(make_opd)
    live.sync_ports()
    page = new_page(viewport={"width": 360, "height": 780})

    # /ppid/: categories collapsed, each item a link, the whole page about two screens tall.
    page.goto(f"{live.host()}/ppid/")
    assert page.locator("details").count() == 4
    assert page.evaluate("document.documentElement.scrollHeight") < 2400
    page.locator("summary", has_text="Berkala").click()
    first = page.locator("details[open] li a").first
    assert first.is_visible()
    first.click()
    page.wait_for_url("**/ppid/dip/?kategori=berkala#dip-*")

    # Every public form: inputs full width in the site's style, the primary button branded.
    for path in ("/aspirasi/kirim/", "/aspirasi/lacak/", "/ppid/permohonan/"):
        page.goto(f"{live.host()}{path}")
        widths = page.evaluate(
            "[...document.querySelectorAll('main input[type=text], main textarea')]"
            ".filter(e => !e.closest('.hp-field'))"
            ".map(e => e.getBoundingClientRect().width)"
        )
        assert widths and min(widths) > 300, (path, widths)
        button = page.locator("main form button[type=submit]")
        assert "button-brand" in button.get_attribute("class"), path
        assert button.bounding_box()["height"] >= 44, path

    # The radio label is one tap target with its text, and fits.
    page.goto(f"{live.host()}/ppid/permohonan/")
    label = page.locator("label", has_text=LONG)
    label.click()
    assert page.locator("input[name=cara_memperoleh]:checked").count() == 1
    assert label.bounding_box()["x"] + label.bounding_box()["width"] <= 360


def test_receipts_fit_a_phone_and_pass_axe(live, new_page, make_opd):
    from balai.aspirasi import services as aspirasi
    from balai.ppid.services import submit_request
    from balai.ppid.tests.conftest import pemohon

    opd = make_opd("dinkes", name="Dinas Kesehatan", short_name="Dinkes")
    ticket = aspirasi.create_ticket(
        channel="web", text="Lampu jalan di simpang Pasar Baru mati sejak seminggu.",
        phone="+6281234567890", opd=opd,
    )  # fmt: skip
    request = submit_request(pemohon(), opd=opd)
    live.sync_ports()
    site = live.host("dinkes")
    for width in WIDTHS:
        page = new_page(viewport={"width": width, "height": 780})
        for name, path in (
            ("aspirasi-receipt", f"{ticket.tracking_path()}?baru=1"),
            ("ppid-receipt", f"/ppid/lacak/{request.token}/"),
        ):
            page.goto(f"{site}{path}")
            assert page.locator(".receipt").is_visible()
            assert page.evaluate("document.documentElement.scrollWidth") <= width, (name, width)
            if width == 360:
                screenshot(page, f"phone-{name}")
                assert (
                    axe_violations(page, impacts=("minor", "moderate", "serious", "critical")) == []
                )
