"""The admin in Chromium, role by role, with no English on screen.

An OPD operator on a phone logs in, writes and publishes a news item with a photo, edits it, and
opens documents, images, history, reports, account and the Balai apps; an operator whose OPD
requires approval submits, its admin approves and publishes; a PPID officer opens the PPID desk;
Kominfo opens the city-wide screens. Every screen is checked for English (visible text,
placeholders, labels, tooltips, tab title) and all findings are reported together at the end.
Screenshots of the login, dashboard, explorer and editor at 390 and 1280 px are kept in
test-artifacts/screenshots/.
"""

from __future__ import annotations

import io
import re

from playwright.sync_api import expect

from conftest import DEMO_PASSWORD
from tests.browser.admin_language import visible_english
from tests.browser.conftest import DESKTOP, screenshot, second_factor

PHONE_390 = {"width": 390, "height": 844}


def _jpeg() -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (640, 400), (30, 120, 80)).save(buffer, "JPEG")
    return buffer.getvalue()


class Walk:
    """One role's browser context; collects the English seen on every screen it visits."""

    def __init__(self, new_page, live, viewport, found: dict):
        self.page = new_page(viewport)
        self.live = live
        self.found = found
        self.label = ""

    def look(self, name: str) -> None:
        self.page.wait_for_selector("#wagtail-sidebar:not(.sidebar-loading)", state="attached")
        english = visible_english(self.page)
        if english:
            self.found[f"{self.label} {name} ({self.page.url})"] = english

    def visit(self, path: str, name: str | None = None) -> None:
        response = self.page.goto(f"{self.live.url}{path}")
        assert response.status == 200, f"{path}: {response.status}"
        self.look(name or path)

    def login(self, username: str) -> None:
        self.label = username
        self.page.goto(f"{self.live.url}/admin/login/")
        english = visible_english(self.page)
        if english:
            self.found[f"{username} login"] = english
        self.page.fill("input[name=username]", username)
        self.page.fill("input[name=password]", DEMO_PASSWORD)
        self.page.get_by_role("button", name="Masuk").click()
        second_factor(self.page, self.live.url, username)
        self.page.wait_for_url(f"{self.live.url}/admin/")
        self.look("dashboard")

    def primary_button(self):
        return self.page.locator("nav.actions--primary button").first


