"""The admin works under its Content-Security-Policy: the page editor (with its date picker and
inline panels), an image chooser and the explorer raise no CSP violation."""

from __future__ import annotations

from playwright.sync_api import expect

from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, admin_login


def test_editor_chooser_and_explorer_run_under_the_csp(live, new_page, operator_a, opd_a):
    live.sync_ports()
    page = new_page(DESKTOP)
    violations: list[str] = []
    page.on(
        "console",
        lambda m: (
            violations.append(m.text)
            if m.type == "error" and ("Content Security Policy" in m.text or "Refused to" in m.text)
            else None
        ),
    )
    page.add_init_script(
        "document.addEventListener('securitypolicyviolation', e => "
        "console.error('Content Security Policy: ' + e.violatedDirective + ' ' + e.blockedURI));"
    )
    admin_login(page, live.url, operator_a.username, DEMO_PASSWORD)
    response = page.goto(f"{live.url}/admin/")
    assert "object-src 'none'" in response.headers["content-security-policy"]

    # The editor of a news item: rich text, date/time pickers, inline panels.
    from wagtail.models import Page

    berita = Page.objects.get(url_path=f"/{opd_a.slug}/berita/")
    page.goto(f"{live.url}/admin/pages/add/content/beritapage/{berita.pk}/")
    page.fill("#id_title", "Uji CSP")
    page.locator("input[id$=date], input[id*=tanggal], input[id*=go_live_at]").first.click()
    # An image chooser modal.
    page.locator("button.chooser__choose-button").first.click()
    expect(page.locator(".modal").first).to_be_visible()
    page.wait_for_timeout(500)
    page.keyboard.press("Escape")
    # The explorer, and its side menu.
    page.goto(f"{live.url}/admin/pages/{opd_a.root_page.pk}/")
    expect(page.locator("main")).to_contain_text("Berita")
    page.wait_for_timeout(500)
    assert violations == [], violations
