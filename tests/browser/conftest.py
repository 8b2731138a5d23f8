"""Browser tests: Playwright for Python driving Debian's Chromium against a live server.

Sites answer on ``<slug>.localhost:<port>`` (Chromium resolves ``*.localhost`` to loopback), so
every Wagtail site is pointed at the live server's port before a test starts.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from django.conf import settings as django_settings

# Playwright's sync API keeps an event loop in the test thread; Django's ORM calls from the test
# (fixtures, assertions) are still synchronous and safe there.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("BALAI_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-quic",
    "--no-first-run",
]
ARTIFACTS = Path(django_settings.BASE_DIR) / "test-artifacts"
AXE = Path(django_settings.BASE_DIR) / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            item.add_marker(pytest.mark.django_db(transaction=True, serialized_rollback=True))


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import expect, sync_playwright

    # Assertions wait as long as actions do: on a loaded CI machine an upload that makes
    # renditions can take longer than Playwright's 5 s default (a flaky failure, not a finding).
    expect.set_options(timeout=15_000)

    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live(live_server, settings):
    """The live server, with every site's links pointing at its port."""
    from wagtail.models import Site

    port = int(live_server.url.rsplit(":", 1)[1])
    settings.BALAI_SITE_PORT = port
    Site.objects.update(port=port)
    Site.clear_site_root_paths_cache()

    class Live:
        url = live_server.url

        @staticmethod
        def host(slug: str | None = None) -> str:
            return f"http://{slug + '.' if slug else ''}localhost:{port}"

        @staticmethod
        def sync_ports() -> None:
            Site.objects.update(port=port)
            Site.clear_site_root_paths_cache()

    return Live


@pytest.fixture
def new_page(browser):
    """``new_page(viewport=PHONE)``: a fresh browser context and page (no shared cookies)."""
    contexts = []

    def make(viewport=DESKTOP, locale="id-ID"):
        context = browser.new_context(viewport=viewport, locale=locale)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()


def screenshot(page, name: str) -> Path:
    """Keep a full-page screenshot under test-artifacts/screenshots/ for a person to look at."""
    path = ARTIFACTS / "screenshots" / f"{name}.png"
    path.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(path), full_page=True)
    return path


def axe_violations(page, impacts=("serious", "critical")) -> list[dict]:
    """Run axe-core in the page; return the violations of the given impacts."""
    # Evaluated through the DevTools protocol, so the site's CSP (script-src 'self') stays on
    # and still governs the page's own scripts.
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE.read_text(encoding="utf-8") + "\n;undefined")
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [
        {"id": v["id"], "impact": v["impact"], "help": v["help"],
         "nodes": [n["target"] for n in v["nodes"]][:5]}
        for v in result["violations"]
        if v["impact"] in impacts
    ]  # fmt: skip


def second_factor(page, base_url: str, username: str) -> None:
    """After the password: pass the second-factor screen (when the role has one) with a fresh
    one-time recovery code of the user, as a user without their phone would."""
    page.wait_for_url(re.compile(re.escape(base_url) + r"/admin/(2fa/.*)?(\?.*)?$"))
    if "/admin/2fa/" not in page.url:
        return
    from django.contrib.auth import get_user_model
    from django.utils.crypto import get_random_string
    from django_otp.plugins.otp_static.models import StaticDevice

    user = get_user_model().objects.get(username=username)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="uji", confirmed=True)
    code = device.token_set.create(token=get_random_string(8, "abcdefghjkmnpqrstuvwxyz")).token
    if "/admin/2fa/aktifkan/" in page.url:  # never enrolled: the recovery code now exists
        page.goto(f"{base_url}/admin/2fa/verifikasi/")
    page.fill("input[name=token]", code)
    page.locator("main button[type=submit]").click()
    page.wait_for_url(f"{base_url}/admin/")


def admin_login(page, base_url: str, username: str, password: str) -> None:
    page.goto(f"{base_url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    second_factor(page, base_url, username)
    page.wait_for_url(f"{base_url}/admin/")


def save_admin_form(page) -> None:
    """Press the primary button of a Wagtail admin form (Create / Save)."""
    page.locator("nav.actions--primary button[type=submit]").first.click()
