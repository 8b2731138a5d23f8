"""Production start-up as written (issue 12, point 11): the README's "First run" steps, run on an
empty PostgreSQL database with DEBUG off, give gunicorn an admin that logs the Kominfo account in;
a web process started without collected static files refuses to start, with the reason."""

from __future__ import annotations

import base64
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.conf import settings
from django_otp.oath import totp

from balai.core.tests import servers
from balai.core.tests.scratch_db import scratch_postgres

pytestmark = pytest.mark.postgres
DOMAIN = "kotacontoh.go.id"
USERNAME, PASSWORD = "kominfo", "Kominfo-Uji-2026!"
# Settings the test must not inherit from the shell that runs the suite.
INHERITED = ("DJANGO_", "PYTEST_", "BALAI_", "DEBUG", "SECRET_KEY", "DATABASE_URL", "REDIS_URL",
             "STATIC_ROOT", "MEDIA_ROOT", "TASKS_BACKEND", "S3_", "EMAIL_")  # fmt: skip


def first_run_steps() -> list[list[str]]:
    """The ``manage.py …`` lines of the README's "First run" block, as written there."""
    readme = (Path(settings.BASE_DIR) / "README.md").read_text(encoding="utf-8")
    section = readme.split("**First run**", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S).group(1)
    return [line.split() for line in block.splitlines() if line.strip().startswith("manage.py")]


@pytest.fixture
def empty_database():
    url, drop = scratch_postgres("firstrun")
    yield url
    drop()


def cookies(response: httpx.Response, jar: dict) -> dict:
    """Keep the cookies by hand: they are Secure (HTTPS behind nginx), the test speaks HTTP."""
    for header in response.headers.get_list("set-cookie"):
        name, _, value = header.split(";", 1)[0].partition("=")
        jar[name.strip()] = value.strip()
    return jar


def test_readme_first_run_gives_a_working_admin_with_debug_off(empty_database, tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith(INHERITED)}
    env.update(
        DEBUG="0",
        SECRET_KEY="first-run-" + "x" * 40,
        DATABASE_URL=empty_database,
        BALAI_PORTAL_DOMAIN=DOMAIN,
        STATIC_ROOT=str(tmp_path / "static"),
        MEDIA_ROOT=str(tmp_path / "media"),
        BALAI_VAR_DIR=str(tmp_path / "var"),
        DJANGO_SUPERUSER_USERNAME=USERNAME,
        DJANGO_SUPERUSER_EMAIL="kominfo@kotacontoh.go.id",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
    )

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, *args],
            cwd=settings.BASE_DIR,
            env=env,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )

    # Before collectstatic the web process refuses to start, and says what to do.
    refused = run("-c", "import balai.wsgi")
    assert refused.returncode != 0
    assert "manage.py collectstatic --noinput" in refused.stderr

    steps = first_run_steps()
    assert [step[1] for step in steps] == [
        "migrate",
        "collectstatic",
        "setup_portal",
        "createsuperuser",
    ]
    for step in steps:
        if step[1] == "createsuperuser":
            step = [*step, "--noinput"]  # the README's scripted form (DJANGO_SUPERUSER_*)
        result = run(*step)
        assert result.returncode == 0, f"{' '.join(step)}:\n{result.stderr}"

    port = servers.free_port()
    log = (tmp_path / "gunicorn.log").open("w")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "balai.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "1",
            "--timeout",
            "60",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    # nginx in front: the portal's host name, HTTPS terminated there (deploy/nginx.conf).
    proxy = {"Host": DOMAIN, "X-Forwarded-Proto": "https"}
    try:
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", headers=proxy, timeout=20) as web:
            deadline = time.monotonic() + 60
            while True:
                assert server.poll() is None, (tmp_path / "gunicorn.log").read_text()
                try:
                    if web.get("/healthz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                assert time.monotonic() < deadline, "gunicorn did not answer /healthz"
                time.sleep(0.3)

            login = web.get("/admin/login/")
            assert login.status_code == 200
            # gunicorn names itself but not its version; the admin carries its CSP.
            assert not re.search(r"\d", login.headers.get("server", "")), login.headers["server"]
            assert "object-src 'none'" in login.headers["content-security-policy"]
            html = login.text
            stylesheet = re.search(r'href="(/static/[^"]+\.[0-9a-f]{12}\.css)"', html).group(1)
            assert web.get(stylesheet).status_code == 200  # hashed names, served by WhiteNoise

            jar = cookies(login, {})
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
            origin = {"Origin": f"https://{DOMAIN}", "Referer": f"https://{DOMAIN}/admin/login/"}
            signed_in = web.post(
                "/admin/login/",
                data={
                    "username": USERNAME,
                    "password": PASSWORD,
                    "csrfmiddlewaretoken": token,
                    "next": "/admin/",
                },
                headers={**origin, "Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())},
            )
            assert signed_in.status_code == 302, signed_in.text[:2000]
            assert signed_in.headers["location"] == "/admin/"
            jar = cookies(signed_in, jar)

            def cookie() -> dict:
                return {"Cookie": "; ".join(f"{k}={v}" for k, v in jar.items())}

            # Kominfo's first sign-in: the second factor must be set up before the dashboard.
            held = web.get("/admin/", headers=cookie())
            assert held.status_code == 302 and held.headers["location"].startswith(
                "/admin/2fa/aktifkan/"
            )
            enrol = web.get(held.headers["location"], headers=cookie())
            assert enrol.status_code == 200 and "<svg" in enrol.text  # the QR code
            jar = cookies(enrol, jar)
            secret = re.search(r'class="balai-2fa__secret">([A-Z2-7]+)<', enrol.text).group(1)
            code = f"{totp(base64.b32decode(secret)):06d}"
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', enrol.text).group(1)
            enrolled = web.post(
                "/admin/2fa/aktifkan/",
                data={"token": code, "csrfmiddlewaretoken": token, "next": "/admin/"},
                headers={**origin, **cookie(), "Referer": f"https://{DOMAIN}/admin/2fa/aktifkan/"},
            )
            assert enrolled.status_code == 200 and "Kode pemulihan" in enrolled.text, enrolled.text
            jar = cookies(enrolled, jar)
            dashboard = web.get("/admin/", headers=cookie())
            assert dashboard.status_code == 200
            assert "Balai Kota Contoh" in dashboard.text  # WAGTAIL_SITE_NAME on the dashboard
            assert 'name="password"' not in dashboard.text  # the dashboard, not the login form
    finally:
        server.terminate()
        server.wait(timeout=30)
        log.close()
