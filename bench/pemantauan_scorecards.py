"""Bench: compute all scorecards for a large city and print the figures.

Run: DATABASE_URL=postgres://... DJANGO_SETTINGS_MODULE=balai.settings.test \
     .venv/bin/python bench/pemantauan_scorecards.py [--opds 60 --news 20000]
It creates a throw-away city in the configured database (use a scratch database).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.test")

import django  # noqa: E402

django.setup()

from django.contrib.contenttypes.models import ContentType  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402
from wagtail.models import Page  # noqa: E402


def make_opds(n: int):
    from balai.opd.models import OPD
    from balai.opd.provisioning import OPDSpec, provision_opd, provision_portal

    provision_portal()
    have = OPD.objects.count()
    for i in range(have, n):
        provision_opd(OPDSpec(name=f"Dinas Bench {i:03d}", short_name=f"B{i:03d}",
                              slug=f"bench{i:03d}", jenis="dinas"))  # fmt: skip
    return list(OPD.objects.provisioned().select_related("site__root_page"))


def bulk_news(opds, total: int) -> int:
    """Insert news pages cheaply: Page rows by bulk_create with treebeard paths computed here,
    then the BeritaPage rows (BalaiPage is abstract) via the low-level insert save() uses."""
    from balai.content.models import BeritaPage

    ct = ContentType.objects.get_for_model(BeritaPage)
    per_opd = total // len(opds)
    now = timezone.now()
    created = 0
    for k, opd in enumerate(opds):
        index = opd.root_page.get_children().get(slug="berita")
        start = index.numchild
        if start >= per_opd:
            continue
        pages = []
        for j in range(start, per_opd):
            when = now - dt.timedelta(days=(j * 7 + k * 3) % 720)
            pages.append(Page(
                title=f"Berita {j} {opd.short_name}", slug=f"berita-{j}", content_type=ct,
                path=Page._get_path(index.path, index.depth + 1, j + 1), depth=index.depth + 1,
                numchild=0, live=True, url_path=f"{index.url_path}berita-{j}/",
                first_published_at=when, last_published_at=when, locale_id=index.locale_id,
                draft_title=f"Berita {j}",
            ))  # fmt: skip
        with transaction.atomic():
            pages = Page.objects.bulk_create(pages, batch_size=1000)
            berita = [BeritaPage(page_ptr_id=p.pk, date=p.first_published_at.date())
                      for p in pages]  # fmt: skip
            BeritaPage._base_manager._insert(berita, fields=BeritaPage._meta.local_concrete_fields)
            Page.objects.filter(pk=index.pk).update(numchild=per_opd)
        created += len(pages)
    return created


def bulk_requests(opds, total: int) -> int:
    """PPID requests over two years, a fifth still open (many past their deadline)."""
    from balai.ppid.models import Permohonan

    if Permohonan.objects.count() >= total:
        return 0
    now = timezone.now()
    rows = []
    for i in range(total):
        received = now - dt.timedelta(days=(i * 13) % 700, hours=i % 9)
        closed = i % 5 != 0
        answered = received + dt.timedelta(days=3 + i % 14) if closed else None
        rows.append(Permohonan(
            opd=opds[i % len(opds)], nomor=f"BENCH/{i:06d}", token=f"bench-{i:06d}",
            nama="Pemohon Bench", nik="1371010000000000", alamat="Jl. Bench", rincian="Data",
            tujuan="Bench", cara_memperoleh="softcopy", cara_mendapatkan="email",
            diterima_pada=received, tenggat=(received + dt.timedelta(days=14)).date(),
            status="selesai" if closed else "diproses", dijawab_pada=answered,
            dijawab_tanggal=answered.date() if answered else None,
        ))  # fmt: skip
    Permohonan.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def bulk_tickets(opds, total: int) -> int:
    """Aspiration tickets over two years, a tenth still open."""
    from balai.aspirasi.models import Ticket

    if Ticket.objects.count() >= total:
        return 0
    now = timezone.now()
    rows = []
    for i in range(total):
        received = now - dt.timedelta(days=(i * 7) % 700, hours=i % 11)
        done = i % 10 != 0
        first = received + dt.timedelta(hours=2 + i % 120) if done else None
        rows.append(Ticket(
            opd=opds[i % len(opds)], number=f"BENCH-{i:06d}", channel="sms" if i % 2 else "web",
            text="Aspirasi bench", received_at=received,
            first_response_due=(received + dt.timedelta(days=4)).date(),
            tenggat=(received + dt.timedelta(days=10)).date(),
            first_response_at=first, answered_at=first, status="selesai" if done else "baru",
        ))  # fmt: skip
    Ticket.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opds", type=int, default=60)
    parser.add_argument("--news", type=int, default=20000)
    parser.add_argument("--requests", type=int, default=5000)
    parser.add_argument("--tickets", type=int, default=20000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)

    t0 = time.monotonic()
    opds = make_opds(args.opds)
    t1 = time.monotonic()
    news = bulk_news(opds, args.news)
    t2 = time.monotonic()
    print(f"OPDs: {len(opds)} (setup {t1 - t0:.1f}s); news inserted now: {news} ({t2 - t1:.1f}s)")
    print(f"live pages: {Page.objects.live().count()}")
    t5 = time.monotonic()
    requests = bulk_requests(opds, args.requests)
    tickets = bulk_tickets(opds, args.tickets)
    print(f"PPID requests inserted now: {requests}; tickets: {tickets} "
          f"({time.monotonic() - t5:.1f}s)")  # fmt: skip

    from balai.pemantauan.services import compute_scorecards

    with CaptureQueriesContext(connection) as queries:
        t3 = time.monotonic()
        cards = compute_scorecards()
        t4 = time.monotonic()
    print(f"compute_scorecards: {len(cards)} scorecards in {t4 - t3:.2f}s, "
          f"{len(queries)} queries")  # fmt: skip
    zones = {}
    for c in cards:
        zones[c.zone] = zones.get(c.zone, 0) + 1
    print(f"zones: {zones}")


if __name__ == "__main__":
    main()
