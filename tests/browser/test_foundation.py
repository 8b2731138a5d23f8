"""End to end in Chromium: Kominfo provisions an OPD in the admin, its operator publishes, the
page is live on <slug>.localhost, and another OPD's operator cannot reach it."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, admin_login, save_admin_form, screenshot


def test_provision_publish_and_isolation(live, new_page, kominfo, make_opd, make_user, settings):
    other_opd = make_opd("beta", name="Dinas Beta", short_name="Beta")
    other_operator = make_user("operator-beta", other_opd)
    live.sync_ports()

    # Kominfo provisions "Dinas Perhubungan" through the one-step form.
    page = new_page(DESKTOP)
    admin_login(page, live.url, "kominfo", DEMO_PASSWORD)
    page.goto(f"{live.url}/admin/opd/new/")
    page.fill("#id_name", "Dinas Perhubungan")
    page.fill("#id_short_name", "Dishub")
    page.fill("#id_slug", "dishub")
    page.select_option("#id_jenis", "dinas")
    page.fill("#id_email", "dishub@kotacontoh.go.id")
    save_admin_form(page)
    expect(page.locator(".messages")).to_contain_text("Dinas Perhubungan")
    screenshot(page, "foundation-opd-provisioned")

    # Kominfo gives the OPD its first operator.
    page.goto(f"{live.url}/admin/operator/new/")
    page.fill("#id_username", "operator-dishub")
    page.fill("#id_first_name", "Sari")
    page.fill("#id_email", "operator@dishub.example")
    page.select_option("#id_opd", label="Dinas Perhubungan")
    page.select_option("#id_role", "operator")
    page.fill("#id_password1", "Jalan-Raya-2026!")
    page.fill("#id_password2", "Jalan-Raya-2026!")
    save_admin_form(page)
    expect(page.locator(".messages")).to_contain_text("operator-dishub")

    # The operator logs in, lands on the OPD dashboard and writes a news item.
    operator = new_page(PHONE)
    admin_login(operator, live.url, "operator-dishub", "Jalan-Raya-2026!")
    expect(operator.get_by_test_id("opd-dashboard")).to_contain_text("Dinas Perhubungan")
    screenshot(operator, "foundation-operator-dashboard-360")
    operator.get_by_test_id("tulis-berita").click()
    operator.fill("#id_title", "Uji Coba Bus Sekolah Gratis")
    operator.fill("#id_summary", "Dishub menguji coba dua bus sekolah gratis mulai pekan depan.")
    publish = operator.locator("button[name=action-publish]")
    if not publish.is_visible():
        operator.locator("footer [aria-label*='aksi'], footer .dropdown-toggle, "
                         "footer [data-w-dropdown-target='toggle']").first.click()  # fmt: skip
    publish.click()
    expect(operator.locator(".messages")).to_contain_text("Uji Coba Bus Sekolah Gratis")

    # The page is live on the OPD's own hostname.
    visitor = new_page(PHONE)
    visitor.goto(f"{live.host('dishub')}/berita/uji-coba-bus-sekolah-gratis/")
    expect(visitor.locator("h1")).to_contain_text("Uji Coba Bus Sekolah Gratis")
    screenshot(visitor, "foundation-news-on-opd-site-360")

    # The operator of another OPD cannot open it in the admin, nor find it.
    from balai.content.models import BeritaPage

    news = BeritaPage.objects.get(slug="uji-coba-bus-sekolah-gratis")
    intruder = new_page(DESKTOP)
    admin_login(intruder, live.url, other_operator.username, DEMO_PASSWORD)
    intruder.goto(f"{live.url}/admin/pages/{news.pk}/edit/")
    expect(intruder).to_have_url(f"{live.url}/admin/")
    expect(intruder.locator(".messages")).to_contain_text("izin")
    intruder.goto(f"{live.url}/admin/pages/search/?q=Bus+Sekolah")
    expect(intruder.locator("main")).not_to_contain_text("Uji Coba Bus Sekolah Gratis")
