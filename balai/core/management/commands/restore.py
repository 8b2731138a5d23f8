"""``manage.py restore ARCHIVE``: put back what ``manage.py backup`` saved (balai.core.backup)."""

from django.core.management.base import BaseCommand, CommandError

from balai.core.backup import BackupError, restore_backup


class Command(BaseCommand):
    help = (
        "Restore the database and the media from an archive of `manage.py backup`. Refuses a "
        "database that has tables or a media storage that has files, unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument(
            "--force",
            action="store_true",
            help="overwrite a database and media storage that are not empty",
        )
        parser.add_argument(
            "--media-only",
            action="store_true",
            help="put back the media files only (e.g. a lost bucket); the database is untouched",
        )

    def handle(self, *args, **options):
        try:
            summary = restore_backup(
                options["archive"], force=options["force"], media_only=options["media_only"]
            )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Dipulihkan dari {summary.path} ({summary.describe()}).")
        if summary.needs_migrate:
            self.stdout.write(
                "Cadangan ini dari versi Balai yang lebih lama: jalankan `manage.py migrate`."
            )
