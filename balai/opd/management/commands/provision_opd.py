"""Provision one OPD from the command line: ``manage.py provision_opd --slug dinkes ...``."""

from django.core.management.base import BaseCommand, CommandError

from balai.opd.models import OPD
from balai.opd.provisioning import OPDSpec, ProvisioningError, provision_opd


class Command(BaseCommand):
    help = "Create (or complete) an OPD with its site, pages, collection, groups and settings."

    def add_arguments(self, parser):
        parser.add_argument("--name", required=True, help="Full name, e.g. 'Dinas Kesehatan'")
        parser.add_argument("--short-name", required=True, help="e.g. Dinkes")
        parser.add_argument("--slug", required=True, help="Subdomain, e.g. dinkes")
        parser.add_argument("--jenis", required=True, choices=OPD.Jenis.values)
        parser.add_argument("--parent", default="", help="Slug of the parent OPD")
        for name in (
            "kepala_nama",
            "kepala_nip",
            "kepala_jabatan",
            "address",
            "phone",
            "email",
            "opening_hours",
            "map_url",
            "sms_keywords",
            "primary_colour",
        ):
            parser.add_argument("--" + name.replace("_", "-"), default="")
        parser.add_argument("--requires-approval", action="store_true")

    def handle(self, *args, **options):
        spec = OPDSpec(
            name=options["name"],
            short_name=options["short_name"],
            slug=options["slug"],
            jenis=options["jenis"],
            parent_slug=options["parent"],
            requires_approval=options["requires_approval"],
            **{
                name: options[name]
                for name in (
                    "kepala_nama",
                    "kepala_nip",
                    "kepala_jabatan",
                    "address",
                    "phone",
                    "email",
                    "opening_hours",
                    "map_url",
                    "sms_keywords",
                    "primary_colour",
                )
            },
        )
        try:
            result = provision_opd(spec)
        except ProvisioningError as exc:
            raise CommandError("\n".join(exc.messages)) from exc
        state = (
            "dibuat" if result.created else ("dilengkapi" if result.changes else "tidak berubah")
        )
        self.stdout.write(f"{result.opd.name}: {state} — {result.opd.url}")
