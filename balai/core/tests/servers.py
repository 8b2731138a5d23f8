"""Real servers for the speed tests and the bench: gunicorn processes and Debian's nginx running
``deploy/nginx.conf`` (its ports and paths rewritten for a loopback run)."""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[3]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"


def free_port() -> int:
    """A free loopback port: one the system picks (parallel test workers never get the same one),
    or the first free one in BALAI_TEST_PORTS=low-high when a range is given."""
    if spec := os.environ.get("BALAI_TEST_PORTS"):
        low, high = (int(p) for p in spec.split("-"))
        candidates = range(low, high + 1)
    else:
        candidates = range(0, 1)
    for port in candidates:
        with socket.socket() as sock:
            try:
                sock.bind(("127.0.0.1", port))
            except OSError:
                continue
            return sock.getsockname()[1]
    raise RuntimeError(f"no free port in {os.environ.get('BALAI_TEST_PORTS')}")


def wait_until_up(url: str, host: str, seconds: float = 90) -> None:
    """Until ``url`` answers (gunicorn accepts connections before its worker has loaded Django)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            requests.get(url, headers={"Host": host}, timeout=seconds)
            return
        except requests.RequestException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def production_env(static_root: Path) -> dict[str, str]:
    """Environment for gunicorn on the production settings (``balai.settings.base``, as
    balai/wsgi.py uses them) rather than the test settings a bench loads: static files collected
    into ``static_root`` (done here), no finders or autorefresh, DEBUG off, plain HTTP."""
    env = {
        "DJANGO_SETTINGS_MODULE": "balai.settings.base",
        "DEBUG": "0",
        "SECRET_KEY": "bench-only-not-secret",
        "BALAI_HTTPS": "0",
        "BALAI_SERVE_MEDIA": "1",
        "STATIC_ROOT": str(static_root),
    }
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env={**os.environ, **env}, check=True,
    )  # fmt: skip
    return env


@contextmanager
def app_server(port: int, env: dict[str, str], workers: int = 1) -> Iterator[str]:
    """gunicorn serving Balai on 127.0.0.1:port; yields its base URL."""
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "balai.wsgi:application",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(workers),
        "--log-level",
        "warning",
    ]
    process = subprocess.Popen(command, cwd=ROOT, env={**os.environ, **env})
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/healthz", "localhost")
        yield base
    finally:
        stop(process)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def local_nginx_conf(workdir: Path, listen_port: int, app_port: int, static_root: Path) -> Path:
    """``deploy/nginx.conf`` for a loopback run: plain HTTP on ``listen_port``, the app on
    ``app_port``, cache and temporary files in ``workdir``, any host name accepted."""
    site = (ROOT / "deploy" / "nginx.conf").read_text()

    def sub(pattern: str, replacement: str, text: str, flags: int = 0) -> str:
        new, n = re.subn(pattern, replacement, text, flags=flags)
        assert n, f"deploy/nginx.conf no longer has {pattern!r}"
        return new

    site = sub(r"server 127\.0\.0\.1:\d+;", f"server 127.0.0.1:{app_port};", site)
    site = sub(r"/var/cache/nginx/balai", str(workdir / "cache"), site)
    # Drop the port-80 redirect server; the HTTPS server listens in plain HTTP on loopback.
    site = sub(r"server \{\n    listen 80;.*?\n\}\n", "", site, re.S)
    site = sub(r"listen 443 ssl;\n\s*http2 on;", f"listen 127.0.0.1:{listen_port};", site)
    site = sub(r"\n\s*ssl_certificate[^\n]*", "", site)
    site = sub(r"server_name [^;]+;", "server_name _;", site)
    site = sub(r"/srv/balai/static/", f"{static_root}/", site)
    site = sub(r"/srv/balai/media/", f"{workdir}/media/", site)
    (workdir / "site.conf").write_text(site)
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = f"""{user}worker_processes 1;
daemon off;
pid {workdir}/nginx.pid;
error_log {workdir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {workdir}/body;
    proxy_temp_path {workdir}/proxy;
    fastcgi_temp_path {workdir}/fastcgi;
    uwsgi_temp_path {workdir}/uwsgi;
    scgi_temp_path {workdir}/scgi;
    include {workdir}/site.conf;
}}
"""
    conf = workdir / "nginx.conf"
    conf.write_text(main)
    return conf


@contextmanager
def nginx(conf: Path, port: int) -> Iterator[str]:
    subprocess.run([NGINX, "-t", "-q", "-c", str(conf)], check=True)
    process = subprocess.Popen([NGINX, "-c", str(conf)])
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(f"{base}/healthz", "localhost", seconds=10)
        yield base
    finally:
        stop(process)
