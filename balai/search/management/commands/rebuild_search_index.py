"""Rebuild the public search index (``/cari/``) from scratch: after a bulk import, or to repair."""

import time

from django.core.management.base import BaseCommand

from balai.search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild Balai's public search index (pages, public documents, services)."

    def handle(self, *args, **options):
        started = time.perf_counter()
        count = rebuild()
        seconds = time.perf_counter() - started
        self.stdout.write(f"Indeks pencarian: {count} entri ({seconds:.1f} s)")
