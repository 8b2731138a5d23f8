"""Point every site at the port the public reaches it on (BALAI_SITE_PORT), e.g. after changing
the demo's port, so cross-site links carry the right port."""

from django.conf import settings
from django.core.management.base import BaseCommand
from wagtail.models import Site

from balai.core.pagecache import bump_generation


class Command(BaseCommand):
    help = "Set every Wagtail site's port to BALAI_SITE_PORT."

    def handle(self, *args, **options):
        changed = Site.objects.exclude(port=settings.BALAI_SITE_PORT).update(
            port=settings.BALAI_SITE_PORT
        )
        Site.clear_site_root_paths_cache()
        bump_generation()  # cached pages and fragments carry the old port in their links
        self.stdout.write(f"{changed} situs diperbarui ke port {settings.BALAI_SITE_PORT}.")
