"""Bench of the search page (/cari/) over a bench city: single requests and 10 connections.

Usage (SQLite by default; PostgreSQL through DATABASE_URL, use a database of its own):

    .venv/bin/python bench/search.py                       # var/bench-search.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search .venv/bin/python bench/search.py

The first run migrates and loads the bench city (``load_bench_city``: the demo city enlarged to
BENCH_OPDS OPDs, BENCH_NEWS news, BENCH_DOCUMENTS documents with their text; default 60 /
20,000 / 2,000), which builds the search index once at the end; later runs reuse it. Then, per
query (common words, word forms, a typo, synonyms, document text, an OPD's scope, filters, a
deep page):

1. server time of single requests in-process through Django's whole stack (BENCH_REQUESTS
   after BENCH_WARMUP), p50 and p95;
2. the same over HTTP against gunicorn (BENCH_WORKERS sync workers on 127.0.0.1:BENCH_PORT),
   one request at a time, p50 and p95;
3. ``wrk`` with BENCH_CONNECTIONS connections for BENCH_SECONDS: requests per second and the
   p50/p99 latency under that load (Debian package ``wrk``: ``scripts/system-deps.sh bench``).

gunicorn runs the production settings with Balai's full-page cache off. Nothing is cached
between requests except what every request shares (compiled templates, the synonym list, the
site, OPDs and fragments each process remembers per content generation): each request runs the
whole search. Aim on
PostgreSQL (issue 14): p95 ≤ 50 ms single, ≥ 100 req/s at 10 connections.
"""

from __future__ import annotations

import datetime as dt
import http.client
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}")
os.environ.setdefault("MEDIA_ROOT", str(ROOT / "var" / "bench-search-media"))
os.environ.setdefault("BALAI_PORTAL_DOMAIN", "localhost")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402

from balai.core.tests import servers  # noqa: E402

OPDS = int(os.environ.get("BENCH_OPDS", "60"))
NEWS = int(os.environ.get("BENCH_NEWS", "20000"))
DOCUMENTS = int(os.environ.get("BENCH_DOCUMENTS", "2000"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))
PORT = int(os.environ.get("BENCH_PORT", "18700"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "4"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))


def build() -> None:
    from wagtail.documents import get_document_model

    from balai.content.models import BeritaPage
    from balai.opd.models import OPD

    if (
        OPD.objects.count() >= OPDS
        and BeritaPage.objects.count() >= NEWS
        and get_document_model().objects.count() >= DOCUMENTS
    ):
        return
    started = time.perf_counter()
    call_command("load_bench_city", opds=OPDS, news=NEWS, documents=DOCUMENTS, stdout=sys.stderr)
    seconds = time.perf_counter() - started
    print(f"Bench city loaded and indexed in {seconds:.0f} s", file=sys.stderr)


def queries() -> list[tuple[str, str, str]]:
    from balai.opd.models import OPD

    opd_host = OPD.objects.order_by("pk")[min(7, OPDS - 1)].hostname
    year = dt.date.today().year
    portal = "localhost"

    def url(**params) -> str:
        return "/cari/?" + urlencode(params)

    return [
        ("layanan (in ~every item)", url(q="layanan"), portal),
        ("pelayanan publik (2 common words)", url(q="pelayanan publik"), portal),
        ("akta kelahiran", url(q="akta kelahiran"), portal),
        ("imunisasi", url(q="imunisasi"), portal),
        ("imunsasi (typo → correction)", url(q="imunsasi"), portal),
        ("e-KTP (synonyms)", url(q="e-KTP"), portal),
        ("izin usaha (word forms)", url(q="izin usaha"), portal),
        ("penyelesaian (document text)", url(q="penyelesaian"), portal),
        ("layanan, OPD host (OPD scope)", url(q="layanan"), opd_host),
        ("layanan, berita, this year", url(q="layanan", jenis="berita", tahun=year), portal),
        ("pelayanan warga, page 5", url(q="pelayanan warga", page=5), portal),
    ]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[max(0, int(round(fraction * len(ordered))) - 1)]


