"""The layanan / PPID / aspirasi groups read the other apps' per-OPD selectors (issue 4–6
contract). These tests plug a selector module with known figures in place of the app's, so the
mapping to scores is checked whatever data those apps hold; the real selectors are exercised by
the demo and the bench once merged."""

import sys
import types

import pytest
from django.utils import timezone

from balai.pemantauan.models import Scorecard
from balai.pemantauan.services import compute_scorecards


@pytest.fixture
def plug(monkeypatch):
    def install(module: str, name: str, data):
        fake = types.ModuleType(module)
        setattr(fake, name, lambda opd_ids=None, today=None: {
            k: v for k, v in data.items() if opd_ids is None or k in opd_ids})  # fmt: skip
        monkeypatch.setitem(sys.modules, module, fake)

    return install


def card(opd):
    return Scorecard.objects.get(opd=opd, period=timezone.localdate().replace(day=1))


def test_layanan_ppid_aspirasi_scores(opd_a, opd_b, plug):
    plug("balai.layanan.selectors", "compliance_by_opd", {
        opd_a.id: {"services_total": 4, "services_complete": 3, "has_maklumat": True, "ikm": 82.5,
                   "ikm_category": "B", "ikm_label": "Baik", "evidence_url": "/layanan/"},
        opd_b.id: {"services_total": 0, "services_complete": 0, "has_maklumat": False,
                   "ikm": None, "ikm_category": "", "ikm_label": "", "evidence_url": ""},
    })  # fmt: skip
    plug("balai.ppid.selectors", "ppid_stats_by_opd", {
        opd_a.id: {"dip_categories_present": 3, "dip_categories_required": 3,
                   "dip_stale_berkala": 1, "requests_total": 10, "requests_closed": 8,
                   "requests_on_time": 6, "requests_overdue": 2, "evidence_url": "/ppid/"},
        opd_b.id: {"dip_categories_present": 0, "dip_categories_required": 3,
                   "dip_stale_berkala": 0, "requests_total": 0, "requests_closed": 0,
                   "requests_on_time": 0, "requests_overdue": 0, "evidence_url": ""},
    })  # fmt: skip
    plug("balai.aspirasi.selectors", "aspirasi_stats_by_opd", {
        opd_a.id: {"tickets_total": 5, "answered_total": 5, "answered_on_time": 4,
                   "median_first_response_hours": 144, "overdue": 1, "evidence_url": "/a/"},
    })  # fmt: skip
    compute_scorecards()
    a, b = card(opd_a).indicators, card(opd_b).indicators
    assert a["services_complete"]["score"] == 75 and a["maklumat"]["score"] == 100
    assert a["ikm"]["score"] == 82.5 and "Baik" in a["ikm"]["display"]
    assert a["dip"]["score"] == 100 and a["dip_stale"]["score"] == 75
    assert a["requests_on_time"]["score"] == 75 and a["requests_overdue"]["score"] == 60
    assert a["aspirasi_on_time"]["score"] == 80
    assert a["first_response"]["score"] == 50  # halfway between 72 h and 216 h
    assert a["aspirasi_overdue"]["score"] == 80
    assert a["requests_on_time"]["evidence"] == "/ppid/"
    # No requests received: not applicable, not zero; no aspirasi entry at all: not applicable.
    assert b["requests_on_time"]["applicable"] is False
    assert b["aspirasi_on_time"]["applicable"] is False and b["services_complete"]["score"] == 0
    assert card(opd_a).response_hours == 144
    assert card(opd_a).responsiveness_score == round((75 + 80 + 50) / 3, 2)


def test_missing_selector_module_makes_group_not_applicable(opd_a, monkeypatch):
    monkeypatch.setitem(sys.modules, "balai.ppid.selectors", None)  # import fails
    compute_scorecards()
    ind = card(opd_a).indicators
    assert all(not ind[k]["applicable"] for k in ("dip", "requests_on_time", "requests_overdue"))
