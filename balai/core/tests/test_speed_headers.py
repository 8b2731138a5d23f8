"""Anonymous public pages are cacheable by any shared cache; personal pages never are (issue 11).

Over HTTP with the test client: no cookie, no ``Vary: Cookie``, ``public`` with ``s-maxage`` and
``stale-while-revalidate``, ``ETag``/``Last-Modified`` and 304s — and ``private, no-store`` for
forms, tracking pages, the admin and anything seen logged in.
"""

from __future__ import annotations

import pytest
from django.conf import settings
from django.utils.cache import get_max_age

from balai.core.tests.speed_city import build, public_pages
from conftest import otp_verify

pytestmark = pytest.mark.django_db


@pytest.fixture
def city(opd_a, portal_host):
    return build(opd_a, portal_host)


def cache_control(response) -> set[str]:
    return {part.strip() for part in response.get("Cache-Control", "").split(",") if part.strip()}


def assert_public(response, name):
    assert response.status_code == 200, name
    assert not response.cookies, (name, response.cookies)
    assert "cookie" not in response.get("Vary", "").lower(), (name, response["Vary"])
    cc = cache_control(response)
    assert "public" in cc, (name, cc)
    assert f"s-maxage={settings.BALAI_CACHE_S_MAXAGE}" in cc, (name, cc)
    assert f"stale-while-revalidate={settings.BALAI_CACHE_STALE_SECONDS}" in cc, (name, cc)
    assert get_max_age(response) == 0, name  # browsers revalidate: fresh after a publish
    assert response.has_header("ETag") and response.has_header("Last-Modified"), name


def assert_private(response, name):
    cc = cache_control(response)
    assert "private" in cc and "no-store" in cc, (name, cc)
    assert "public" not in cc and not any(p.startswith("s-maxage") for p in cc), (name, cc)


def test_every_public_page_kind_is_cacheable_and_answers_304(client, city):
    for name, (host, path) in public_pages(city).items():
        response = client.get(path, HTTP_HOST=host)
        assert_public(response, name)
        again = client.get(path, HTTP_HOST=host, HTTP_IF_NONE_MATCH=response["ETag"])
        assert again.status_code == 304, name
        assert again.content == b"", name
        since = client.get(path, HTTP_HOST=host, HTTP_IF_MODIFIED_SINCE=response["Last-Modified"])
        assert since.status_code == 304, name
    assert not client.cookies  # nothing was ever handed to the anonymous reader


def test_language_is_chosen_by_a_plain_link_without_csrf(client, city):
    home = client.get("/", HTTP_HOST=city.opd.hostname)
    html = home.content.decode()
    assert "csrfmiddlewaretoken" not in html
    assert 'href="/bahasa/en/?next=/"' in html
    assert 'href="/bahasa/id-id/?next=/"' in html

    path = city.news_path
    response = client.get(f"/bahasa/en/?next={path}", HTTP_HOST=city.opd.hostname)
    assert response.status_code == 302 and response["Location"] == path
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert_private(response, "language switch")
    english = client.get(path, HTTP_HOST=city.opd.hostname)
    assert english["Content-Language"] == "en"
    # A shared cache keys on no cookie: the English copy stays with this reader.
    assert "private" in cache_control(english) and "public" not in cache_control(english)

    back = client.get(f"/bahasa/id-id/?next={path}", HTTP_HOST=city.opd.hostname)
    assert back.status_code == 302
    indonesian = client.get(path, HTTP_HOST=city.opd.hostname)
    assert indonesian["Content-Language"] == "id-id"
    assert "public" in cache_control(indonesian)


def test_language_link_refuses_foreign_redirects_and_unknown_languages(client, city):
    response = client.get("/bahasa/en/?next=https://jahat.example/", HTTP_HOST=city.portal_host)
    assert response["Location"] == "/"
    response = client.get("/bahasa/xx/?next=/", HTTP_HOST=city.portal_host)
    assert response.status_code == 302 and settings.LANGUAGE_COOKIE_NAME not in response.cookies


def test_forms_tracking_pages_and_the_admin_are_private(client, city, make_user):
    from balai.aspirasi import services as aspirasi
    from balai.aspirasi.models import Ticket
    from balai.ppid import services as ppid

    ticket = aspirasi.create_ticket(channel=Ticket.Channel.WEB, text="Jalan rusak", phone="")
    data = ppid.DataPemohon(
        nama="Siti",
        nik="3201010101010001",
        alamat="Jl. Mawar 1",
        rincian="Data gizi",
        tujuan="Penelitian",
        cara_memperoleh="melihat",
        cara_mendapatkan="email",
        email="siti@example.id",
    )
    permohonan = ppid.submit_request(data, opd=city.opd, notify=False)
    opd, portal = city.opd.hostname, city.portal_host
    pages = {
        "aspirasi form": (portal, "/aspirasi/kirim/"),
        "aspirasi tracking": (portal, ticket.tracking_path()),
        "aspirasi lookup": (portal, f"/aspirasi/lacak/?nomor={ticket.number}&kode=salah"),
        "PPID form": (opd, "/ppid/permohonan/"),
        "PPID tracking": (opd, f"/ppid/lacak/{permohonan.token}/"),
        "PPID lookup": (opd, f"/ppid/lacak/?nomor={permohonan.nomor}"),
        "SKM form": (opd, "/layanan/ktp-el/survei/"),
        "admin login": (portal, "/admin/login/"),
    }
    for name, (host, path) in pages.items():
        response = client.get(path, HTTP_HOST=host)
        assert response.status_code == 200, (name, response.status_code)
        assert_private(response, name)

    editor = make_user("editor")
    client.force_login(editor, backend="django.contrib.auth.backends.ModelBackend")
    otp_verify(client, editor)
    for name, (host, path) in public_pages(city).items():
        assert_private(client.get(path, HTTP_HOST=host), f"{name}, logged in")
    assert_private(client.get("/admin/", HTTP_HOST=portal), "admin")


def test_a_form_page_without_its_decorator_is_still_private(client, city, rf):
    """Safety net: any page that hands out a CSRF cookie is private, decorated or not."""
    from django.http import HttpResponse
    from django.middleware.csrf import get_token

    from balai.core.pagecache import PublicCacheMiddleware

    def view(request):
        return HttpResponse(f"<input value='{get_token(request)}'>")

    from django.middleware.csrf import CsrfViewMiddleware

    stack = PublicCacheMiddleware(CsrfViewMiddleware(view))
    response = stack(rf.get("/formulir/", HTTP_HOST=city.portal_host))
    assert response.cookies
    assert_private(response, "undecorated form")
