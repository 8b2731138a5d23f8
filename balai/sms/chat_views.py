"""Webhooks of the chat channels (issue 16.1): Telegram and WhatsApp feed the same inbound
pipeline as SMS (``inbound.receive``: stored once by the platform's message id, flood limit,
then the registered handler in the worker); the reply goes back on the same channel.

``/sms/webhook/telegram/`` — Telegram Bot API webhook (``setWebhook`` with ``secret_token``):
    every call carries ``X-Telegram-Bot-Api-Secret-Token``; an Update with ``message.text``.
``/sms/webhook/whatsapp/`` — WhatsApp Business Cloud API webhook: ``GET`` is Meta's verification
    handshake (``hub.mode=subscribe``, ``hub.verify_token``, answered with ``hub.challenge``);
    ``POST`` carries ``X-Hub-Signature-256: sha256=<HMAC-SHA256(app secret, raw body)>`` and
    ``entry[].changes[].value.messages[]`` (text messages; statuses are ignored).

Both answer 200 to anything authentic, even a refused message (recorded), because the platforms
retry any other answer for hours; 403 to a bad secret or signature.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from balai.sms.inbound import Refused, receive
from balai.sms.models import Channel, Gateway
from balai.sms.views import MAX_BATCH_BODY, MAX_BODY, _body, _refuse


def _timestamp(value) -> dt.datetime | None:
    try:
        return dt.datetime.fromtimestamp(int(value), tz=dt.UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return None


def _take(channel, gateway, sender, text, gateway_id, when, raw) -> dict:
    try:
        message, created = receive(
            gateway,
            sender,
            text,
            gateway_id=gateway_id,
            received_at=when,
            raw=raw,
            channel=channel,
        )
    except Refused as exc:
        return {"ok": False, "error": str(exc)}
    return {"ok": True, "id": message.pk, "duplicate": not created}


@csrf_exempt
@require_POST
def telegram_webhook(request: HttpRequest) -> JsonResponse:
    secret = settings.BALAI_TELEGRAM_WEBHOOK_SECRET
    given = request.headers.get("X-Telegram-Bot-Api-Secret-Token", "")
    if not secret or not hmac.compare_digest(secret.encode(), given.encode()):
        return _refuse("bad secret token", 403)
    if len(request.body) > MAX_BODY:
        return _refuse("payload too large", 413)
    _raw, update, error = _body(request)
    if error:
        return error
    message = update.get("message") or update.get("edited_message")
    if not isinstance(message, dict) or not isinstance(message.get("text"), str):
        return JsonResponse({"ok": True, "ignored": "not a text message"})
    chat = message.get("chat") if isinstance(message.get("chat"), dict) else {}
    if chat.get("type", "private") != "private":
        return JsonResponse({"ok": True, "ignored": "not a private chat"})
    if "edited_message" in update:
        return JsonResponse({"ok": True, "ignored": "edited message"})
    result = _take(
        Channel.TELEGRAM,
        Gateway.TELEGRAM,
        chat.get("id"),
        message["text"],
        f"{chat.get('id')}:{message.get('message_id')}",
        _timestamp(message.get("date")),
        update,
    )
    return JsonResponse(result)


def _whatsapp_verify(request: HttpRequest) -> HttpResponse:
    token = settings.BALAI_WHATSAPP_VERIFY_TOKEN
    given = request.GET.get("hub.verify_token", "")
    if (
        request.GET.get("hub.mode") == "subscribe"
        and token
        and hmac.compare_digest(token.encode(), given.encode())
    ):
        return HttpResponse(request.GET.get("hub.challenge", ""), content_type="text/plain")
    return HttpResponse("verification failed", status=403, content_type="text/plain")


@csrf_exempt
@require_http_methods(["GET", "POST"])
def whatsapp_webhook(request: HttpRequest) -> HttpResponse:
    if request.method == "GET":
        return _whatsapp_verify(request)
    if len(request.body) > MAX_BATCH_BODY:
        return _refuse("payload too large", 413)
    secret = settings.BALAI_WHATSAPP_APP_SECRET
    given = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(secret.encode(), request.body, hashlib.sha256).hexdigest()
    if not secret or not hmac.compare_digest(expected, given.strip().lower()):
        return _refuse("bad signature", 403)
    _raw, data, error = _body(request)
    if error:
        return error
    results = []
    for entry in data.get("entry") or []:
        for change in (entry or {}).get("changes") or [] if isinstance(entry, dict) else []:
            value = change.get("value") if isinstance(change, dict) else None
            if not isinstance(value, dict):
                continue
            for item in value.get("messages") or []:
                if not isinstance(item, dict) or item.get("type") != "text":
                    results.append({"ok": False, "error": "not a text message"})
                    continue
                text = (
                    (item.get("text") or {}).get("body")
                    if isinstance(item.get("text"), dict)
                    else None
                )
                results.append(
                    _take(
                        Channel.WHATSAPP,
                        Gateway.WHATSAPP,
                        item.get("from"),
                        text,
                        str(item.get("id") or ""),
                        _timestamp(item.get("timestamp")),
                        item,
                    )
                )
    return JsonResponse({"ok": True, "results": results})
