"""Demo city, part 1: the portal, the OPDs of deploy/opd-contoh.csv, and one login per role."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model

from balai.opd.models import OPD, PemdaSettings
from balai.opd.operators import ROLE_ADMIN, ROLE_OPERATOR, create_operator
from balai.opd.provisioning import import_opds_csv, provision_portal

DEMO_PASSWORD = "Balai-Demo-2026!"  # noqa: S105 - printed for the demo on purpose
SAMPLE_CSV = Path(settings.BASE_DIR) / "deploy" / "opd-contoh.csv"

# (username, role, opd slug, full name)
DEMO_USERS = [
    ("kominfo", "kominfo", None, "Admin Kominfo"),
    ("admin-dinkes", ROLE_ADMIN, "dinkes", "Siti Rahmawati"),
    ("operator-dinkes", ROLE_OPERATOR, "dinkes", "Rizky Firmansyah"),
    ("admin-disdikbud", ROLE_ADMIN, "disdikbud", "Yuliana Putri"),
    ("operator-disdikbud", ROLE_OPERATOR, "disdikbud", "Fajar Nugroho"),
    ("operator-disdukcapil", ROLE_OPERATOR, "disdukcapil", "Dian Permata"),
]


def load(out) -> list[tuple[str, str, str]]:
    provision_portal()
    pemda = PemdaSettings.load()
    pemda.name = f"Pemerintah {settings.BALAI_CITY_NAME}"
    pemda.address = "Jl. Sudirman No. 1, Kota Contoh 25111"
    pemda.phone = "(0751) 123400"
    pemda.email = "info@kotacontoh.go.id"  # the city's own domain, like its OPDs' addresses
    pemda.opening_hours = "Senin–Kamis 07.30–16.00 WIB; Jumat 07.30–16.30 WIB"
    pemda.save()
    result = import_opds_csv(SAMPLE_CSV.read_bytes())
    out.write(f"  OPD: {result.created} baru, {len(result.results)} total")

    logins = []
    User = get_user_model()
    for username, role, slug, full_name in DEMO_USERS:
        first, _, last = full_name.partition(" ")
        if not User.objects.filter(username=username).exists():
            if role == "kominfo":
                User.objects.create_superuser(
                    username,
                    f"{username}@{settings.BALAI_PORTAL_DOMAIN}",
                    DEMO_PASSWORD,
                    first_name=first,
                    last_name=last,
                )
            else:
                create_operator(
                    OPD.objects.get(slug=slug),
                    username=username,
                    password=DEMO_PASSWORD,
                    role=role,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@{settings.BALAI_PORTAL_DOMAIN}",
                )
        label = {
            "kominfo": "Kominfo (super-admin)",
            ROLE_ADMIN: f"Admin OPD {slug}",
            ROLE_OPERATOR: f"Operator OPD {slug}",
        }[role]
        logins.append((label, username, DEMO_PASSWORD))
    return logins
