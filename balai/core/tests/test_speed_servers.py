"""Through real servers (issue 11): two gunicorn processes sharing Redis and PostgreSQL, and
Debian's nginx with ``deploy/nginx.conf`` in front.

Each test commits its data (transactional test) so the servers see it; the test process uses the
same Redis database as the servers, so a publish here bumps the generation they read.
"""

from __future__ import annotations

import os
import re
import time
import uuid
from pathlib import Path

import pytest
import requests
from django.db import connection
from django.test import Client

from balai.content.models import BeritaPage
from balai.content.tests import factories as f
from balai.core.tests import servers
from balai.core.tests.speed_city import build
from conftest import otp_verify

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]
REDIS_URL = os.environ.get("BALAI_TEST_REDIS_URL", "redis://127.0.0.1:6379/1")
FRESH_SECONDS = 5


@pytest.fixture
def server_env(settings):
    """Environment of a Balai process sharing this test's database and (Redis) cache."""
    prefix = f"balai-test-{uuid.uuid4().hex[:8]}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    url = f"postgres://{db['USER']}{password}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
    yield {
        "DJANGO_SETTINGS_MODULE": "balai.settings.test",
        "DATABASE_URL": f"{url}/{db['NAME']}",
        "REDIS_URL": REDIS_URL,
        "CACHE_KEY_PREFIX": prefix,
        "BALAI_PAGE_CACHE": "1",
        "MEDIA_ROOT": str(settings.MEDIA_ROOT),
    }
    from django.core.cache import cache

    cache.clear()


def get(url: str, **kwargs) -> requests.Response:
    return requests.get(url, timeout=30, **kwargs)


def post(url: str, **kwargs) -> requests.Response:
    return requests.post(url, timeout=30, **kwargs)


def draft_news(opd, title: str) -> BeritaPage:
    page = BeritaPage(title=title, summary="Ringkasan.", live=False)
    f.section(opd, "berita").add_child(instance=page)
    page.save_revision()
    return page


def until_fresh(get, expected: str) -> float:
    """Seconds until ``expected`` shows in ``get()``'s page (fails after FRESH_SECONDS)."""
    start = time.monotonic()
    while expected not in get().text:
        assert time.monotonic() - start < FRESH_SECONDS, f"{expected!r} not shown in time"
        time.sleep(0.1)
    return time.monotonic() - start


def test_publish_on_one_process_is_fresh_on_the_other(server_env, opd_a, portal_host, kominfo):
    build(opd_a, portal_host)
    page = draft_news(opd_a, "Siaga banjir Alfa")
    login = Client()
    login.force_login(kominfo, backend="django.contrib.auth.backends.ModelBackend")
    otp_verify(login, kominfo)
    session = requests.Session()
    session.cookies.set("sessionid", login.cookies["sessionid"].value)

    with (
        servers.app_server(servers.free_port(), server_env) as a,
        servers.app_server(servers.free_port(), server_env) as b,
    ):
        home = {"Host": opd_a.hostname}
        assert get(f"{b}/", headers=home).headers["X-Balai-Cache"] == "miss"
        assert get(f"{b}/", headers=home).headers["X-Balai-Cache"] == "hit"
        assert get(f"{a}/", headers=home).headers["X-Balai-Cache"] == "hit"  # shared

        # An editor publishes on process A, through the admin.
        confirm = f"{a}/admin/bulk/wagtailcore/page/publish/?id={page.pk}&next=/admin/"
        form = session.get(confirm, headers={"Host": portal_host}, timeout=30)
        assert form.status_code == 200, form.status_code
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        done = session.post(
            confirm,
            data={"csrfmiddlewaretoken": token},
            headers={"Host": portal_host},
            allow_redirects=False,
            timeout=30,
        )
        assert done.status_code == 302, done.text[:500]

        seconds = until_fresh(lambda: get(f"{b}/", headers=home), "Siaga banjir Alfa")
        portal = {"Host": portal_host}
        until_fresh(lambda: get(f"{b}/", headers=portal), "Siaga banjir Alfa")
        print(f"fresh on the other process after {seconds:.2f} s")


def test_nginx_micro_cache_in_front(server_env, opd_a, portal_host, kominfo, tmp_path):
    from balai.aspirasi import services as aspirasi
    from balai.aspirasi.models import Ticket

    build(opd_a, portal_host)
    ticket = aspirasi.create_ticket(channel=Ticket.Channel.WEB, text="Lampu jalan mati")
    login = Client()
    login.force_login(kominfo, backend="django.contrib.auth.backends.ModelBackend")
    otp_verify(login, kominfo)
    editor = {"sessionid": login.cookies["sessionid"].value}
    workdir = Path(tmp_path) / "nginx"
    workdir.mkdir()
    app_port, web_port = servers.free_port(), None

    with servers.app_server(app_port, server_env):
        web_port = servers.free_port()
        conf = servers.local_nginx_conf(workdir, web_port, app_port, workdir / "static")
        with servers.nginx(conf, web_port) as web:
            home = {"Host": opd_a.hostname}

            def status(path="/", **kwargs):
                response = get(f"{web}{path}", **{"headers": home, **kwargs})
                return response.headers.get("X-Cache-Status")

            assert status() == "MISS"
            assert status() == "HIT"
            # Clicks from social media carry a new id each: the same cached page.
            assert status("/?fbclid=IwAR0pembaca") == "HIT"
            assert status("/?utm_source=facebook&utm_medium=social") == "HIT"
            assert status("/?kategori=kesehatan&fbclid=IwAR0") == "MISS"
            first = get(f"{web}/", headers=home)
            assert "Server" not in first.headers or "nginx/" not in first.headers["Server"]
            assert status(cookies=editor) == "BYPASS"
            # POSTs never come from the cache (nginx does not even look one up).
            assert post(f"{web}/", headers=home).headers.get("X-Cache-Status") != "HIT"
            tracking = [status(ticket.tracking_path()) for _ in range(3)]
            assert "HIT" not in tracking, tracking
            assert "STALE" not in tracking and "UPDATING" not in tracking, tracking

            page = draft_news(opd_a, "Jadwal vaksinasi Alfa")
            page.get_latest_revision().publish()
            seconds = until_fresh(lambda: get(f"{web}/", headers=home), "Jadwal vaksinasi Alfa")
            print(f"fresh through nginx after {seconds:.2f} s")
