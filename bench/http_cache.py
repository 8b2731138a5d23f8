"""Bench of anonymous public pages over HTTP (issue 11): cache miss, Balai cache hit, nginx hit.

    make bench                                   # PostgreSQL database balai_bench, Redis db 1
    BENCH_DATABASE_URL=postgres://… BENCH_SECONDS=10 .venv/bin/python bench/http_cache.py

Builds the bench city once (``load_bench_city``: BENCH_OPDS OPDs, BENCH_NEWS news, default 60 and
20,000), then for portal home, OPD home, a news article, the layanan directory and a search runs
``wrk -t2 -c10`` (Debian package ``wrk``) for BENCH_SECONDS each against:

1. gunicorn (BENCH_WORKERS sync workers, production settings) with Balai's page cache off: a
   cache miss (what each process remembers per content generation — site, routing, lists,
   fragments — still kept, as after a publish once the first page is rebuilt);
2. gunicorn with the page cache on (Redis): a Balai cache hit;
3. Debian's nginx with ``deploy/nginx.conf`` in front of (2): an nginx micro-cache hit.

Prints requests per second and p50/p99 latency and appends a dated row per page to
bench/RESULTS.md with the load average (figures on a shared, busy machine are lower).
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["DJANGO_SETTINGS_MODULE"] = "balai.settings.test"
os.environ["DATABASE_URL"] = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/balai_bench"
)
os.environ.setdefault("MEDIA_ROOT", str(ROOT / "var" / "bench-media"))
os.environ.setdefault("BALAI_PORTAL_DOMAIN", "localhost")
os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/1")
os.environ["CACHE_KEY_PREFIX"] = f"bench-{os.getpid()}"
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402

from balai.core.tests import servers  # noqa: E402

OPDS = int(os.environ.get("BENCH_OPDS", "60"))
NEWS = int(os.environ.get("BENCH_NEWS", "20000"))
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
WORKERS = int(os.environ.get("BENCH_WORKERS", "3"))
CONNECTIONS = int(os.environ.get("BENCH_CONNECTIONS", "10"))
RESULTS = ROOT / "bench" / "RESULTS.md"


def build() -> None:
    from balai.content.models import BeritaPage
    from balai.opd.models import OPD

    call_command("migrate", verbosity=0)
    if OPD.objects.count() >= OPDS and BeritaPage.objects.count() >= NEWS:
        return
    started = time.perf_counter()
    call_command("load_bench_city", opds=OPDS, news=NEWS, documents=0, stdout=sys.stderr)
    print(f"bench city loaded in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def pages() -> list[tuple[str, str, str]]:
    from balai.content.models import BeritaPage
    from balai.opd.models import OPD

    opd = OPD.objects.get(slug="dinkes")
    home = opd.site.root_page
    news = BeritaPage.objects.live().descendant_of(home).order_by("-date").first()
    portal = settings.BALAI_PORTAL_DOMAIN
    return [
        ("portal home", portal, "/"),
        ("OPD home (dinkes)", opd.hostname, "/"),
        ("news article", opd.hostname, news.url_path[len(home.url_path) - 1 :]),
        ("layanan directory", portal, "/layanan/"),
        ("search ?q=imunisasi", portal, "/cari/?q=imunisasi"),
    ]


def wrk(base: str, host: str, path: str) -> tuple[float, str, str]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{CONNECTIONS}", f"-d{SECONDS}s", "--timeout", "30s", "--latency",
         "-H", f"Host: {host}",
         f"{base}{path}"],
        capture_output=True, text=True, check=True, timeout=SECONDS + 120,
    ).stdout  # fmt: skip
    if errors := re.search(r"Non-2xx or 3xx responses: (\d+)", out):
        raise SystemExit(f"{host}{path}: {errors.group(1)} failed responses under load")
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    p50 = re.search(r"^\s*50%\s+(\S+)", out, re.M).group(1)
    p99 = re.search(r"^\s*99%\s+(\S+)", out, re.M).group(1)
    return rate, p50, p99


def warm(base: str, host: str, path: str) -> None:
    import requests

    for _ in range(2 * WORKERS):
        requests.get(f"{base}{path}", headers={"Host": host}, timeout=60)


def main() -> None:
    if not shutil.which("wrk"):
        raise SystemExit("wrk is not installed: scripts/system-deps.sh bench")
    build()
    targets = pages()
    env = servers.production_env(ROOT / "var" / "bench-static")
    results: dict[str, dict[str, tuple[float, str, str]]] = {label: {} for label, *_ in targets}
    with tempfile.TemporaryDirectory() as tmp, ExitStack() as stack:
        miss_port, hit_port = servers.free_port(), None
        miss = stack.enter_context(
            servers.app_server(miss_port, {**env, "BALAI_PAGE_CACHE": "0"}, WORKERS)
        )
        for label, host, path in targets:
            warm(miss, host, path)
            results[label]["miss"] = wrk(miss, host, path)
        stack.close()
        hit_port = servers.free_port()
        hit = stack.enter_context(
            servers.app_server(hit_port, {**env, "BALAI_PAGE_CACHE": "1"}, WORKERS)
        )
        for label, host, path in targets:
            warm(hit, host, path)
            results[label]["balai hit"] = wrk(hit, host, path)
        if shutil.which("nginx") or Path(servers.NGINX).exists():
            web_port = servers.free_port()
            workdir = Path(tmp)
            conf = servers.local_nginx_conf(workdir, web_port, hit_port, workdir / "static")
            web = stack.enter_context(servers.nginx(conf, web_port))
            for label, host, path in targets:
                warm(web, host, path)
                results[label]["nginx hit"] = wrk(web, host, path)
    report(results)


def report(results) -> None:
    load = os.getloadavg()[0]
    modes = ["miss", "balai hit", "nginx hit"]
    print(f"wrk -t2 -c{CONNECTIONS} -d{SECONDS}s, {WORKERS} gunicorn workers, load {load:.1f}")
    print(f"{'page':22}" + "".join(f"{m:>30}" for m in modes))
    for label, row in results.items():
        cells = [
            f"{row[m][0]:9.0f} req/s {row[m][1]:>6}/{row[m][2]:>6}" if m in row else "n/a"
            for m in modes
        ]
        print(f"{label:22}" + "".join(f"{c:>30}" for c in cells))
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True, text=True
    ).stdout.strip()
    if not RESULTS.exists():
        RESULTS.write_text(
            "# Bench results (`make bench`, bench/http_cache.py)\n\n"
            "req/s and p50/p99 under `wrk -t2 -c10`; one row per page and run.\n\n"
            "| date (UTC) | commit | load | OPDs/news | page | miss | Balai hit | nginx hit |\n"
            "|---|---|---|---|---|---|---|---|\n"
        )
    stamp = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M")
    with RESULTS.open("a") as out:
        for label, row in results.items():
            cells = [
                f"{row[m][0]:.0f} ({row[m][1]}/{row[m][2]})" if m in row else "n/a" for m in modes
            ]
            out.write(
                f"| {stamp} | {commit} | {load:.1f} | {OPDS}/{NEWS} | {label} | "
                + " | ".join(cells)
                + " |\n"
            )
    print(f"appended to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
