import datetime as dt

import pytest
from django.utils import timezone

COMPLETE = dict(
    category="kependudukan",
    summary="Penerbitan KTP elektronik.",
    persyaratan="Fotokopi KK\nSurat pengantar RT/RW",
    prosedur="Ambil antrean\nPerekaman\nCetak",
    jangka_waktu=1,
    jangka_waktu_satuan="hari_kerja",
    biaya_gratis=True,
    produk="KTP-el",
    pengaduan="SMS 0812-0000-0000",
    kanal="offline",
    is_published=True,
)


@pytest.fixture
def make_layanan():
    from balai.layanan.models import Layanan

    def make(opd, slug="ktp-el", **fields):
        data = {**COMPLETE, "name": slug.replace("-", " ").title(), **fields}
        return Layanan.objects.create(opd=opd, slug=slug, **data)

    return make


@pytest.fixture
def make_responses():
    from balai.layanan.models import SurveyResponse

    def make(layanan, sheets, when=None):
        when = when or timezone.now()
        SurveyResponse.objects.bulk_create(
            [
                SurveyResponse(
                    layanan=layanan,
                    opd_id=layanan.opd_id,
                    submitted_at=when,
                    service_date=when.date() if isinstance(when, dt.datetime) else when,
                    gender="P",
                    age=30,
                    education="sma",
                    occupation="swasta",
                    **{f"u{i + 1}": a for i, a in enumerate(answers)},
                )
                for answers in sheets
            ]
        )

    return make
