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
import json
import logging
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings
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


def describe(text: str) -> dict:
    return {"gsm7": is_gsm7(text), "parts": parts_needed(text)}
