"""compliance_by_opd: the monitoring scorecard's input, in a constant number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from balai.layanan.models import Maklumat
from balai.layanan.selectors import compliance_by_opd

pytestmark = pytest.mark.django_db


def test_compliance_values(opd_a, opd_b, make_layanan, make_responses):
    full = make_layanan(opd_a, "a")
    make_layanan(opd_a, "b", produk="", incomplete_acknowledged=True)
    make_layanan(opd_a, "c", is_published=False)
    Maklumat.objects.create(
        opd=opd_a, signed_by="X", signed_by_position="Kepala", signed_on="2026-01-01"
    )
    make_responses(full, [[4] * 9, [3] * 9])
    last_year = timezone.now() - dt.timedelta(days=400)
    make_responses(full, [[1] * 9] * 5, when=last_year)  # outside the current period
    result = compliance_by_opd()
    a, b = result[opd_a.pk], result[opd_b.pk]
    assert a["services_total"] == 2 and a["services_complete"] == 1
    assert a["has_maklumat"] is True
    assert a["ikm"] == 87.5 and a["ikm_category"] == "B" and a["ikm_label"] == "Baik"
    assert a["evidence_url"].endswith("/layanan/") and "alfa." in a["evidence_url"]
    assert b == {
        **b,
        "services_total": 0,
        "services_complete": 0,
        "has_maklumat": False,
        "ikm": None,
        "ikm_category": None,
        "ikm_label": None,
    }
    assert set(compliance_by_opd([opd_b.pk])) == {opd_b.pk}


def test_compliance_query_count_is_constant(opd_a, make_opd, make_layanan, make_responses):
    make_responses(make_layanan(opd_a), [[3] * 9])
    with CaptureQueriesContext(connection) as few:
        compliance_by_opd()
    more = [make_opd(f"lain{i}") for i in range(2)]
    for opd in more:
        make_responses(make_layanan(opd), [[4] * 9])
        Maklumat.objects.create(
            opd=opd, signed_by="X", signed_by_position="K", signed_on="2026-01-01"
        )
    with CaptureQueriesContext(connection) as many:
        result = compliance_by_opd()
    assert len(result) == 3
    assert len(few.captured_queries) == len(many.captured_queries) <= 4
