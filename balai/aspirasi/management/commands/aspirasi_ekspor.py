"""Export tickets in Balai's documented format (docs/aspirasi-ekspor.md) as CSV or JSON."""

from __future__ import annotations

import datetime as dt
import sys

from django.core.management.base import BaseCommand, CommandError

from balai.aspirasi import export
from balai.aspirasi.models import Ticket


class Command(BaseCommand):
    help = "Ekspor aspirasi (CSV atau JSON) untuk dipindahkan ke SP4N-LAPOR! atau sistem lain."

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "json"], default="json")
        parser.add_argument("--output", "-o", help="Berkas tujuan (bawaan: keluaran standar).")
        parser.add_argument("--sejak", help="Hanya yang diterima sejak tanggal ini (YYYY-MM-DD).")
        parser.add_argument("--opd", help="Hanya aspirasi OPD ini (slug).")
        parser.add_argument("--status", action="append", help="Hanya status ini (boleh diulang).")

    def handle(self, *args, **options):
        tickets = Ticket.objects.all()
        if options["sejak"]:
            try:
                since = dt.date.fromisoformat(options["sejak"])
            except ValueError as error:
                raise CommandError("--sejak harus berbentuk YYYY-MM-DD.") from error
            tickets = tickets.filter(received_at__date__gte=since)
        if options["opd"]:
            tickets = tickets.filter(opd__slug=options["opd"])
        if options["status"]:
            tickets = tickets.filter(status__in=options["status"])
        write = export.write_csv if options["format"] == "csv" else export.write_json
        if options["output"]:
            with open(options["output"], "w", encoding="utf-8", newline="") as out:
                count = write(export.records(tickets), out)
        else:
            count = write(export.records(tickets), sys.stdout)
        self.stderr.write(f"{count} aspirasi diekspor.")
