"""Enlarge the demo city for benchmarks: ``manage.py load_bench_city --opds 60 --news 20000``."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

from balai.content import bench
from balai.opd.models import OPD


class Command(BaseCommand):
    help = "Load the demo city, then enlarge it to N OPDs and M news items (bench volume)."

    def add_arguments(self, parser):
        parser.add_argument("--opds", type=int, default=60)
        parser.add_argument("--news", type=int, default=20_000)

    def handle(self, *args, opds: int, news: int, **options):
        if not OPD.objects.exists():
            call_command("load_demo", stdout=self.stdout)
        made = bench.ensure_opds(opds)
        added = bench.ensure_news(news)
        self.stdout.write(f"Bench city: +{made} OPD (total {OPD.objects.count()}), +{added} news")
