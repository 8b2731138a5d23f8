"""Seed the weights table from the indicator registry (balai/pemantauan/indicators.py).

Default weights (activity weighs most: "website tidak aktif dan tidak update" is the complaint
issue 7 answers): activity 8/4/1, completeness 2/1/0.5/2, service standards 2/1/1, PPID 1/1/2/1,
aspirations 2/1/1, site health 1/1/1/2. Kominfo edits them in the admin (Pemantauan → Bobot).
"""

from django.db import migrations


def seed(apps, schema_editor):
    from balai.pemantauan.indicators import REGISTRY

    Weight = apps.get_model("pemantauan", "IndicatorWeight")
    for key, ind in REGISTRY.items():
        Weight.objects.get_or_create(
            key=key,
            defaults={"group": ind.group, "label": str(ind.label), "weight": ind.weight,
                      "description": str(ind.description)},
        )


class Migration(migrations.Migration):
    dependencies = [("pemantauan", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
