"""Issue 16.1: Telegram and WhatsApp are channels of the aspiration pipeline. Recorded payloads
(as the platforms send them) go through the real webhooks; replies go to local fakes of each API."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import time
from pathlib import Path

import pytest
from django.utils import timezone

from balai.aspirasi import services
from balai.aspirasi.models import RoutingRule, Ticket
from balai.sms.models import InboundSMS, OutboundSMS
from balai.sms.tests.fakes import FakeTelegram, FakeWhatsApp

pytestmark = pytest.mark.django_db

PAYLOADS = Path(__file__).parent / "payloads"
TG_SECRET = "tg-secret-token"
WA_SECRET = "wa-app-secret"


def payload(name: str) -> dict:
    """A recorded payload, re-dated to now (the platforms send the time of the message)."""
    data = json.loads((PAYLOADS / name).read_text())
    now = int(time.time())
    for message in [data.get("message") or {}]:
        if "date" in message:
            message["date"] = now
    for entry in data.get("entry", []):
        for change in entry["changes"]:
            for message in change["value"].get("messages", []):
                message["timestamp"] = str(now)
    return data


@pytest.fixture
def telegram(settings):
    with FakeTelegram() as fake:
        settings.BALAI_TELEGRAM_API_URL = fake.url
        settings.BALAI_TELEGRAM_BOT_TOKEN = fake.token
        settings.BALAI_TELEGRAM_WEBHOOK_SECRET = TG_SECRET
        yield fake


@pytest.fixture
def whatsapp(settings):
    with FakeWhatsApp() as fake:
        settings.BALAI_WHATSAPP_API_URL = fake.url
        settings.BALAI_WHATSAPP_TOKEN = fake.token
        settings.BALAI_WHATSAPP_PHONE_NUMBER_ID = fake.phone_id
        settings.BALAI_WHATSAPP_APP_SECRET = WA_SECRET
        settings.BALAI_WHATSAPP_VERIFY_TOKEN = "verify-me"
        yield fake


def post_telegram(client, data, secret=TG_SECRET):
    return client.post(
        "/sms/webhook/telegram/",
        json.dumps(data),
        content_type="application/json",
        HTTP_HOST="localhost",
        HTTP_X_TELEGRAM_BOT_API_SECRET_TOKEN=secret,
    )


def post_whatsapp(client, data, secret=WA_SECRET):
    body = json.dumps(data).encode()
    signature = "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
    return client.post(
        "/sms/webhook/whatsapp/",
        body,
        content_type="application/json",
        HTTP_HOST="localhost",
        HTTP_X_HUB_SIGNATURE_256=signature,
    )


def test_telegram_report_is_a_ticket_answered_on_telegram(client, telegram, run_tasks, opd_a):
    RoutingRule.objects.create(keyword="LAMPU", opd=opd_a)
    start = post_telegram(client, payload("telegram_start.json"))
    assert start.status_code == 200
    update = payload("telegram_text.json")
    assert post_telegram(client, update).json()["duplicate"] is False
    assert post_telegram(client, update).json()["duplicate"] is True  # Telegram's redelivery
    run_tasks()
    ticket = Ticket.objects.get()
    assert (ticket.channel, ticket.contact, ticket.phone) == ("telegram", "5123456789", "")
    assert ticket.opd == opd_a and ticket.text.startswith("jalan di Jl. Merdeka")  # routed
    assert [m["chat_id"] for m in telegram.sent] == ["5123456789", "5123456789"]
    assert "LAPOR" in telegram.sent[0]["text"]  # /start: how to write
    assert ticket.number in telegram.sent[1]["text"]  # the acknowledgement

    follow_up = payload("telegram_text.json")
    follow_up["message"].update(message_id=2842, text="Sudah dua minggu sekarang")
    post_telegram(client, follow_up)
    run_tasks()
    assert ticket.events.filter(kind="pesan").count() == 2  # joined the thread

    services.answer(ticket, "Lampu sudah diganti oleh Dishub.")
    run_tasks()
    assert "Lampu sudah diganti" in telegram.sent[-1]["text"]
    assert OutboundSMS.objects.filter(channel="telegram", status="terkirim").count() == 3


def test_telegram_refuses_a_wrong_secret_and_ignores_non_text(client, telegram):
    assert post_telegram(client, payload("telegram_text.json"), secret="salah").status_code == 403
    sticker = payload("telegram_text.json")
    del sticker["message"]["text"]
    sticker["message"]["sticker"] = {"file_id": "CAACAgIAAxkBAAE"}
    assert post_telegram(client, sticker).json()["ignored"]
    assert not InboundSMS.objects.exists()


def test_whatsapp_verification_handshake(client, whatsapp):
    ok = client.get(
        "/sms/webhook/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": "verify-me", "hub.challenge": "1158201444"},
        HTTP_HOST="localhost",
    )
    assert ok.status_code == 200 and ok.content == b"1158201444"
    bad = client.get(
        "/sms/webhook/whatsapp/",
        {"hub.mode": "subscribe", "hub.verify_token": "salah", "hub.challenge": "1"},
        HTTP_HOST="localhost",
    )
    assert bad.status_code == 403


def test_whatsapp_report_answered_in_the_window_then_by_template(client, whatsapp, run_tasks):
    data = payload("whatsapp_text.json")
    assert post_whatsapp(client, data, secret="salah").status_code == 403
    assert post_whatsapp(client, data).json()["results"][0]["duplicate"] is False
    assert post_whatsapp(client, data).json()["results"][0]["duplicate"] is True
    assert post_whatsapp(client, payload("whatsapp_status.json")).json()["results"] == []
    run_tasks()
    ticket = Ticket.objects.get()
    assert (ticket.channel, ticket.phone, ticket.contact) == (
        "whatsapp",
        "+6281234567890",
        "+6281234567890",
    )
    ack = whatsapp.sent[0]
    assert ack["to"] == "6281234567890" and ack["type"] == "text"
    assert ticket.number in ack["text"]["body"]

    # Two days later the citizen's window is closed: the answer goes as the approved template.
    InboundSMS.objects.update(received_at=timezone.now() - dt.timedelta(days=2))
    services.answer(ticket, "Jalan sudah ditambal.")
    run_tasks()
    notice = whatsapp.sent[-1]
    assert notice["type"] == "template" and notice["template"]["name"] == "balai_pemberitahuan"
    parameter = notice["template"]["components"][0]["parameters"][0]["text"]
    assert "Jalan sudah ditambal." in parameter
    assert OutboundSMS.objects.filter(template="balai_pemberitahuan").count() == 1
    assert len(whatsapp.sent) == 2  # each reply once


def test_same_number_on_sms_and_whatsapp_keeps_two_threads(client, whatsapp, run_tasks):
    from balai.sms.tests.helpers import post_webhook

    post_whatsapp(client, payload("whatsapp_text.json"))
    post_webhook(client, {"from": "081234567890", "text": "LAPOR got mampet"})
    run_tasks()
    assert sorted(Ticket.objects.values_list("channel", flat=True)) == ["sms", "whatsapp"]


@pytest.mark.parametrize(
    ("channel", "address"),
    [("sms", "081234567890"), ("telegram", "5123456789"), ("whatsapp", "081234567890")],
)
def test_simulator_covers_every_channel(kominfo, client_as, run_tasks, channel, address):
    client = client_as(kominfo)
    r = client.post(
        "/admin/sms/simulator/",
        {"channel": channel, "phone": address, "text": "LAPOR got mampet"},
        HTTP_HOST="localhost",
    )
    assert r.status_code == 302, r.content
    run_tasks()
    ticket = Ticket.objects.get()
    assert ticket.channel == channel
    page = client.get(r["Location"], HTTP_HOST="localhost").content.decode()
    assert "got mampet" in page and ticket.number in page  # the reply, on that channel
    assert OutboundSMS.objects.get().channel == channel
