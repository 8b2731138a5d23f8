"""Inbound HTTP gateways.

``/sms/webhook/`` — the generic JSON webhook for any provider or a WhatsApp bridge:
    POST application/json ``{"id": "<provider message id>", "from": "+62812…", "text": "…",
    "received_at": "2026-01-05T08:00:00+07:00"}`` (``id`` and ``received_at`` optional), headers
    ``X-Balai-Timestamp: <unix seconds>`` and
    ``X-Balai-Signature: hex(HMAC-SHA256(BALAI_SMS_WEBHOOK_SECRET, "<timestamp>.<raw body>"))``.
``/sms/webhook/batch/`` — the same webhook, signed the same way, for several messages in one
    delivery: ``{"messages": [<message as above>, …]}`` (at most MAX_BATCH); they are stored in
    one transaction and answered per item, in order:
    ``{"ok": true, "results": [{"ok": true, "id": 12, "duplicate": false},
    {"ok": false, "error": "empty message"}, …]}``. A gateway should resend the items answered
    with ``"error": "rate limited"`` later, as it would a 429.
``/sms/webhook/smsgate/`` — SMS Gateway for Android's ``sms:received`` webhook: headers
    ``X-Signature: hex(HMAC-SHA256(secret, <raw body> + <X-Timestamp>))`` and ``X-Timestamp``.

All refuse a timestamp more than BALAI_SMS_WEBHOOK_MAX_SKEW seconds away (replays), answer 200
for a duplicate (so the gateway stops retrying) and 4xx with a clear reason for bad input.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import time

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.utils.dateparse import parse_datetime
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from balai.core.public_forms import client_ip, rate_limited
from balai.sms.inbound import Flooded, Refused, receive, receive_batch
from balai.sms.models import Gateway

MAX_BODY = 64 * 1024
MAX_BATCH_BODY = 1024 * 1024
MAX_BATCH = 200


def _refuse(reason: str, status: int = 400) -> JsonResponse:
    return JsonResponse({"ok": False, "error": reason}, status=status)


def _check_signature(secret: str, message: bytes, signature: str) -> bool:
    if not secret:
        return False
    expected = hmac.new(secret.encode(), message, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, (signature or "").strip().lower())


def _fresh(timestamp: str) -> bool:
    try:
        ts = int(timestamp)
    except (TypeError, ValueError):
        return False
    return abs(time.time() - ts) <= settings.BALAI_SMS_WEBHOOK_MAX_SKEW


def _sender_refusal(request: HttpRequest, phone) -> tuple[str, int] | None:
    """Why a delivery from ``phone`` is refused before anything is stored (reason, HTTP status),
    or None; counts the delivery against the per-IP limit. The per-number limit is counted in
    the database by ``inbound.receive`` (normalised number, across processes, resends free)."""
    if not isinstance(phone, str) or not phone:
        return "missing phone number", 400
    if rate_limited(f"sms-ip:{client_ip(request)}", *settings.BALAI_SMS_RATE_IP):
        return "rate limited", 429
    return None


def _when(value) -> dt.datetime | None:
    return parse_datetime(value) if isinstance(value, str) else None


def _accept(request, gateway, phone, text, gateway_id, received_at, raw) -> JsonResponse:
    refusal = _sender_refusal(request, phone)
    if refusal:
        return _refuse(*refusal)
    when = _when(received_at)
    try:
        message, created = receive(
            gateway, phone, text, gateway_id=gateway_id or "", received_at=when, raw=raw
        )
    except Flooded as exc:
        return _refuse(str(exc), 429)
    except Refused as exc:
        return _refuse(str(exc))
    return JsonResponse({"ok": True, "id": message.pk, "duplicate": not created})


def _body(request: HttpRequest) -> tuple[bytes, dict | None, JsonResponse | None]:
    raw = request.body
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        return raw, None, _refuse("malformed JSON")
    if not isinstance(data, dict):
        return raw, None, _refuse("JSON object expected")
    return raw, data, None


def _accept_batch(request: HttpRequest, items) -> JsonResponse:
    if not isinstance(items, list) or not items:
        return _refuse("messages must be a non-empty list")
    if len(items) > MAX_BATCH:
        return _refuse(f"at most {MAX_BATCH} messages per delivery", 413)
    results: list[dict | None] = [None] * len(items)
    batch, positions = [], []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            results[i] = {"ok": False, "error": "JSON object expected"}
            continue
        refusal = _sender_refusal(request, item.get("from"))
        if refusal:
            results[i] = {"ok": False, "error": refusal[0]}
            continue
        batch.append(
            {
                "phone": item["from"],
                "text": item.get("text"),
                "gateway_id": item.get("id") or "",
                "received_at": _when(item.get("received_at")),
                "raw": item,
            }
        )
        positions.append(i)
    for i, result in zip(positions, receive_batch(Gateway.WEBHOOK, batch), strict=True):
        results[i] = result
    return JsonResponse({"ok": True, "results": results})


def _signed_body(request: HttpRequest, max_size: int) -> tuple[dict | None, JsonResponse | None]:
    """The generic webhook's JSON object, once size, HMAC signature and timestamp are checked."""
    if len(request.body) > max_size:
        return None, _refuse("payload too large", 413)
    timestamp = request.headers.get("X-Balai-Timestamp", "")
    if not _check_signature(
        settings.BALAI_SMS_WEBHOOK_SECRET,
        timestamp.encode() + b"." + request.body,
        request.headers.get("X-Balai-Signature", ""),
    ):
        return None, _refuse("bad signature", 403)
    if not _fresh(timestamp):
        return None, _refuse("stale or missing timestamp (replay?)", 403)
    _raw, data, error = _body(request)
    return data, error


@csrf_exempt
@require_POST
def generic_webhook_batch(request: HttpRequest) -> JsonResponse:
    data, error = _signed_body(request, MAX_BATCH_BODY)
    if error:
        return error
    return _accept_batch(request, data.get("messages"))


@csrf_exempt
@require_POST
def generic_webhook(request: HttpRequest) -> JsonResponse:
    data, error = _signed_body(request, MAX_BODY)
    if error:
        return error
    return _accept(
        request,
        Gateway.WEBHOOK,
        data.get("from"),
        data.get("text"),
        data.get("id"),
        data.get("received_at"),
        data,
    )


@csrf_exempt
@require_POST
def smsgate_webhook(request: HttpRequest) -> JsonResponse:
    if len(request.body) > MAX_BODY:
        return _refuse("payload too large", 413)
    timestamp = request.headers.get("X-Timestamp", "")
    if not _check_signature(
        settings.BALAI_SMSGATE_SIGNING_KEY,
        request.body + timestamp.encode(),
        request.headers.get("X-Signature", ""),
    ):
        return _refuse("bad signature", 403)
    if not _fresh(timestamp):
        return _refuse("stale or missing timestamp (replay?)", 403)
    raw, data, error = _body(request)
    if error:
        return error
    if data.get("event") != "sms:received":
        return JsonResponse({"ok": True, "ignored": data.get("event")})
    payload = data.get("payload") or {}
    if not isinstance(payload, dict):
        return _refuse("payload object expected")
    # messageId is derived from content and not guaranteed unique: combine it with the phone and
    # the receipt time; the content fingerprint catches the rest.
    gateway_id = ""
    if payload.get("messageId"):
        gateway_id = f"{payload.get('messageId')}|{payload.get('receivedAt', '')}"
    return _accept(
        request,
        Gateway.SMSGATE,
        payload.get("phoneNumber"),
        payload.get("message"),
        gateway_id,
        payload.get("receivedAt"),
        data,
    )