def test_every_role_works_in_indonesian(live, new_page, portal, make_opd, make_user, kominfo):
    from balai.content.models import BeritaPage
    from balai.ppid.models import PetugasPPID

    alfa = make_opd("alfa", name="Dinas Alfa", short_name="Alfa")
    gamma = make_opd("gamma", name="Dinas Gamma", short_name="Gamma", requires_approval=True)
    make_user("operator-alfa", alfa)
    make_user("operator-gamma", gamma)
    make_user("admin-gamma", gamma, role="admin")
    officer = make_user("ppid-alfa", alfa)
    PetugasPPID.objects.create(user=officer, opd=alfa, peran=PetugasPPID.Peran.PELAKSANA)
    live.sync_ports()
    found: dict[str, list[str]] = {}

    # --- An operator on a phone publishes a news item with a photo -----------------------
    op = Walk(new_page, live, PHONE_390, found)
    op.page.goto(f"{live.url}/admin/login/")
    screenshot(op.page, "admin-login-390")
    op.login("operator-alfa")
    screenshot(op.page, "admin-dashboard-390")
    op.page.get_by_test_id("tulis-berita").click()
    op.look("editor (new news item)")
    expect(op.primary_button()).to_have_text("Terbitkan")
    expect(op.primary_button()).to_be_in_viewport()  # the action bar stays in view on a phone
    screenshot(op.page, "admin-editor-390")
    op.page.fill("#id_title", "Posyandu Lansia Puskesmas Sukamaju")
    op.page.fill("#id_summary", "Posyandu lansia kini buka setiap Kamis pagi.")
    op.page.get_by_role("button", name="Pilih gambar").click()
    chooser = op.page.locator(".modal-content")
    expect(chooser).to_be_visible()
    op.look("image chooser")
    chooser.get_by_role("tab", name="Unggah").click()
    chooser.locator("#id_image-chooser-upload-file").set_input_files(
        files=[{"name": "posyandu.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    # Wagtail reads the chosen file before the form may be sent (it fills the title from the file
    # name); a person takes that long anyway, the test waits for it.
    expect(chooser.locator("#id_image-chooser-upload-title")).to_have_value("posyandu")
    chooser.locator("#id_image-chooser-upload-description").fill("Petugas menimbang warga")
    op.look("image chooser, upload tab")
    chooser.locator("form button[type=submit]").click()
    expect(chooser).to_be_hidden()
    op.page.fill("#id_featured_image_alt", "Petugas menimbang warga lansia di posyandu")
    op.primary_button().click()
    messages = op.page.locator(".messages")
    expect(messages).to_contain_text("dibuat dan diterbitkan")
    news = BeritaPage.objects.get(title="Posyandu Lansia Puskesmas Sukamaju")
    expect(messages).to_contain_text(f"Sudah tampil untuk publik di {news.full_url}")
    expect(messages).to_contain_text("beranda portal kota dalam beberapa detik")
    assert news.live and news.featured_image is not None
    op.look("explorer after publishing")

    # The explorer is legible at 390 px: titles get most of the width, not a 60 px column.
    title_cell = op.page.locator("td.title", has_text="Posyandu Lansia Puskesmas Sukamaju")
    assert title_cell.bounding_box()["width"] >= 250
    assert op.page.evaluate("document.documentElement.scrollWidth") <= PHONE_390["width"]
    screenshot(op.page, "admin-explorer-390")

    # The citizen's view, then an edit published again.
    op.page.goto(news.full_url)
    expect(op.page.locator("h1")).to_contain_text("Posyandu Lansia Puskesmas Sukamaju")
    op.page.goto(f"{live.url}/admin/pages/{news.pk}/edit/")
    op.look("editor (published news item)")
    op.page.fill("#id_summary", "Posyandu lansia buka setiap Kamis pagi, pukul 08.00 WIB.")
    op.primary_button().click()
    expect(messages).to_contain_text("diterbitkan")
    for path in (
        f"/admin/pages/{news.pk}/history/", "/admin/images/", "/admin/images/multiple/add/",
        "/admin/documents/",
        "/admin/documents/multiple/add/", "/admin/reports/site-history/",
        "/admin/reports/aging-pages/", "/admin/reports/locked/", "/admin/account/",
        "/admin/layanan/", "/admin/aspirasi/", "/admin/ppid/dip/", "/admin/panduan/",
    ):  # fmt: skip
        op.visit(path)

    # --- Where the OPD requires approval: the operator submits, the admin approves --------
    writer = Walk(new_page, live, DESKTOP, found)
    writer.login("operator-gamma")
    writer.page.get_by_test_id("tulis-berita").click()
    expect(writer.primary_button()).to_have_text("Ajukan untuk ditinjau")
    writer.page.fill("#id_title", "Vaksinasi Massal di Balai Kota")
    writer.page.fill("#id_summary", "Vaksinasi gratis untuk warga, Sabtu ini.")
    writer.primary_button().click()
    expect(writer.page.locator(".messages")).to_contain_text("diajukan untuk ditinjau")
    writer.look("explorer after submitting")
    writer.visit("/admin/reports/workflow/")

    reviewer = Walk(new_page, live, DESKTOP, found)
    reviewer.login("admin-gamma")
    submitted = BeritaPage.objects.get(title="Vaksinasi Massal di Balai Kota")
    expect(reviewer.page.locator("main")).to_contain_text("Vaksinasi Massal di Balai Kota")
    reviewer.visit(f"/admin/pages/{submitted.pk}/edit/", "editor (in review)")
    expect(reviewer.primary_button()).to_have_text("Setujui dan terbitkan")
    reviewer.primary_button().click()
    expect(reviewer.page.locator(".messages")).to_contain_text("Vaksinasi Massal di Balai Kota")
    submitted.refresh_from_db()
    assert submitted.live
    for path in (
        f"/admin/pages/{submitted.pk}/workflow_history/", "/admin/reports/workflow_tasks/",
        "/admin/operator/", f"/admin/settings/opd/sitebranding/{gamma.site.pk}/",
    ):  # fmt: skip
        reviewer.visit(path)

    # --- A PPID officer ----------------------------------------------------------------
    ppid = Walk(new_page, live, DESKTOP, found)
    ppid.login("ppid-alfa")
    for path in ("/admin/ppid/", "/admin/ppid/laporan/", "/admin/ppid/dip/"):
        ppid.visit(path)

    # --- Kominfo ---------------------------------------------------------------------
    city = Walk(new_page, live, DESKTOP, found)
    city.page.goto(f"{live.url}/admin/login/")
    screenshot(city.page, "admin-login-1280")
    city.login("kominfo")
    screenshot(city.page, "admin-dashboard-1280")
    city.visit(f"/admin/pages/{news.get_parent().pk}/", "explorer")
    screenshot(city.page, "admin-explorer-1280")
    city.visit(f"/admin/pages/{news.pk}/edit/", "editor")
    expect(city.primary_button()).to_have_text("Terbitkan")
    screenshot(city.page, "admin-editor-1280")
    for path in (
        "/admin/pages/", "/admin/users/", "/admin/groups/", "/admin/sites/", "/admin/collections/",
        "/admin/redirects/", "/admin/workflows/list/", "/admin/workflows/tasks/index/",
        "/admin/settings/opd/pemdasettings/", "/admin/snippets/", "/admin/forms/",
        "/admin/reports/page-types-usage/", "/admin/opd/", "/admin/operator/",
        "/admin/pemantauan/", "/admin/pemantauan/spam/", "/admin/aspirasi/", "/admin/sms/tinjau/",
        "/admin/ppid/",
    ):  # fmt: skip
        city.visit(path)

    report = "\n".join(f"{where}:\n  " + "\n  ".join(items) for where, items in found.items())
    assert not found, f"English on {len(found)} admin screens:\n{report}"
    assert not re.search(r"wagtail", city.page.title(), re.I)
