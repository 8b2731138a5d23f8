"""``manage.py backup``: one archive with the database and the media (see balai.core.backup)."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from balai.core.backup import BackupError, create_backup, default_path


class Command(BaseCommand):
    help = (
        "Write one archive (tar.gz) of the database (pg_dump, or SQLite's online backup) and the "
        "media (disk or S3 bucket). Restore with `manage.py restore`. Runbook: deploy/backup.md."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--output", help="archive path (default: <BALAI_VAR_DIR>/backups/balai-<time>.tar.gz)"
        )
        parser.add_argument(
            "--no-media",
            action="store_true",
            help="database only (media backed up elsewhere, e.g. by the bucket's versioning)",
        )

    def handle(self, *args, **options):
        path = Path(options["output"]) if options["output"] else default_path()
        try:
            summary = create_backup(path, include_media=not options["no_media"])
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"Cadangan dibuat: {summary.path} ({summary.describe()})")
