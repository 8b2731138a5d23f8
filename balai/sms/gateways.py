"""Outbound gateway adapters behind one interface: ``send(message) -> gateway reference``.

Delivery semantics (issue 6, point 10): **at-least-once towards the gateway, with gateway-side
deduplication**. The worker marks a message "mengirim" and counts the attempt in a committed
transaction, calls the gateway, then marks it "terkirim". A crash between the gateway call and the
"terkirim" commit makes the worker send again; every adapter passes the message's stable
``client_id`` (``balai-<pk>``) so the gateway drops the repeat: SMSGate's send API takes it as the
message ``id``; the Gammu outbox row carries it in ``CreatorID`` and is only inserted when no row
with that CreatorID exists; the file backend writes ``<client_id>.json`` (a rewrite, not a second
message). The citizen therefore receives each SMS once.
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import logging
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
from django.utils import timezone
from django.utils.module_loading import import_string

from balai.sms.gsm import is_gsm7, parts_needed

logger = logging.getLogger(__name__)


class GatewayError(Exception):
    """The gateway is unreachable or refused the message: the worker retries later."""


class BaseGateway:
    name = "base"

    def send(self, message) -> str:
        raise NotImplementedError


class FileGateway(BaseGateway):
    """Development and demo: each message becomes ``<dir>/<client_id>.json`` (and a log line)."""

    name = "console"

    def send(self, message) -> str:
        folder = Path(settings.BALAI_SMS_FILE_DIR)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            path = folder / f"{message.client_id}.json"
            path.write_text(
                json.dumps({"to": message.phone, "text": message.text}, ensure_ascii=False),
                encoding="utf-8",
            )
        except OSError as exc:
            raise GatewayError(str(exc)) from exc
        logger.info("SMS to %s: %s", message.phone, message.text)
        return path.name


class SMSGateGateway(BaseGateway):
    """SMS Gateway for Android (SMSGate): ``POST {url}/message`` with basic auth; ``id`` is our
    client id, which the app uses to refuse a duplicate."""

    name = "smsgate"

    def send(self, message) -> str:
        url = settings.BALAI_SMSGATE_URL.rstrip("/") + "/message"
        auth = base64.b64encode(
            f"{settings.BALAI_SMSGATE_USER}:{settings.BALAI_SMSGATE_PASSWORD}".encode()
        ).decode()
        body = {
            "id": message.client_id,
            "textMessage": {"text": message.text},
            "phoneNumbers": [message.phone],
        }
        request = urllib.request.Request(  # noqa: S310 - configured https URL
            url,
            data=json.dumps(body).encode(),
            headers={"Authorization": f"Basic {auth}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                data = json.loads(response.read() or b"{}")
        except urllib.error.HTTPError as exc:
            if exc.code == 409:  # already known: the earlier attempt went through
                return message.client_id
            raise GatewayError(f"HTTP {exc.code}") from exc
        except (OSError, ValueError) as exc:
            raise GatewayError(str(exc)) from exc
        return str(data.get("id", message.client_id))


class GammuGateway(BaseGateway):
    """Gammu SMSD's SQL backend: insert into ``outbox`` (+ ``outbox_multipart`` for long texts),
    table layout as in Debian's /usr/share/doc/gammu-smsd/examples/pgsql.sql."""

    name = "gammu"

    def send(self, message) -> str:
        from balai.sms.gammu import write_outbox

        try:
            return write_outbox(message.client_id, message.phone, message.text)
        except Exception as exc:  # noqa: BLE001 - any database trouble means: retry later
            raise GatewayError(str(exc)) from exc


def get_gateway() -> BaseGateway:
    return import_string(settings.BALAI_SMS_GATEWAY)()


def _post_json(url: str, body: dict, headers: dict | None = None) -> dict:
    request = urllib.request.Request(  # noqa: S310 - configured https URL
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    try:
        with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
            return json.loads(response.read() or b"{}")
    except urllib.error.HTTPError as exc:
        detail = exc.read()[:300].decode("utf-8", "replace")
        raise GatewayError(f"HTTP {exc.code}: {detail}") from exc
    except (OSError, ValueError) as exc:
        raise GatewayError(str(exc)) from exc


class TelegramSender(BaseGateway):
    """Telegram Bot API ``sendMessage`` to the chat the message came from. The Bot API has no
    idempotency key: a crash between the call and the "terkirim" commit can repeat one reply."""

    name = "telegram"

    def send(self, message) -> str:
        url = (
            f"{settings.BALAI_TELEGRAM_API_URL.rstrip('/')}/bot{settings.BALAI_TELEGRAM_BOT_TOKEN}"
            "/sendMessage"
        )
        data = _post_json(url, {"chat_id": message.phone, "text": message.text[:4096]})
        if not data.get("ok"):
            raise GatewayError(str(data.get("description", "Telegram refused the message")))
        return str((data.get("result") or {}).get("message_id", ""))


WHATSAPP_WINDOW = dt.timedelta(hours=24)


class WhatsAppSender(BaseGateway):
    """WhatsApp Business Cloud API ``POST /{phone-number-id}/messages``.

    WhatsApp's customer-service window: a free-form text only within 24 hours of the citizen's
    last message; later (a notice days after the report) only an approved template, here
    BALAI_WHATSAPP_TEMPLATE with Balai's text as its body parameter. The message row records
    which was sent (``template``). Like Telegram, no idempotency key (see TelegramSender)."""

    name = "whatsapp"

    def send(self, message) -> str:
        from balai.sms.models import Channel, InboundSMS, OutboundSMS

        to = message.phone.lstrip("+")
        in_window = InboundSMS.objects.filter(
            channel=Channel.WHATSAPP,
            phone=message.phone,
            received_at__gte=timezone.now() - WHATSAPP_WINDOW,
        ).exists()
        body: dict = {"messaging_product": "whatsapp", "recipient_type": "individual", "to": to}
        if in_window:
            body |= {"type": "text", "text": {"preview_url": False, "body": message.text[:4096]}}
            template = ""
        else:
            template = settings.BALAI_WHATSAPP_TEMPLATE
            body |= {
                "type": "template",
                "template": {
                    "name": template,
                    "language": {"code": settings.BALAI_WHATSAPP_TEMPLATE_LANGUAGE},
                    "components": [
                        {"type": "body", "parameters": [{"type": "text", "text": message.text}]}
                    ],
                },
            }
        url = (
            f"{settings.BALAI_WHATSAPP_API_URL.rstrip('/')}/"
            f"{settings.BALAI_WHATSAPP_PHONE_NUMBER_ID}/messages"
        )
        data = _post_json(url, body, {"Authorization": f"Bearer {settings.BALAI_WHATSAPP_TOKEN}"})
        OutboundSMS.objects.filter(pk=message.pk).update(template=template)
        return str(((data.get("messages") or [{}])[0]).get("id", ""))


def get_sender(channel: str) -> BaseGateway:
    """The outbound adapter of a channel: SMS through the configured gateway; Telegram and
    WhatsApp through their APIs once a token is configured, else the file gateway (dev/demo)."""
    if channel == "telegram" and settings.BALAI_TELEGRAM_BOT_TOKEN:
        return TelegramSender()
    if channel == "whatsapp" and settings.BALAI_WHATSAPP_TOKEN:
        return WhatsAppSender()
    if channel in ("telegram", "whatsapp"):
        return FileGateway()
    return get_gateway()


def describe(text: str) -> dict:
    return {"gsm7": is_gsm7(text), "parts": parts_needed(text)}
