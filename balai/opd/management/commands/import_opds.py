"""Provision OPDs from a CSV file: ``manage.py import_opds deploy/opd-contoh.csv``."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from balai.opd.provisioning import ProvisioningError, import_opds_csv


class Command(BaseCommand):
    help = "Provision one OPD per CSV row (all rows or none)."

    def add_arguments(self, parser):
        parser.add_argument("csv_path")

    def handle(self, *args, **options):
        path = Path(options["csv_path"])
        if not path.exists():
            raise CommandError(f"Berkas tidak ditemukan: {path}")
        try:
            result = import_opds_csv(path.read_bytes())
        except ProvisioningError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        for r in result.results:
            state = "dibuat" if r.created else ("dilengkapi" if r.changes else "tidak berubah")
            self.stdout.write(f"{r.opd.slug:24} {state:14} {r.opd.url}")
        self.stdout.write(f"{result.created} OPD baru, {result.unchanged} tidak berubah.")
