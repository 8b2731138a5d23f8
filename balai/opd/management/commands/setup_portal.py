"""Create the portal's home page, standard pages and default site (idempotent)."""

from django.core.management.base import BaseCommand

from balai.opd.provisioning import provision_portal


class Command(BaseCommand):
    help = "Prepare the city portal site (run once after migrate; safe to run again)."

    def handle(self, *args, **options):
        site = provision_portal()
        self.stdout.write(f"Portal: {site.root_url}/")
