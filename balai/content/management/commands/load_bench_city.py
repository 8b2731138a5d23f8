"""Enlarge the demo city for benchmarks:
``manage.py load_bench_city --opds 60 --news 20000 --documents 2000``."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from balai.content import bench
from balai.opd.models import OPD
from balai.search.indexing import bulk_indexing


class Command(BaseCommand):
    help = "Load the demo city, then enlarge it to N OPDs, M news and D documents (bench volume)."

    def add_arguments(self, parser):
        parser.add_argument("--opds", type=int, default=60)
        parser.add_argument("--news", type=int, default=20_000)
        parser.add_argument("--documents", type=int, default=2_000)

    def handle(self, *args, opds: int, news: int, documents: int, **options):
        # The search indexes are rebuilt once at the end (not one queued task per object).
        with bulk_indexing():
            if not OPD.objects.exists():
                call_command("load_demo", stdout=self.stdout)
            made = bench.ensure_opds(opds)
            added = bench.ensure_news(news)
            docs = bench.ensure_documents(documents)
        self.stdout.write(
            f"Bench city: +{made} OPD (total {OPD.objects.count()}), +{added} news, "
            f"+{docs} documents; search indexes rebuilt"
        )
