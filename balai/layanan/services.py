"""Rules of the standar pelayanan and the writes of this app.

Standar pelayanan components: UU 25/2009 Pasal 21 and PermenPAN-RB 15/2014 (Pedoman Standar
Pelayanan), Lampiran: six components are published to the public (service delivery) and eight are
internal (manufacturing). Completeness is computed from the fields, never declared.
"""

from __future__ import annotations

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.layanan.ikm import UNSUR_FIELDS
from balai.layanan.models import Layanan, SurveyResponse

# PermenPAN-RB 15/2014 Lampiran I: komponen standar pelayanan terkait proses penyampaian pelayanan
# (service delivery) — published — as (key, label).
PUBLIC_COMPONENTS = [
    ("persyaratan", "Persyaratan"),
    ("prosedur", "Sistem, mekanisme, dan prosedur"),
    ("jangka_waktu", "Jangka waktu pelayanan"),
    ("biaya", "Biaya/tarif"),
    ("produk", "Produk pelayanan"),
    ("pengaduan", "Penanganan pengaduan, saran, dan masukan"),
]
# ... and terkait proses pengelolaan pelayanan di internal organisasi (manufacturing).
INTERNAL_COMPONENTS = [
    ("dasar_hukum", "Dasar hukum"),
    ("sarana", "Sarana dan prasarana, dan/atau fasilitas"),
    ("kompetensi", "Kompetensi pelaksana"),
    ("pengawasan", "Pengawasan internal"),
    ("jumlah_pelaksana", "Jumlah pelaksana"),
    ("jaminan_pelayanan", "Jaminan pelayanan"),
    ("jaminan_keamanan", "Jaminan keamanan dan keselamatan pelayanan"),
    ("evaluasi_kinerja", "Evaluasi kinerja pelaksana"),
]


# One rule for "empty" in Python and in SQL (issue 12, point 9): a component holding only
# whitespace (spaces, tabs, line breaks) is missing. The same pattern runs as a regex lookup.
BLANK_PATTERN = r"^\s*$"


def is_blank(value: object) -> bool:
    return value is None or re.match(BLANK_PATTERN, str(value)) is not None


def _blank_q(field: str) -> Q:
    return Q(**{f"{field}__regex": BLANK_PATTERN})


def _filled(layanan: Layanan, key: str) -> bool:
    if key == "jangka_waktu":
        return layanan.jangka_waktu is not None
    if key == "biaya":
        # "Gratis", or an amount together with its legal basis.
        return layanan.biaya_gratis or (
            layanan.biaya is not None and not is_blank(layanan.biaya_dasar_hukum)
        )
    return not is_blank(getattr(layanan, key))


def missing_components(layanan: Layanan) -> dict[str, list[str]]:
    """Labels of the empty components, split into "public" and "internal"."""
    return {
        "public": [label for key, label in PUBLIC_COMPONENTS if not _filled(layanan, key)],
        "internal": [label for key, label in INTERNAL_COMPONENTS if not _filled(layanan, key)],
    }


def complete_q(prefix: str = "") -> Q:
    """The same rule as ``missing_components(...)["public"] == []`` as a query filter."""
    p = prefix
    q = Q()
    for key in ("persyaratan", "prosedur", "produk", "pengaduan"):
        q &= ~_blank_q(f"{p}{key}")
    q &= Q(**{f"{p}jangka_waktu__isnull": False})
    q &= Q(**{f"{p}biaya_gratis": True}) | (
        Q(**{f"{p}biaya__isnull": False}) & ~_blank_q(f"{p}biaya_dasar_hukum")
    )
    return q


def validate_for_publishing(layanan: Layanan) -> None:
    """A service whose public components are empty is published only when the operator
    acknowledges it (it is then shown as incomplete)."""
    errors = {}
    if layanan.biaya_gratis and layanan.biaya:
        errors["biaya"] = _("Layanan gratis tidak boleh memiliki nominal biaya.")
    if layanan.is_published and not layanan.incomplete_acknowledged:
        missing = missing_components(layanan)["public"]
        if missing:
            errors["incomplete_acknowledged"] = _(
                "Komponen publik belum lengkap: %(missing)s. Lengkapi dulu, atau centang "
                "'terbitkan walau belum lengkap' (layanan akan ditandai belum lengkap)."
            ) % {"missing": ", ".join(missing)}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def submit_survey(
    layanan: Layanan,
    *,
    answers: dict[str, int],
    gender: str,
    age: int,
    education: str,
    occupation: str,
    service_date: dt.date,
    saran: str = "",
    submitted_at: dt.datetime | None = None,
    loket=None,
    client_uuid=None,
) -> SurveyResponse:
    """Store one SKM response (PermenPAN-RB 14/2017: nine unsur + respondent profile); a kiosk
    answer also names its counter and the UUID the tablet gave it."""
    return SurveyResponse.objects.create(
        layanan=layanan,
        opd_id=layanan.opd_id,
        submitted_at=submitted_at or timezone.now(),
        service_date=service_date,
        gender=gender,
        age=age,
        education=education,
        occupation=occupation,
        saran=saran.strip(),
        loket=loket,
        client_uuid=client_uuid,
        **{code: int(answers[code]) for code in UNSUR_FIELDS},
    )
