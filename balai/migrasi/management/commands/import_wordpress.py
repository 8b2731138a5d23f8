"""``manage.py import_wordpress --opd <slug> export.xml --uploads DIR|ZIP [--dry-run]``."""

from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError

from balai.migrasi.services import import_wordpress
from balai.migrasi.wxr import ImportRefused
from balai.opd.models import OPD

LABELS = {
    "created": "dibuat",
    "updated": "diperbarui",
    "unchanged": "tidak berubah",
    "skipped": "dilewati",
    "refused": "ditolak",
}


class Command(BaseCommand):
    help = "Impor situs WordPress (ekspor WXR + folder/ZIP wp-content/uploads) ke situs OPD."

    def add_arguments(self, parser):
        parser.add_argument("export", help="berkas ekspor WordPress (Alat → Ekspor → Semua konten)")
        parser.add_argument("--opd", required=True, help="slug OPD tujuan")
        parser.add_argument("--uploads", help="folder atau ZIP wp-content/uploads")
        parser.add_argument("--dry-run", action="store_true", help="uji coba: tidak menyimpan")
        parser.add_argument(
            "--pengumuman-category",
            default="Pengumuman",
            help="kategori WordPress yang menjadi Pengumuman",
        )
        parser.add_argument(
            "--quiet-items", action="store_true", help="tanpa daftar per butir, hanya ringkasan"
        )

    def handle(self, *args, **options):
        opd = OPD.objects.filter(slug=options["opd"]).first()
        if opd is None:
            raise CommandError(f"OPD dengan slug '{options['opd']}' tidak ada.")

        def progress(done: int, total: int) -> None:
            if options["verbosity"] > 1 or sys.stderr.isatty():
                self.stderr.write(f"\r{done}/{total}", ending="")

        try:
            report = import_wordpress(
                opd,
                options["export"],
                options["uploads"],
                dry_run=options["dry_run"],
                pengumuman_category=options["pengumuman_category"],
                progress=progress,
            )
        except ImportRefused as exc:
            raise CommandError(str(exc)) from exc
        if not options["quiet_items"]:
            for entry in report.entries:
                if entry.action == "unchanged" and options["verbosity"] < 2:
                    continue
                line = (
                    f"{LABELS[entry.action]:<14} {entry.kind:<10} #{entry.wp_id:<6} {entry.title}"
                )
                if entry.url:
                    line += f" → {entry.url}"
                self.stdout.write(line)
                for reason in entry.reasons:
                    self.stdout.write(f"{'':<16}- {reason}")
        for kind, count in report.skipped_types.items():
            self.stdout.write(f"dilewati: {count} butir berjenis {kind}")
        for error in report.errors:
            self.stdout.write(f"catatan: {error}")
        prefix = "UJI COBA (tidak ada yang disimpan): " if options["dry_run"] else ""
        self.stdout.write(self.style.SUCCESS(prefix + report.summary()))
