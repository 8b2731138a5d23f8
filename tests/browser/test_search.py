"""In Chromium: an operator publishes a news item in the admin; it is found at once (no
worker run) by /cari/ on the OPD's site and on the portal. The search page and the document list
pass axe-core (no serious/critical violation) at 360 px and on a desktop."""

from __future__ import annotations

from django.core.files.base import ContentFile
from playwright.sync_api import expect

from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, admin_login, axe_violations, screenshot

WORD = "Sosialisasi"
TITLE = "Sosialisasi Pelayanan Adminduk Keliling"


def add_documents(opd) -> None:
    from balai.documents.models import BalaiDocument
    from balai.documents.tests.pdf import make_pdf

    for title, category, year, number in (
        ("SOP Pelayanan Akta Kelahiran", "sop", 2026, "800/15/SOP/2026"),
        ("Maklumat Pelayanan Dinas Alfa", "maklumat", 2026, ""),
        ("Rencana Strategis 2021–2026", "renstra", 2021, "050/3/2021"),
        ("LKjIP Tahun 2025", "lakip", 2025, ""),
    ):
        document = BalaiDocument(
            title=title, collection=opd.collection, category=category, year=year, number=number,
            description=f"{title} untuk masyarakat Kota Contoh.",
        )  # fmt: skip
        document.file.save("dokumen.pdf", ContentFile(make_pdf(title)), save=False)
        document._set_document_file_metadata()
        document.save()


def test_published_news_is_found_on_opd_and_portal(live, new_page, opd_a, operator_a):
    live.sync_ports()
    add_documents(opd_a)
    berita_index = opd_a.site.root_page.get_children().get(slug="berita")

    operator = new_page(DESKTOP)
    admin_login(operator, live.url, operator_a.username, DEMO_PASSWORD)
    operator.goto(f"{live.url}/admin/pages/add/content/beritapage/{berita_index.pk}/")
    operator.fill("#id_title", TITLE)
    operator.fill("#id_summary", "Petugas mendatangi kelurahan untuk perekaman KTP-el dan KIA.")
    publish = operator.locator("button[name=action-publish]")
    if not publish.is_visible():
        operator.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    expect(operator.locator(".messages")).to_contain_text(TITLE)

    for viewport, suffix in ((PHONE, "360"), (DESKTOP, "desktop")):
        visitor = new_page(viewport)
        visitor.goto(f"{live.host('alfa')}/cari/?q={WORD.lower()}")
        result = visitor.locator(".search-result").first
        expect(result).to_contain_text(TITLE)
        expect(result.locator("mark").first).to_have_text(WORD)
        expect(visitor.get_by_role("status")).to_contain_text("Dinas Alfa")
        screenshot(visitor, f"search-opd-{suffix}")
        assert axe_violations(visitor) == []

        # "All OPDs" is one click away; the portal finds it too and links to the OPD's host.
        visitor.get_by_test_id("search-all-opds").click()
        expect(visitor.locator(".search-result").first).to_contain_text(TITLE)
        visitor.goto(f"{live.host()}/cari/?q={WORD.lower()}")
        link = visitor.locator(".search-result h2 a").first
        expect(link).to_contain_text(TITLE)
        news_url = f"{live.host('alfa')}/berita/sosialisasi-pelayanan-adminduk-keliling/"
        expect(link).to_have_attribute("href", news_url)
        screenshot(visitor, f"search-portal-{suffix}")
        assert axe_violations(visitor) == []

        visitor.goto(f"{live.host('alfa')}/dokumen/")
        expect(visitor.locator(".doc-item")).to_have_count(4)
        screenshot(visitor, f"dokumen-list-{suffix}")
        assert axe_violations(visitor) == []
        visitor.select_option("#id_kategori", "sop")
        visitor.get_by_role("button", name="Tampilkan").click()
        expect(visitor.locator(".doc-item")).to_have_count(1)
        assert axe_violations(visitor) == []
