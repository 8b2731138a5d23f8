"""SMS in: every gateway's wire format, idempotency, refusals, spam, threading, routing."""

from __future__ import annotations

import json
import time

import pytest
from django.core.management import call_command

from balai.aspirasi.models import RoutingRule, Ticket
from balai.sms.models import InboundSMS, OutboundSMS
from balai.sms.tests.helpers import post_smsgate, post_webhook

pytestmark = pytest.mark.django_db
PHONE = "081234567890"


def test_webhook_sms_becomes_ticket_and_acknowledged(portal, client, run_tasks):
    r = post_webhook(
        client, {"id": "p-1", "from": PHONE, "text": "LAPOR lampu jalan mati di Jl. Merdeka"}
    )
    assert r.status_code == 200 and r.json()["ok"]
    assert InboundSMS.objects.get().status == "diterima"  # stored raw first
    run_tasks()
    ticket = Ticket.objects.get()
    assert ticket.channel == "sms" and ticket.phone == "+6281234567890"
    assert ticket.text == "lampu jalan mati di Jl. Merdeka"
    assert ticket.status == "baru" and ticket.opd is None  # Kominfo's triage queue
    ack = OutboundSMS.objects.get()
    assert ticket.number in ack.text and ack.status == "terkirim"
    assert ack.parts == 1  # number and short link fit one SMS
    # The short link in the SMS opens the tracking page; a wrong secret finds nothing.
    link = ack.text.rsplit(" ", 1)[-1]
    path = link.split("://", 1)[-1].partition("/")[2]
    assert path.startswith("a/") and len(link) < len(ticket.tracking_url())
    r = client.get("/" + path, HTTP_HOST="localhost")
    assert r.status_code == 302 and r["Location"] == ticket.tracking_path()
    assert client.get("/" + path[:-2] + "xx", HTTP_HOST="localhost").status_code == 404


def test_duplicate_and_concurrent_deliveries_make_one_ticket(portal, client, run_tasks):
    payload = {"id": "p-2", "from": PHONE, "text": "LAPOR sampah menumpuk"}
    for _ in range(3):
        assert post_webhook(client, payload).status_code == 200
    # a retry without the provider id but with the same content within the window
    assert post_webhook(client, {"from": "+6281234567890", "text": "LAPOR sampah menumpuk"}).json()[
        "duplicate"
    ]
    run_tasks()
    assert InboundSMS.objects.count() == 1
    assert Ticket.objects.count() == 1


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        (b"{not json", 400),
        (json.dumps({"from": PHONE, "text": ""}).encode(), 400),
        (json.dumps({"from": PHONE, "text": "a\x00b\x01"}).encode(), 400),
        (json.dumps({"from": PHONE, "text": "x" * 5000}).encode(), 400),
        (json.dumps({"from": "halo", "text": "LAPOR x"}).encode(), 400),
        (json.dumps([1, 2]).encode(), 400),
        (b"x" * 70000, 413),
    ],
)
def test_bad_input_is_refused_and_nothing_stored(portal, client, raw, status):
    r = post_webhook(client, None, raw=raw)
    assert r.status_code == status and r.json()["ok"] is False
    assert InboundSMS.objects.count() == 0


def test_bad_signature_and_replay_refused(portal, client):
    payload = {"from": PHONE, "text": "LAPOR jalan rusak"}
    assert post_webhook(client, payload, secret="salah").status_code == 403
    assert post_webhook(client, payload, ts=int(time.time()) - 3600).status_code == 403
    r = client.post(
        "/sms/webhook/", json.dumps(payload), content_type="application/json", HTTP_HOST="localhost"
    )
    assert r.status_code == 403
    assert InboundSMS.objects.count() == 0


def test_webhook_open_on_inactive_opd_host(opd_a, client):
    opd_a.is_active = False
    opd_a.save()
    r = post_webhook(client, {"from": PHONE, "text": "LAPOR x"}, host=opd_a.hostname)
    assert r.status_code == 200


def test_smsgate_wire_format(portal, client, run_tasks):
    payload = {
        "deviceId": "ffffffffceb0b1db0000018e937c815b",
        "event": "sms:received",
        "id": "Ey6ECgOkVVFjz3CL48B8C",
        "webhookId": "LreFUt-Z3sSq0JufY9uWB",
        "payload": {
            "messageId": "abc123",
            "message": "LAPOR drainase tersumbat",
            "phoneNumber": "6281234567890",
            "simNumber": None,
            "receivedAt": "2026-11-20T08:15:00.000+07:00",
        },
    }
    assert post_smsgate(client, payload).status_code == 200
    assert post_smsgate(client, payload).json()["duplicate"]
    assert post_smsgate(client, payload, secret="x").status_code == 403
    run_tasks()
    assert Ticket.objects.get().text == "drainase tersumbat"