def in_process(client: Client, url: str, host: str) -> tuple[list[float], str]:
    for _ in range(WARMUP):
        response = client.get(url, HTTP_HOST=host)
        assert response.status_code == 200, (url, response.status_code)
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        times.append((time.perf_counter() - start) * 1000)
    body = response.content.decode()
    found = re.search(r"(Lebih dari [\d.]+|[\d.]+) hasil untuk", body)
    return times, (found.group(1).replace("Lebih dari ", ">") if found else "0")


def start_server() -> subprocess.Popen:
    # Production settings, without the full-page cache: every request runs the whole search.
    static = ROOT / "var" / "bench-static"
    env = {**os.environ, **servers.production_env(static), "BALAI_PAGE_CACHE": "0"}
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "balai.wsgi", "--bind", f"127.0.0.1:{PORT}",
         "--workers", str(WORKERS), "--log-level", "warning"],
        cwd=ROOT, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            status = http_get("/cari/?q=layanan", "localhost")[0]
            if status == 200:
                return server
        except OSError:
            time.sleep(0.5)
    server.terminate()
    raise SystemExit(f"gunicorn did not answer on port {PORT}")


def http_get(url: str, host: str) -> tuple[int, float]:
    conn = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    start = time.perf_counter()
    conn.request("GET", url, headers={"Host": host})
    response = conn.getresponse()
    response.read()
    elapsed = (time.perf_counter() - start) * 1000
    conn.close()
    return response.status, elapsed


def over_http(url: str, host: str) -> list[float]:
    for _ in range(WARMUP * WORKERS):  # every worker warm
        http_get(url, host)
    return [http_get(url, host)[1] for _ in range(REQUESTS)]


def under_load(url: str, host: str) -> tuple[float, str, str]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--latency", "-H", f"Host: {host}",
         f"http://127.0.0.1:{PORT}{url}"],
        capture_output=True, text=True, check=True, timeout=SECONDS + 60,
    ).stdout  # fmt: skip
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)  # the latency distribution's
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    if errors:
        raise SystemExit(f"{url}: {errors.group(1)} failed responses under load")
    return rate, p50, p99


def main() -> None:
    from wagtail.documents import get_document_model

    from balai.content.models import BeritaPage
    from balai.opd.models import OPD
    from balai.search.models import SearchEntry

    call_command("migrate", verbosity=0)
    build()
    with connection.cursor() as cursor:  # fresh bulk data: statistics, as autovacuum would
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    print(
        f"{connection.vendor}: {OPD.objects.count()} OPDs, {BeritaPage.objects.count()} news, "
        f"{get_document_model().objects.count()} documents, "
        f"{SearchEntry.objects.count()} index entries"
    )
    client = Client()
    rows = [(label, url, host, *in_process(client, url, host)) for label, url, host in queries()]
    wrk = shutil.which("wrk")
    server = start_server()
    try:
        print(
            f"{'query':36s} {'hits':>7s} | in-process p50  p95 | HTTP p50   p95 | "
            f"{CONNECTIONS} conn: req/s   p50     p99"
        )
        for label, url, host, times, hits in rows:
            single = over_http(url, host)
            load = under_load(url, host) if wrk else (float("nan"), "-", "-")
            print(
                f"{label:36s} {hits:>7s} | {statistics.median(times):7.1f} "
                f"{percentile(times, 0.95):6.1f} | {statistics.median(single):6.1f} "
                f"{percentile(single, 0.95):6.1f} | {load[0]:12.1f} {load[1]:>7s} {load[2]:>7s}"
            )
        if not wrk:
            print("wrk not installed (scripts/system-deps.sh bench): no figures under load")
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)


if __name__ == "__main__":
    main()
