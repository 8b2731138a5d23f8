"""End to end in Chromium: an operator publishes a news item with a photo; it appears on the OPD
site, on the portal and in the feeds; the public pages pass axe-core (no serious/critical
violation) at 360 px and on a desktop, and their screenshots are kept for a person to look at."""

from __future__ import annotations

from playwright.sync_api import expect

from balai.content.tests import factories as f
from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, admin_login, axe_violations, screenshot


def _scroll_through(page) -> None:
    """Bring lazy images in, so the full-page screenshot shows what a reader scrolling sees."""
    page.evaluate(
        "async () => { for (let y = 0; y < document.body.scrollHeight; y += 500) {"
        " window.scrollTo(0, y); await new Promise(r => setTimeout(r, 40)); }"
        " window.scrollTo(0, 0); }"
    )


def test_operator_publishes_news_seen_everywhere_and_pages_are_accessible(
    live, new_page, browser, make_opd, make_user
):
    opd = make_opd(
        "dinkes", name="Dinas Kesehatan", short_name="Dinkes", kepala_nama="dr. Ratna Wulandari",
        address="Jl. Merdeka No. 12, Kota Contoh", phone="(0751) 123401",
        email="dinkes@kotacontoh.go.id", primary_colour="#0b7a4b",
    )  # fmt: skip
    other = make_opd("bpbd", name="Badan Penanggulangan Bencana Daerah", short_name="BPBD")
    operator = make_user("operator-dinkes", opd)
    photo = f.make_image("Posyandu balita di Sukamaju", colour=(20, 120, 80))
    photo.collection = opd.collection
    photo.save()
    f.news(other, "Simulasi evakuasi gempa di sekolah pesisir", days_ago=1)
    f.announcement(opd, "Jadwal pelayanan selama cuti bersama")
    f.agenda(opd, "Forum konsultasi publik standar pelayanan")
    f.agenda(other, "Apel kesiapsiagaan bencana", starts_in_days=3)
    live.sync_ports()

    # The operator writes the news item, chooses the photo, and publishes.
    admin = new_page(DESKTOP)
    admin_login(admin, live.url, operator.username, DEMO_PASSWORD)
    berita = f.section(opd, "berita")
    admin.goto(f"{live.url}/admin/pages/add/content/beritapage/{berita.pk}/")
    admin.fill("#id_title", "Posyandu Balita Serentak di 14 Puskesmas")
    admin.fill("#id_summary", "Penimbangan dan imunisasi balita digelar serentak pekan ini.")
    admin.locator("#id_featured_image-chooser .chooser__choose-button").click()
    admin.locator(".modal a[data-chooser-modal-choice]").first.click()
    admin.fill("#id_featured_image_alt", "Kader posyandu menimbang seorang balita")
    publish = admin.locator("button[name=action-publish]")
    if not publish.is_visible():
        admin.locator("footer [data-w-dropdown-target='toggle']").first.click()
    publish.click()
    expect(admin.locator(".messages")).to_contain_text("Posyandu Balita Serentak")
    screenshot(admin, "public-admin-published")

    # On the OPD's own site, with the photo and its alt text.
    visitor = new_page(PHONE)
    visitor.goto(f"{live.host('dinkes')}/berita/posyandu-balita-serentak-di-14-puskesmas/")
    expect(visitor.locator("h1")).to_contain_text("Posyandu Balita Serentak")
    expect(visitor.locator("img[alt='Kader posyandu menimbang seorang balita']")).to_be_visible()

    # On the portal, marked with its OPD and linking to the OPD's hostname.
    visitor.goto(f"{live.host()}/")
    card = visitor.locator(".card", has_text="Posyandu Balita Serentak")
    expect(card.locator(".badge")).to_have_text("Dinkes")
    expect(card.locator("h3 a")).to_have_attribute(
        "href", f"{live.host('dinkes')}/berita/posyandu-balita-serentak-di-14-puskesmas/"
    )
    visitor.goto(f"{live.host()}/berita/")
    expect(visitor.locator("main")).to_contain_text("Posyandu Balita Serentak")

    # In the feeds: the OPD's and the portal's.
    # (fetched from a page of the same site: only the browser resolves *.localhost)
    for host in (live.host("dinkes"), live.host()):
        visitor.goto(f"{host}/kontak/")
        for feed in ("/feed/rss/", "/feed/atom/"):
            body = visitor.evaluate("u => fetch(u).then(r => r.text())", feed)
            assert "Posyandu Balita Serentak" in body, host + feed

    # Accessibility and screenshots at both widths.
    pages = {
        "portal-home": f"{live.host()}/",
        "portal-opd-directory": f"{live.host()}/opd/",
        "opd-home": f"{live.host('dinkes')}/",
        "news-page": f"{live.host('dinkes')}/berita/posyandu-balita-serentak-di-14-puskesmas/",
        "agenda-list": f"{live.host('dinkes')}/agenda/",
        "announcement-list": f"{live.host('dinkes')}/pengumuman/",
    }
    problems = {}
    for label, viewport in (("360", PHONE), ("desktop", DESKTOP)):
        # The pages' CSP forbids inline script, which is how axe-core is injected.
        context = browser.new_context(viewport=viewport, locale="id-ID", bypass_csp=True)
        page = context.new_page()
        for name, url in pages.items():
            page.goto(url)
            _scroll_through(page)
            screenshot(page, f"public-{name}-{label}")
            found = axe_violations(page)
            if found:
                problems[f"{name}-{label}"] = found
        context.close()
    assert not problems, problems
