"""Kominfo's monitoring dashboard and one OPD drill-down, in a real browser (axe-core clean)."""

from playwright.sync_api import expect

from balai.pemantauan.services import compute_scorecards
from balai.pemantauan.tests.helpers import make_complete, publish_news
from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, admin_login, axe_violations, screenshot


def test_dashboard_and_drilldown(live, new_page, kominfo, opd_a, opd_b):
    make_complete(opd_a)
    for month in range(6):
        publish_news(opd_a, f"Kabar {month}", days_ago=month * 30 + 1)
    publish_news(opd_b, "Kabar usang", days_ago=120)
    compute_scorecards()
    live.sync_ports()

    page = new_page(DESKTOP)
    admin_login(page, live.url, "kominfo", DEMO_PASSWORD)
    page.goto(f"{live.url}/admin/pemantauan/")
    expect(page.get_by_test_id("zone-merah")).to_have_text("1")
    expect(page.get_by_test_id("ranking")).to_contain_text("Dinas Alfa")
    screenshot(page, "pemantauan-dashboard")
    assert axe_violations(page) == []

    page.get_by_test_id("ranking").get_by_role("link", name="Dinas Beta").click()
    expect(page.get_by_test_id("pemantauan-opd")).to_contain_text("Tiga hal yang perlu diperbaiki")
    expect(page.locator("[data-indicator=days_since_publication]")).to_contain_text("120 hari")
    screenshot(page, "pemantauan-opd-beta")
    assert axe_violations(page) == []
