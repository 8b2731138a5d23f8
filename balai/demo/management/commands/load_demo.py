"""Load the demo city "Kota Contoh" (idempotent: loading twice duplicates nothing).

Each app contributes a ``demo.load(out)`` step, in the order below; a step returns the logins it
wants printed.
"""

from importlib import import_module
from importlib.util import find_spec

from django.conf import settings
from django.core.management.base import BaseCommand
from django.db import transaction

DEMO_STEPS = [
    "balai.opd.demo",
    "balai.content.demo",
    "balai.layanan.demo",
    "balai.ppid.demo",
    "balai.aspirasi.demo",
    "balai.pemantauan.demo",
]


class Command(BaseCommand):
    help = "Load the demo city (portal, OPD sites, content, services, requests, tickets)."

    def handle(self, *args, **options):
        from balai.search.indexing import bulk_indexing

        logins: list[tuple[str, str, str]] = []
        # One search-index rebuild at the end instead of one index task per saved object.
        with bulk_indexing():
            for path in DEMO_STEPS:
                try:
                    if find_spec(path) is None:
                        continue
                except ModuleNotFoundError:  # the app itself is not there
                    continue
                self.stdout.write(f"Demo: {path}")
                with transaction.atomic():
                    logins += import_module(path).load(self.stdout) or []
        port = settings.BALAI_SITE_PORT
        host = f"{settings.BALAI_PORTAL_DOMAIN}" + ("" if port in (80, 443) else f":{port}")
        self.stdout.write("")
        self.stdout.write(f"Portal:        http://{host}/")
        self.stdout.write(f"Situs OPD:     http://<slug>.{host}/  (mis. http://dinkes.{host}/)")
        self.stdout.write(f"Admin:         http://{host}/admin/")
        self.stdout.write("Login demo:")
        for label, username, password in logins:
            self.stdout.write(f"  {label:32} {username:24} {password}")
        self._second_factor([username for _label, username, _password in logins])

    def _second_factor(self, usernames: list[str]) -> None:
        from django.contrib.auth import get_user_model

        from balai.adminui.twofactor import DEMO_TOTP_SECRET, enrol_demo_users

        enrol_demo_users(get_user_model().objects.filter(username__in=usernames))
        self.stdout.write(
            f"Verifikasi dua langkah: semua login demo memakai kunci TOTP {DEMO_TOTP_SECRET}\n"
            "  (tambahkan ke aplikasi autentikator, atau jalankan "
            f"`oathtool --totp -b {DEMO_TOTP_SECRET}`,\n"
            "  atau `make demo-code` untuk kode saat ini)."
        )
