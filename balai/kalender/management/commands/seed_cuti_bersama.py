"""Copy a year's cuti bersama from the ``holidays`` package into the admin-maintained table."""

import holidays
from django.core.management.base import BaseCommand

from balai.kalender.models import HariLibur


class Command(BaseCommand):
    help = "Seed cuti bersama for a year (existing dates are left as Kominfo set them)."

    def add_arguments(self, parser):
        parser.add_argument("year", type=int)

    def handle(self, *args, **options):
        year = options["year"]
        days = holidays.Indonesia(years=year, categories=("government",), language="id")
        created = 0
        for date, name in sorted(days.items()):
            _, was_created = HariLibur.objects.get_or_create(
                date=date,
                defaults={
                    "name": name,
                    "jenis": HariLibur.Jenis.CUTI_BERSAMA,
                    "legal_basis": f"SKB 3 Menteri tentang Cuti Bersama Tahun {year}",
                },
            )
            created += was_created
        self.stdout.write(
            f"{created} hari cuti bersama {year} ditambahkan ({len(days)} diketahui)."
        )
