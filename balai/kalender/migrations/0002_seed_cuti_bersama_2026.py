"""Seed the cuti bersama of 2026 (SKB of the Ministers of Religious Affairs, Manpower and PANRB on
national holidays and cuti bersama 2026). Kominfo maintains later years and amendments in the
admin, or with ``manage.py seed_cuti_bersama <year>``."""

import datetime as dt

from django.db import migrations

LEGAL_BASIS = (
    "SKB Menteri Agama, Menteri Ketenagakerjaan, dan Menteri PANRB tentang Hari Libur Nasional "
    "dan Cuti Bersama Tahun 2026"
)
CUTI_BERSAMA_2026 = [
    (dt.date(2026, 2, 16), "Cuti Bersama Tahun Baru Imlek"),
    (dt.date(2026, 3, 18), "Cuti Bersama Hari Suci Nyepi"),
    (dt.date(2026, 3, 20), "Cuti Bersama Hari Raya Idul Fitri"),
    (dt.date(2026, 3, 23), "Cuti Bersama Hari Raya Idul Fitri"),
    (dt.date(2026, 3, 24), "Cuti Bersama Hari Raya Idul Fitri"),
    (dt.date(2026, 5, 15), "Cuti Bersama Kenaikan Yesus Kristus"),
    (dt.date(2026, 5, 28), "Cuti Bersama Hari Raya Idul Adha"),
    (dt.date(2026, 12, 24), "Cuti Bersama Hari Raya Natal"),
]


def seed(apps, schema_editor):
    HariLibur = apps.get_model("kalender", "HariLibur")
    for date, name in CUTI_BERSAMA_2026:
        HariLibur.objects.get_or_create(
            date=date,
            defaults={"name": name, "jenis": "cuti_bersama", "legal_basis": LEGAL_BASIS},
        )


def unseed(apps, schema_editor):
    HariLibur = apps.get_model("kalender", "HariLibur")
    HariLibur.objects.filter(date__in=[d for d, _ in CUTI_BERSAMA_2026]).delete()


class Migration(migrations.Migration):
    dependencies = [("kalender", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
