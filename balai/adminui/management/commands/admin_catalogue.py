"""Coverage of Balai's Indonesian admin catalogue, and bringing it up to date after an upgrade.

manage.py admin_catalogue            # totals per domain
manage.py admin_catalogue --missing  # the message ids without a translation
manage.py admin_catalogue --update   # add new ids (empty), drop unused ones, keep the rest
"""

from __future__ import annotations

from django.core.management.base import BaseCommand

from balai.adminui import catalogue


class Command(BaseCommand):
    help = "Report (or update) Balai's Indonesian catalogue of Wagtail's admin strings."

    def add_arguments(self, parser):
        parser.add_argument("--missing", action="store_true", help="List untranslated ids.")
        parser.add_argument("--update", action="store_true", help="Rewrite the .po files.")

    def handle(self, *args, missing=False, update=False, **options):
        for domain in catalogue.DOMAINS:
            if update:
                catalogue.write_po(catalogue.balai_po(domain), catalogue.merged(domain))
            result = catalogue.coverage(domain)
            self.stdout.write(
                f"{domain}: {result.translated}/{result.total} translated, "
                f"{len(result.missing)} missing ({catalogue.balai_po(domain)})"
            )
            if missing:
                for entry in result.missing:
                    context = f"[{entry.msgctxt}] " if entry.msgctxt else ""
                    self.stdout.write(f"  {context}{entry.msgid}")