def test_spam_is_quarantined_not_dropped(portal, client, client_as, kominfo, operator_a, run_tasks):
    post_webhook(client, {"from": PHONE, "text": "Slot gacor maxwin deposit 10rb http://x.y"})
    # A real report that mentions gambling looks like spam too: held, not lost.
    post_webhook(client, {"from": "081311112222", "text": "LAPOR ada judi sabung ayam di gang 5"})
    run_tasks()
    assert set(InboundSMS.objects.values_list("status", flat=True)) == {"karantina"}
    assert Ticket.objects.count() == 0

    denied = client_as(operator_a).get("/admin/sms/tinjau/")  # Kominfo only
    assert denied.status_code == 302 and denied["Location"] == "/admin/"
    officer = client_as(kominfo)
    page = officer.get("/admin/sms/tinjau/").content.decode()
    assert "sabung ayam" in page and "gacor" in page
    real = InboundSMS.objects.get(phone="+6281311112222")
    r = officer.post(f"/admin/sms/tinjau/{real.pk}/proses/")
    assert r.status_code == 302
    run_tasks()
    real.refresh_from_db()
    assert real.status == "diproses"
    assert Ticket.objects.get().text == "ada judi sabung ayam di gang 5"
    assert InboundSMS.objects.get(phone="+6281234567890").status == "karantina"
    assert "gacor" in officer.get("/admin/sms/tinjau/").content.decode()


def test_threading_and_new_keyword(portal, client, run_tasks):
    post_webhook(client, {"from": PHONE, "text": "LAPOR pohon tumbang"})
    run_tasks()
    post_webhook(client, {"from": PHONE, "text": "sudah dua hari belum diangkat"})
    run_tasks()
    ticket = Ticket.objects.get()
    assert ticket.events.filter(kind="pesan").count() == 2
    post_webhook(client, {"from": PHONE, "text": "LAPOR masalah lain: air PDAM mati"})
    run_tasks()
    assert Ticket.objects.count() == 2


def test_keyword_routing_to_opd(opd_a, client, run_tasks):
    RoutingRule.objects.create(keyword="dishub", opd=opd_a)
    post_webhook(client, {"from": PHONE, "text": "DISHUB lampu lalu lintas mati"})
    post_webhook(client, {"from": "081298765432", "text": "alfa trotoar rusak"})
    run_tasks()
    assert Ticket.objects.filter(opd=opd_a, status="didisposisikan").count() == 2


def test_flood_limit_per_phone(portal, client, settings):
    settings.BALAI_SMS_RATE_PHONE = (3, 60)
    codes = [
        post_webhook(client, {"from": PHONE, "text": f"LAPOR pesan {i}"}).status_code
        for i in range(5)
    ]
    assert codes == [200, 200, 200, 429, 429]


def test_gammu_run_on_receive(portal, monkeypatch, run_tasks):
    monkeypatch.setenv("SMS_MESSAGES", "1")
    monkeypatch.setenv("SMS_1_NUMBER", "+6281234567890")
    monkeypatch.setenv("SMS_1_TEXT", "LAPOR jembatan retak")
    call_command("sms_gammu_receive")
    call_command("sms_gammu_receive")  # redelivery: same content, one message
    run_tasks()
    assert Ticket.objects.get().text == "jembatan retak"


def test_batch_delivery_stores_each_once_and_answers_per_item(portal, client, run_tasks):
    """Several messages in one signed delivery: good ones become tickets, bad ones are refused
    with their reason, a redelivered batch creates nothing new."""
    batch = {
        "messages": [
            {"id": "b-1", "from": PHONE, "text": "LAPOR lampu jalan mati"},
            {"id": "b-2", "from": "081311112222", "text": "LAPOR drainase tersumbat"},
            {"id": "b-3", "from": "081311113333", "text": ""},
            "bukan objek",
            {"id": "b-4", "text": "tanpa nomor"},
        ]
    }
    r = post_webhook(client, batch, path="/sms/webhook/batch/")
    assert r.status_code == 200, r.content
    results = r.json()["results"]
    assert [x["ok"] for x in results] == [True, True, False, False, False]
    assert results[2]["error"] == "empty message"
    assert results[4]["error"] == "missing phone number"
    again = post_webhook(client, batch, path="/sms/webhook/batch/").json()["results"]
    assert again[0]["duplicate"] and again[1]["duplicate"] and again[0]["id"] == results[0]["id"]
    run_tasks()
    assert InboundSMS.objects.count() == 2
    assert sorted(Ticket.objects.values_list("text", flat=True)) == [
        "drainase tersumbat",
        "lampu jalan mati",
    ]
    assert OutboundSMS.objects.filter(status="terkirim").count() == 2  # one acknowledgement each


@pytest.mark.parametrize(
    ("payload", "status"),
    [
        ({"messages": []}, 400),
        ({"messages": "x"}, 400),
        ({}, 400),
        ({"messages": [{"from": PHONE, "text": f"LAPOR {i}"} for i in range(201)]}, 413),
    ],
)
def test_bad_batch_refused_and_nothing_stored(portal, client, payload, status):
    r = post_webhook(client, payload, path="/sms/webhook/batch/")
    assert r.status_code == status and r.json()["ok"] is False
    assert (
        post_webhook(client, payload, path="/sms/webhook/batch/", secret="salah").status_code == 403
    )
    assert InboundSMS.objects.count() == 0
