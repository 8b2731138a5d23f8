"""One name per concept (docs/glossary.md): a statutory deadline is ``tenggat`` in every app."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("aspirasi", "0005_lapor_number_and_forwarding")]

    operations = [
        migrations.RenameField("ticket", "due_date", "tenggat"),
        migrations.AlterModelOptions(
            name="ticket",
            options={
                "ordering": ["tenggat", "received_at"],
                "verbose_name": "aspirasi",
                "verbose_name_plural": "aspirasi",
            },
        ),
    ]
