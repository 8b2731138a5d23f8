"""Bench of the public pages: server time (warm) and first-visit transfer size of the portal.

    /work/main/.venv/bin/python bench/public_pages.py [--opds 60] [--news 20000] [--runs 40]

Uses its own database (DATABASE_URL, default SQLite var/bench.sqlite3) and media folder; loads
the demo city and enlarges it with ``load_bench_city`` on first run. Server time is the time of
one request through the whole Django stack (middleware, view, templates) in-process, without a
network; prints median and p95 of warm runs, and the portal home's first-visit transfer size
(HTML + CSS + JS + above-the-fold images, gzip for text) against the 300 KB budget.
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench.sqlite3'}")
os.environ.setdefault("MEDIA_ROOT", str(ROOT / "var" / "bench-media"))
os.environ.setdefault("BALAI_PORTAL_DOMAIN", "localhost")
os.environ.setdefault("BALAI_SERVE_MEDIA", "1")
# The production settings with only static-file finding switched to "no collectstatic needed".
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.test")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.test import Client  # noqa: E402

BUDGET = 300 * 1024


def timed(client: Client, host: str, path: str, runs: int) -> tuple[float, float, float, int]:
    for _ in range(3):  # warm: renditions, caches, templates
        response = client.get(path, HTTP_HOST=host)
    if response.status_code == 404:
        return (float("nan"), float("nan"), float("nan"), 404)
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(path, HTTP_HOST=host)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    p95 = samples[max(0, int(round(0.95 * len(samples))) - 1)]
    return samples[0], statistics.median(samples), p95, response.status_code


def transfer_size(client: Client, host: str) -> dict:
    html = client.get("/", HTTP_HOST=host).content
    text = html.decode()
    sizes = {"html": len(gzip.compress(html))}
    # Requests the browser makes while rendering: stylesheets, preloads, scripts, images.
    fetched = re.findall(
        r'<link[^>]+rel="(?:stylesheet|preload|modulepreload)"[^>]+href="([^"]+)"', text
    )
    fetched += re.findall(r'<(?:script|img|iframe)[^>]+src="([^"]+)"', text)
    third_party = [u for u in fetched if re.match(r"https?://", u) and "://" + host not in u]
    css = re.findall(r'<link[^>]+rel="stylesheet"[^>]+href="([^"]+)"', text)
    js = re.findall(r'<script[^>]+src="([^"]+)"', text)
    for kind, urls in (("css", css), ("js", js)):
        total = 0
        for url in urls:
            body = (
                b"".join(client.get(url, HTTP_HOST=host).streaming_content)
                if url.startswith(settings.STATIC_URL)
                else b""
            )
            total += len(gzip.compress(body))
        sizes[kind] = total
    # Above the fold: images not lazy-loaded (logo, first card); the smallest srcset candidate,
    # as a 360-px phone picks it.
    img_total = 0
    for tag in re.findall(r"<img[^>]+>", text):
        if 'loading="lazy"' in tag:
            continue
        src = re.search(r'src="([^"]+)"', tag).group(1)
        if src.startswith(settings.MEDIA_URL):
            path = Path(settings.MEDIA_ROOT) / src[len(settings.MEDIA_URL) :]
            img_total += path.stat().st_size if path.exists() else 0
    sizes["images"] = img_total
    sizes["total"] = sum(sizes.values())
    sizes["third_party"] = third_party
    return sizes


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--opds", type=int, default=60)
    parser.add_argument("--news", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    start = time.perf_counter()
    call_command("load_bench_city", opds=args.opds, news=args.news)
    print(f"data ready in {time.perf_counter() - start:.1f} s")

    from balai.content.models import BeritaPage
    from balai.opd.models import OPD

    opd = OPD.objects.get(slug="dinkes")
    news = BeritaPage.objects.live().descendant_of(opd.site.root_page).order_by("-date").first()
    news_path = news.url_path[len(opd.site.root_page.url_path) - 1 :]
    portal = settings.BALAI_PORTAL_DOMAIN
    print(f"OPDs: {OPD.objects.count()}, news: {BeritaPage.objects.count()}")
    print(f"load average: {os.getloadavg()[0]:.1f} (figures are inflated on a busy machine)")
    print(f"{'page':34} {'min ms':>8} {'median ms':>10} {'p95 ms':>8}")
    client = Client()
    for label, host, path in [
        ("portal home", portal, "/"),
        ("OPD home (dinkes)", opd.hostname, "/"),
        ("news page", opd.hostname, news_path),
        ("portal news list", portal, "/berita/"),
        ("OPD directory /opd/", portal, "/opd/"),
        ("search /cari/?q=layanan", portal, "/cari/?q=layanan"),
    ]:
        low, median, p95, status = timed(client, host, path, args.runs)
        if status == 404:
            print(f"{label:34} {'n/a':>8} {'n/a':>10} {'n/a':>8}")
        else:
            print(f"{label:34} {low:8.1f} {median:10.1f} {p95:8.1f}")
    sizes = transfer_size(client, portal)
    kb = {k: v / 1024 for k, v in sizes.items() if k != "third_party"}
    print(
        "portal home first visit: "
        + ", ".join(f"{k} {v:.1f} KB" for k, v in kb.items())
        + f" (budget 300 KB: {'OK' if sizes['total'] <= BUDGET else 'OVER'})"
    )
    print(f"render-blocking third-party requests: {len(sizes['third_party'])}")


if __name__ == "__main__":
    main()
