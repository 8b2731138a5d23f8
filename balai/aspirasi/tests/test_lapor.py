"""SP4N-LAPOR! alongside Balai: forwarding with a reason (seen by the citizen), LAPOR! tracking
numbers (by hand or from the adapter), LAPOR!'s clocks when the Pemda chooses them, and the
documented CSV/JSON export (issue 16, point 2)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.utils import timezone

from balai.aspirasi import export, lapor, services
from balai.aspirasi.models import Category, Ticket
from balai.aspirasi.tasks import remind_and_escalate
from balai.kalender.calendar import due_date, working_days_late
from balai.sms.models import OutboundSMS

pytestmark = pytest.mark.django_db


def _edit(client, ticket, **data):
    base = {
        "opd": ticket.opd_id or "",
        "category": ticket.category_id or "",
        "status": ticket.status,
        "reason": "",
        "answer": ticket.answer,
        "public_text": "",
        "internal_note": "",
        "lapor_tracking": ticket.lapor_number,
    }
    base.update(data)
    return client.post(f"/admin/aspirasi/edit/{ticket.pk}/", base)


def test_forward_to_lapor_through_the_adapter(
    opd_a, operator_a, client, client_as, run_tasks, settings
):
    settings.BALAI_LAPOR_ADAPTER = "balai.aspirasi.lapor.LocalLaporAdapter"
    ticket = services.create_ticket(
        channel="web", opd=opd_a, text="Pungutan liar di jembatan timbang", phone="081234567890"
    )
    alfa = client_as(operator_a)
    r = _edit(alfa, ticket, forward_target="lapor")  # no reason
    assert r.status_code == 200 and "Tulis alasan penerusan" in r.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).status == "didisposisikan"

    r = _edit(alfa, ticket, forward_target="lapor", forward_reason="Kewenangan kementerian")
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.status == "diteruskan" and ticket.forwarded_to == "SP4N-LAPOR!"
    assert not ticket.is_open and ticket.lapor_number == ""
    run_tasks()  # the worker submits it and records LAPOR!'s number
    ticket.refresh_from_db()
    assert ticket.lapor_number.startswith("LPR-")
    sent = lapor.LocalLaporAdapter.received()[ticket.lapor_number]
    assert sent["nomor"] == ticket.number and sent["isi"].startswith("Pungutan liar")
    assert any("diteruskan ke SP4N-LAPOR!" in m.text for m in OutboundSMS.objects.all())

    page = client.get(ticket.tracking_path(), HTTP_HOST=opd_a.hostname).content.decode()
    assert "Diteruskan ke" in page and "SP4N-LAPOR!" in page and ticket.lapor_number in page
    assert "Kewenangan kementerian" in page
    assert remind_and_escalate.call()["escalated"] == 0  # off Balai's clocks


def test_forward_to_another_level_of_government(
    opd_a, opd_b, kominfo, operator_a, operator_b, client, client_as
):
    ticket = services.create_ticket(channel="web", opd=opd_a, text="Jalan provinsi rusak")
    services.dispose(ticket, opd_a, kominfo, related=[opd_b])
    before = Ticket.objects.get(pk=ticket.pk)
    with pytest.raises(ValidationError):
        services.forward(ticket, "provinsi", "", destination="Dinas PUPR Provinsi")
    with pytest.raises(ValidationError):
        services.forward(ticket, "provinsi", "Jalan provinsi")  # no destination
    assert Ticket.objects.get(pk=ticket.pk).status == before.status

    # A related OPD cannot forward the ticket; the lead can.
    r = _edit(client_as(operator_b), ticket, forward_target="pusat", forward_reason="x")
    assert r.status_code == 302
    assert Ticket.objects.get(pk=ticket.pk).forwarded_at is None
    r = _edit(client_as(operator_a), ticket, forward_target="provinsi", forward_reason="")
    assert r.status_code == 200 and "Tulis nama instansi tujuan" in r.content.decode()
    r = _edit(
        client_as(operator_a),
        ticket,
        forward_target="provinsi",
        forward_destination="Dinas PUPR Provinsi Sumatera Utara",
        forward_reason="Ruas jalan berstatus jalan provinsi",
        lapor_tracking="7312345",
    )
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.status == "diteruskan" and ticket.forwarded_target == "provinsi"
    assert ticket.lapor_number == "7312345"
    page = client.get(ticket.tracking_path(), HTTP_HOST="localhost").content.decode()
    assert "Dinas PUPR Provinsi Sumatera Utara" in page and "Pemerintah provinsi" in page
    assert "Ruas jalan berstatus jalan provinsi" in page and "7312345" in page


def test_lapor_number_by_hand(opd_a, operator_a, client, client_as):
    ticket = services.create_ticket(channel="web", opd=opd_a, text="Antrean puskesmas")
    alfa = client_as(operator_a)
    r = _edit(alfa, ticket, lapor_tracking="<script>")
    assert r.status_code == 200 and "Nomor pelacakan LAPOR!" in r.content.decode()
    assert Ticket.objects.get(pk=ticket.pk).lapor_number == ""
    r = _edit(alfa, ticket, lapor_tracking="LPR-2026/0042")
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.lapor_number == "LPR-2026/0042" and ticket.status == "didisposisikan"
    page = client.get(ticket.tracking_path(), HTTP_HOST="localhost").content.decode()
    assert "LPR-2026/0042" in page


def test_lapor_clocks_when_the_pemda_chooses_them(opd_a, kominfo, settings):
    field = Category.objects.create(name="Cek lapangan", slug="lapangan", tier="pengawasan")
    received = timezone.now() - dt.timedelta(days=1)
    settings.BALAI_ASPIRASI_CLOCK = "balai"
    own = services.create_ticket(channel="sms", text="a", category=field, received_at=received)
    settings.BALAI_ASPIRASI_CLOCK = "lapor"
    ticket = services.create_ticket(channel="sms", text="b", category=field, received_at=received)
    assert own.first_response_due == due_date(received, field.first_response_days)
    assert ticket.first_response_due == due_date(received, lapor.LAPOR_VERIFY_DAYS)
    assert ticket.tenggat == due_date(received, 60)  # completion still by the category

    for t in (own, ticket):
        settings.BALAI_ASPIRASI_CLOCK = "balai" if t is own else "lapor"
        services.dispose(t, opd_a, kominfo)
        t.refresh_from_db()
    assert ticket.first_response_due == due_date(ticket.clock_started_at, 5)
    assert own.first_response_due == due_date(received, field.first_response_days)

    # The agency lets 5 working days pass without responding: escalated on LAPOR!'s clock only.
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    Ticket.objects.filter(pk=ticket.pk).update(first_response_due=yesterday)
    settings.BALAI_ASPIRASI_CLOCK = "balai"
    assert remind_and_escalate.call()["escalated"] == 0
    settings.BALAI_ASPIRASI_CLOCK = "lapor"
    assert remind_and_escalate.call()["escalated"] == 1
    assert Ticket.objects.get(pk=ticket.pk).escalated_at is not None

    # Closing: 10 working days after the follow-up on LAPOR!'s clock, 14 on Balai's.
    services.answer(Ticket.objects.get(pk=ticket.pk), "Sudah diperbaiki.")
    ticket.refresh_from_db()
    answered = timezone.localdate(ticket.answered_at)
    day = answered
    while working_days_late(answered, day) < 11:
        day += dt.timedelta(days=1)
    assert not services.may_reopen(ticket, day)
    settings.BALAI_ASPIRASI_CLOCK = "balai"
    assert services.may_reopen(ticket, day)


def test_export_csv_and_json(opd_a, opd_b, kominfo, tmp_path):
    named = services.create_ticket(
        channel="web",
        opd=opd_a,
        text="Lampu mati",
        phone="+6281234567890",
        reporter_name="Budi",
        kecamatan="Medan Kota",
    )
    services.dispose(named, opd_a, kominfo, related=[opd_b])
    services.create_ticket(
        channel="sms", text="Rahasia", phone="081298765432", reporter_name="Siti", anonim=True
    )
    out = tmp_path / "aspirasi.json"
    call_command("aspirasi_ekspor", "--format", "json", "--output", str(out))
    document = json.loads(out.read_text(encoding="utf-8"))
    assert document["format"] == "balai-aspirasi-ekspor" and document["versi"] == 1
    assert document["jumlah"] == 2
    first, second = document["tiket"]
    assert list(first) == export.FIELDS
    assert first["nomor"] == named.number and first["opd"] == opd_a.slug
    assert first["opd_terkait"] == [opd_b.slug] and first["ponsel"] == "+6281234567890"
    assert dt.datetime.fromisoformat(first["diterima"]) and first["dijawab"] is None
    assert second["anonim"] is True and second["nama_pelapor"] == second["ponsel"] == ""

    out = tmp_path / "aspirasi.csv"
    call_command("aspirasi_ekspor", "--format", "csv", "--opd", opd_a.slug, "-o", str(out))
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    assert rows[0] == export.FIELDS and len(rows) == 2
    row = dict(zip(rows[0], rows[1], strict=True))
    assert row["nomor"] == named.number and row["opd_terkait"] == opd_b.slug
    assert row["anonim"] == "tidak" and row["dijawab"] == ""


def test_local_adapter_is_a_lapor_adapter():
    client = lapor.LocalLaporAdapter()
    assert isinstance(client, lapor.LaporAdapter)
    number = client.submit({"nomor": "ASP-2612-AAAAAA"})
    assert client.status(number) == "Belum diverifikasi" and client.status("x") == ""
