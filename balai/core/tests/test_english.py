"""English is the second interface language: chosen by the visitor, never by the browser.

These tests need the compiled catalogue (``make messages`` / ``compilemessages``).
"""

from __future__ import annotations

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


@pytest.fixture
def inactive_opd(make_opd):
    opd = make_opd("alfa", name="Dinas Alfa", short_name="Alfa")
    opd.is_active = False
    opd.save()
    return opd


def test_default_stays_indonesian_even_for_an_english_browser(client, inactive_opd):
    response = client.get(
        "/", HTTP_HOST=inactive_opd.hostname, HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9"
    )
    html = response.content.decode()
    assert response.status_code == 503
    assert "Situs sedang tidak aktif" in html
    assert "Site currently inactive" not in html
    assert response.headers["Content-Language"] == "id-id"


def test_choosing_english_via_setlang_shows_english_notice(client, inactive_opd, portal_host):
    # The inactive site answers every path with the notice, so the choice is made on the portal.
    response = client.post("/i18n/setlang/", {"language": "en", "next": "/"}, HTTP_HOST=portal_host)
    assert response.status_code == 302
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"

    response = client.get("/", HTTP_HOST=inactive_opd.hostname)
    html = response.content.decode()
    assert response.status_code == 503
    assert response.headers["Content-Language"] == "en"
    assert "Site currently inactive" in html
    assert "site is temporarily unavailable" in html
    assert "Situs sedang tidak aktif" not in html


def test_english_cookie_translates_the_404_page(client, portal, portal_host):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/tidak-ada-halaman-ini/", HTTP_HOST=portal_host)
    html = response.content.decode()
    assert response.status_code == 404
    assert "Page not found" in html
    assert "Halaman tidak ditemukan" not in html

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id-id"
    html = client.get("/tidak-ada-halaman-ini/", HTTP_HOST=portal_host).content.decode()
    assert "Halaman tidak ditemukan" in html


def test_language_choice_cookie_covers_every_opd_subdomain():
    """With a real portal domain the language cookie is set for <slug>.<domain> as well."""
    import os
    import subprocess
    import sys

    env = {**os.environ, "BALAI_PORTAL_DOMAIN": "kotacontoh.go.id", "SECRET_KEY": "x"}
    code = "import balai.settings.base as s; print(s.LANGUAGE_COOKIE_DOMAIN)"
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ".kotacontoh.go.id"


def test_english_cookie_translates_the_app_pages(client, portal, portal_host):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    pages = {
        "/aspirasi/kirim/": ("Send feedback or a complaint", "Mobile number"),
        "/aspirasi/": ("Public feedback", "Track feedback"),
        "/ppid/permohonan/": ("Public Information Request", "Details of the information needed"),
        "/ppid/lacak/": ("Track an Information Request",),
    }
    indonesian = ("Kirim aspirasi", "Aspirasi masyarakat", "Permohonan Informasi Publik", "Lacak")
    for path, english in pages.items():
        response = client.get(path, HTTP_HOST=portal_host)
        html = response.content.decode()
        assert response.status_code == 200, path
        assert response.headers["Content-Language"] == "en"
        for text in english:
            assert text in html, (path, text)
        for text in indonesian:
            assert f">{text}<" not in html, (path, text)

    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "id-id"
    html = client.get("/ppid/permohonan/", HTTP_HOST=portal_host).content.decode()
    assert "Permohonan Informasi Publik" in html
    assert "Public Information Request" not in html


def test_english_cookie_translates_form_errors(client, portal, portal_host):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    page = client.get("/aspirasi/kirim/", HTTP_HOST=portal_host)
    token = page.context["form"]["form_token"].value()
    data = {"form_token": token, "text": "Jalan berlubang di depan SD 3", "phone": "12ab"}
    response = client.post("/aspirasi/kirim/", data, HTTP_HOST=portal_host)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Invalid mobile number." in html
    assert "Nomor ponsel tidak valid." not in html
