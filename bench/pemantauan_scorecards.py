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


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--opds", type=int, default=60)
    parser.add_argument("--news", type=int, default=20000)
    args = parser.parse_args()
    call_command("migrate", verbosity=0)

    t0 = time.monotonic()
    opds = make_opds(args.opds)
    t1 = time.monotonic()
    news = bulk_news(opds, args.news)
    t2 = time.monotonic()
    print(f"OPDs: {len(opds)} (setup {t1 - t0:.1f}s); news inserted now: {news} ({t2 - t1:.1f}s)")
    print(f"live pages: {Page.objects.live().count()}")

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
