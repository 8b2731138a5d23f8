"""Print the current second-factor code of the demo logins (demo only)."""

from django.core.management.base import BaseCommand

from balai.adminui.twofactor import current_demo_code


class Command(BaseCommand):
    help = "Print the current TOTP code shared by the demo logins."

    def handle(self, *args, **options):
        self.stdout.write(current_demo_code())
