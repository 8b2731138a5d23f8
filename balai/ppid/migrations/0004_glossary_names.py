"""One name per concept (docs/glossary.md): timestamps and bookkeeping in English, as in the other
apps; the statute's nouns (tenggat, keberatan) stay Indonesian."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("ppid", "0003_refusal_grounds_and_requester_response")]

    operations = [
        migrations.RenameField("permohonan", "diterima_pada", "received_at"),
        migrations.RenameField("permohonan", "pengingat_terkirim", "reminded_on"),
        migrations.RenameField("permohonan", "eskalasi_terkirim", "escalated_on"),
        migrations.RenameField("keberatan", "diterima_pada", "received_at"),
        migrations.AlterModelOptions(
            name="permohonan",
            options={
                "ordering": ["tenggat", "received_at"],
                "verbose_name": "permohonan informasi",
                "verbose_name_plural": "permohonan informasi",
            },
        ),
    ]
