"""The layanan / PPID / aspirasi groups read the other apps' per-OPD selectors (issues 4-6): real
records made through those apps' services, scored by the monitoring run."""

import datetime as dt
import sys

from django.utils import timezone

from balai.aspirasi import services as aspirasi
from balai.aspirasi.models import Ticket
from balai.layanan.models import Maklumat
from balai.pemantauan.models import Scorecard
from balai.pemantauan.services import compute_scorecards
from balai.ppid.services import DataPemohon, submit_request


def card(opd):
    return Scorecard.objects.get(opd=opd, period=timezone.localdate().replace(day=1))


def _pemohon() -> DataPemohon:
    return DataPemohon(
        nama="Siti Aminah",
        nik="1371015704880002",
        alamat="Jl. Ahmad Yani No. 5",
        telepon="+6281234567890",
        email="siti@example.com",
        pekerjaan="Wartawan",
        rincian="Data kasus DBD per kecamatan",
        tujuan="Liputan",
        cara_memperoleh="softcopy",
        cara_mendapatkan="email",
    )


def test_layanan_ppid_aspirasi_scores_from_real_records(opd_a, opd_b):
    now = timezone.now()
    long_ago = now - dt.timedelta(days=60)
    Maklumat.objects.create(
        opd=opd_a, signed_by="X", signed_by_position="Kepala", signed_on="2026-01-01"
    )
    # A PPID request received 60 days ago and never answered: overdue.
    submit_request(_pemohon(), opd=opd_a, received_at=long_ago, notify=False)
    # Two tickets: one answered within five hours, one left open past its deadline.
    answered = aspirasi.create_ticket(
        channel="sms", opd=opd_a, text="Lampu jalan mati", received_at=long_ago
    )
    Ticket.objects.filter(pk=answered.pk).update(
        first_response_at=long_ago + dt.timedelta(hours=5),
        answered_at=long_ago + dt.timedelta(hours=5),
        status="selesai",
    )
    aspirasi.create_ticket(channel="web", opd=opd_a, text="Jalan berlubang", received_at=long_ago)

    compute_scorecards()
    a, b = card(opd_a).indicators, card(opd_b).indicators
    assert a["maklumat"]["score"] == 100 and b["maklumat"]["score"] == 0
    assert a["services_complete"]["score"] == 0  # no service published yet
    assert a["dip"]["applicable"] and a["dip"]["score"] == 0  # nothing in the DIP yet
    assert a["requests_overdue"]["score"] == 80 and a["requests_overdue"]["value"] == 1
    assert a["aspirasi_on_time"]["score"] == 50
    assert a["aspirasi_overdue"]["value"] == 1
    assert card(opd_a).response_hours == 5
    # An OPD that received nothing is not judged on response: not applicable, not zero.
    assert b["requests_on_time"]["applicable"] is False
    assert b["aspirasi_on_time"]["applicable"] is False


def test_missing_selector_module_makes_group_not_applicable(opd_a, monkeypatch):
    monkeypatch.setitem(sys.modules, "balai.ppid.selectors", None)  # import fails
    compute_scorecards()
    ind = card(opd_a).indicators
    assert all(not ind[k]["applicable"] for k in ("dip", "requests_on_time", "requests_overdue"))
