"""The admin carries the Pemda's name and logo and Balai's own guide, not Wagtail's."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from balai.opd.models import PemdaSettings

pytestmark = pytest.mark.django_db


@pytest.fixture
def pemda(portal):
    settings = PemdaSettings.load()
    settings.name = "Pemerintah Kota Lembah Hijau"
    settings.save()
    return settings


def title_of(html: str) -> str:
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip()


def test_login_page_names_the_pemda_in_indonesian(client, pemda):
    html = client.get(reverse("wagtailadmin_login")).content.decode()
    heading = re.sub(r"<[^>]+>|\s+", " ", re.search(r"<h1>(.*?)</h1>", html, re.S).group(1))
    assert " ".join(heading.split()) == "Masuk ke admin Pemerintah Kota Lembah Hijau"
    assert title_of(html) == "Masuk - Admin Pemerintah Kota Lembah Hijau"
    assert "icon-wagtail" not in html  # Wagtail's bird and wordmark
    for label in ("Nama pengguna", "Kata sandi", "Lupa kata sandi?", "Ingat saya"):
        assert label in html
    for english in (">Password<", "Remember me", "Forgotten password?", "Sign in to Wagtail"):
        assert english not in html


def test_dashboard_links_balais_guide_not_wagtails(client_as, operator_a, pemda):
    html = client_as(operator_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "guide.wagtail.org" not in html
    assert "wagtail.org" not in html  # "What's new in Wagtail" is gone from the help menu
    assert f'href="{reverse("adminui_guide")}"' in html
    assert "Panduan operator" in html
    assert "Pemerintah Kota Lembah Hijau" in html  # the sidebar's branding
    assert "icon-wagtail" not in html
    assert title_of(html).endswith("- Admin Pemerintah Kota Lembah Hijau")


def test_the_guide_explains_publishing_in_indonesian(client_as, operator_a, pemda):
    response = client_as(operator_a).get(reverse("adminui_guide"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Menulis dan menerbitkan berita" in html
    assert "Ajukan untuk ditinjau" in html
    assert "Dinas Komunikasi dan Informatika" in html  # whom to ask


def test_admin_pages_load_balais_css_and_script(client_as, operator_a):
    html = client_as(operator_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "adminui/admin.css" in html
    assert "adminui/admin.js" in html


def test_labels_wagtail_builds_from_field_names_are_indonesian(client_as, kominfo, portal):
    client = client_as(kominfo)
    sites = client.get(reverse("wagtailsites:index")).content.decode()
    assert "Nama situs" in sites and "Halaman akar" in sites
    assert "Site name" not in sites and "Root page" not in sites
    workflow = client.get(reverse("wagtailadmin_workflows:add")).content.decode()
    assert ">Page<" not in workflow and "Page*" not in workflow
