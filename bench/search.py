"""Warm server time of the search page (/cari/?q=layanan) over a sizeable index.

Usage (SQLite by default; PostgreSQL through DATABASE_URL, use a database of its own):

    .venv/bin/python bench/search.py                       # var/bench-search.sqlite3
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_search .venv/bin/python bench/search.py

The first run migrates and generates the volume (BENCH_OPDS OPDs, BENCH_NEWS news items per
OPD; default 60 × 80 = 4,800 news, a third of them about services) and builds the search index
once; later runs reuse it. Then it times BENCH_REQUESTS requests after BENCH_WARMUP warm-up
requests, in-process through Django's full stack (middleware, view, template), and prints the
median and p95 per URL.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.test")
os.environ.setdefault("DATABASE_URL", f"sqlite:///{ROOT / 'var' / 'bench-search.sqlite3'}")
(ROOT / "var").mkdir(exist_ok=True)

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402

OPDS = int(os.environ.get("BENCH_OPDS", "60"))
NEWS_PER_OPD = int(os.environ.get("BENCH_NEWS", "80"))
REQUESTS = int(os.environ.get("BENCH_REQUESTS", "60"))
WARMUP = int(os.environ.get("BENCH_WARMUP", "5"))

SUBJECTS = ["Dinas", "Kecamatan", "Puskesmas", "Kelurahan", "Bidang", "UPT", "Tim"]
ACTS = [
    "meningkatkan pelayanan perizinan bagi warga",
    "membuka layanan keliling di kelurahan",
    "menggelar rapat koordinasi pembangunan",
    "menyalurkan bantuan sosial kepada warga",
    "melaksanakan kerja bakti di lingkungan pasar",
    "menyelenggarakan pelatihan usaha mikro",
    "meresmikan taman bermain anak",
    "memantau harga bahan pokok menjelang hari raya",
    "mengadakan vaksinasi anak sekolah",
]
PLACES = ["Aula Kantor", "Balai Kota", "Kelurahan Sukamaju", "Pasar Raya", "Lapangan Merdeka"]


def sentence(rng: random.Random) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(ACTS)} di {rng.choice(PLACES)}."


def build() -> None:
    from django_tasks_db.models import DBTaskResult

    from balai.content.models import BeritaPage
    from balai.opd.models import OPD
    from balai.opd.provisioning import OPDSpec, provision_opd, provision_portal

    if OPD.objects.count() >= OPDS:
        return
    started = time.perf_counter()
    provision_portal()
    rng = random.Random(2026)
    today = dt.date.today()
    for n in range(OPDS):
        slug = f"opd{n:02d}"
        opd = provision_opd(
            OPDSpec(name=f"Dinas Bench {n:02d}", short_name=f"DB{n:02d}", slug=slug, jenis="dinas")
        ).opd
        index = opd.site.root_page.get_children().get(slug="berita")
        with transaction.atomic():
            for i in range(NEWS_PER_OPD):
                body = " ".join(sentence(rng) for _ in range(6))
                index.add_child(
                    instance=BeritaPage(
                        title=f"{sentence(rng)[:-1]} ({slug}-{i})",
                        slug=f"berita-{i}",
                        summary=sentence(rng),
                        date=today - dt.timedelta(days=rng.randrange(365)),
                        body=[("paragraph", f"<p>{body}</p>")],
                    )
                )
                index.refresh_from_db(fields=["numchild", "path", "depth"])
        print(f"  OPD {n + 1}/{OPDS} ({time.perf_counter() - started:.0f} s)", file=sys.stderr)
    # Each save queued an index task; one bulk rebuild is far cheaper than thousands of tasks.
    DBTaskResult.objects.all().delete()
    call_command("update_index", verbosity=0)
    print(f"Generated in {time.perf_counter() - started:.0f} s", file=sys.stderr)


def timed(client: Client, url: str, host: str) -> list[float]:
    for _ in range(WARMUP):
        assert client.get(url, HTTP_HOST=host).status_code == 200
    times = []
    for _ in range(REQUESTS):
        start = time.perf_counter()
        response = client.get(url, HTTP_HOST=host)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return times


def main() -> None:
    from wagtail.models import Page

    from balai.opd.models import OPD

    call_command("migrate", verbosity=0)
    build()
    # Fresh bulk data: give the planner statistics, as autovacuum does in production.
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    client = Client()
    portal = "localhost"
    opd_host = OPD.objects.get(slug=f"opd{min(7, OPDS - 1):02d}").hostname
    print(
        f"{connection.vendor}: {OPD.objects.count()} OPDs, "
        f"{Page.objects.filter(content_type__model='beritapage').count()} news; "
        f"{REQUESTS} requests after {WARMUP} warm-up"
    )
    for label, url, host in (
        ("portal /cari/?q=layanan", "/cari/?q=layanan", portal),
        ("portal /cari/?q=pelayanan+warga&page=3", "/cari/?q=pelayanan+warga&page=3", portal),
        ("OPD /cari/?q=layanan (OPD scope)", "/cari/?q=layanan", opd_host),
        ("portal /cari/?q=layanan&jenis=berita&tahun=Y",
         f"/cari/?q=layanan&jenis=berita&tahun={dt.date.today().year}", portal),
    ):  # fmt: skip
        times = sorted(timed(client, url, host))
        p95 = times[max(0, int(len(times) * 0.95) - 1)]
        hits = client.get(url, HTTP_HOST=host).content.decode().split(" hasil untuk")[0]
        total = hits.rsplit(">", 1)[-1].strip()
        print(
            f"{label:48s} median {statistics.median(times):7.1f} ms   p95 {p95:7.1f} ms"
            f"   ({total} results)"
        )


if __name__ == "__main__":
    main()
