"""Inbound pipeline shared by every gateway: store raw first (idempotent), then process in the
worker. Idempotency (issue 6, point 7): the gateway's own message id is unique per gateway, and a
content fingerprint (phone + text + time window) catches retried deliveries without an id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from balai.core.privacy import normalise_phone
from balai.core.tasks import enqueue_after_commit
from balai.sms.models import InboundSMS

MAX_TEXT = 2000  # longer than any concatenated SMS; anything beyond is refused

# Spam seen in Indonesian SMS traffic: gambling promotions and link spam. Quarantined, not dropped.
SPAM_PATTERNS = [
    re.compile(r"\b(slot|gacor|maxwin|togel|judi|casino|kasino|jackpot|scatter)\b", re.I),
    re.compile(r"\b(deposit|depo)\s*\d", re.I),
    re.compile(r"(https?://|www\.|bit\.ly|s\.id/)\S+.*(https?://|www\.)", re.I | re.S),
]


class Refused(ValueError):
    """The message cannot be accepted (empty, oversized, binary, bad number)."""


def is_spam(text: str) -> bool:
    return any(p.search(text) for p in SPAM_PATTERNS)


def fingerprint(phone: str, text: str, received_at: dt.datetime) -> str:
    window = int(settings.BALAI_SMS_DEDUPE_WINDOW_SECONDS)
    bucket = int(received_at.timestamp()) // window
    return hashlib.sha256(f"{phone}|{text.strip()}|{bucket}".encode()).hexdigest()


def clean_text(text) -> str:
    if not isinstance(text, str):
        raise Refused("text must be a string")
    text = text.strip()
    if not text:
        raise Refused("empty message")
    if len(text) > MAX_TEXT:
        raise Refused("message too long")
    if "\x00" in text or any(ord(c) < 32 and c not in "\n\r\t" for c in text):
        raise Refused("binary content")
    return text


def receive(
    gateway: str,
    phone: str,
    text,
    *,
    gateway_id: str = "",
    received_at: dt.datetime | None = None,
    raw: dict | None = None,
    enqueue: bool = True,
) -> tuple[InboundSMS, bool]:
    """Store one inbound SMS and enqueue its processing. Returns (message, created).

    ``enqueue=False`` leaves the enqueue to the caller, which stores a batch and queues one task
    for all of it in the same transaction (see ``receive_batch``)."""
    number = normalise_phone(phone or "")
    if number is None:
        raise Refused("invalid phone number")
    text = clean_text(text)
    received_at = received_at or timezone.now()
    fp = fingerprint(number, text, received_at)
    gateway_id = str(gateway_id or "")[:128]
    # Insert first and let the unique constraints decide (one round trip less per message than
    # looking up first); a duplicate is answered from the existing row.
    try:
        with transaction.atomic():
            message = InboundSMS.objects.create(
                gateway=gateway,
                gateway_id=gateway_id,
                fingerprint=fp,
                phone=number,
                text=text,
                received_at=received_at,
                raw=raw or {},
            )
            if enqueue:
                from balai.sms.tasks import process_inbound

                enqueue_after_commit(process_inbound, message.pk)
    except IntegrityError:  # a repeated or concurrent delivery of the same message
        found = (
            InboundSMS.objects.filter(gateway=gateway, gateway_id=gateway_id).first()
            if gateway_id
            else None
        ) or InboundSMS.objects.filter(fingerprint=fp).first()
        if found is None:
            raise
        return found, False
    return message, True


def receive_batch(gateway: str, items: list[dict]) -> list[dict]:
    """Store several inbound SMS delivered together, in one transaction with one processing task.

    Each item is ``{"phone", "text", "gateway_id", "received_at", "raw"}``; a refused item does
    not stop the others. Returns one result per item: ``{"ok": True, "id", "duplicate"}`` or
    ``{"ok": False, "error"}``. All stored messages commit together with their task, so a crash
    stores none of them and the gateway's retry delivers them again.
    """
    from balai.sms.tasks import process_inbound_batch

    results, new_ids = [], []
    with transaction.atomic():
        for item in items:
            try:
                message, created = receive(
                    gateway,
                    item.get("phone") or "",
                    item.get("text"),
                    gateway_id=item.get("gateway_id") or "",
                    received_at=item.get("received_at"),
                    raw=item.get("raw"),
                    enqueue=False,
                )
            except Refused as exc:
                results.append({"ok": False, "error": str(exc)})
                continue
            results.append({"ok": True, "id": message.pk, "duplicate": not created})
            if created:
                new_ids.append(message.pk)
        if new_ids:
            enqueue_after_commit(process_inbound_batch, new_ids)
    return results


def release(message: InboundSMS) -> bool:
    """An officer's review: a quarantined (not spam after all) or failed message is processed
    again, without the spam check. Returns False when the message is in neither state."""
    from balai.sms.tasks import process_inbound

    with transaction.atomic():
        updated = InboundSMS.objects.filter(
            pk=message.pk,
            status__in=[InboundSMS.Status.QUARANTINED, InboundSMS.Status.FAILED],
        ).update(status=InboundSMS.Status.RECEIVED, attempts=0, last_error="", reviewed=True)
        if updated:
            enqueue_after_commit(process_inbound, message.pk)
    return bool(updated)
