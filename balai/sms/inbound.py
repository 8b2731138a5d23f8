"""Inbound pipeline shared by every gateway: store raw first (idempotent), then process in the
worker. Idempotency (issue 6, point 7): the gateway's own message id is unique per gateway, and a
content fingerprint (phone + text + time window) catches retried deliveries without an id."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from django.conf import settings
from django.db import IntegrityError, connection, transaction
from django.db.models import F
from django.utils import timezone

from balai.core.tasks import enqueue_after_commit
from balai.sms.addresses import normalise_address
from balai.sms.models import Channel, FloodRefusal, InboundSMS

MAX_TEXT = 2000  # longer than any concatenated SMS; anything beyond is refused

# Spam seen in Indonesian SMS traffic: gambling promotions and link spam. Quarantined, not dropped.
SPAM_PATTERNS = [
    re.compile(r"\b(slot|gacor|maxwin|togel|judi|casino|kasino|jackpot|scatter)\b", re.I),
    re.compile(r"\b(deposit|depo)\s*\d", re.I),
    re.compile(r"(https?://|www\.|bit\.ly|s\.id/)\S+.*(https?://|www\.)", re.I | re.S),
]


class Refused(ValueError):
    """The message cannot be accepted (empty, oversized, binary, bad number)."""


class Flooded(Refused):
    """The sender is over the per-number flood limit; the refusal is recorded (FloodRefusal)."""

    def __init__(self) -> None:
        super().__init__("rate limited")


def _lock_sender(phone: str) -> None:
    """Serialise the flood count of one sender across processes (PostgreSQL: an advisory lock
    held to the end of the transaction; SQLite serialises writers by itself)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [f"balai-flood:{phone}"])


def over_limit(phone: str, now: dt.datetime) -> bool:
    """Issue 12.10: the per-number limit counts the *normalised* number's stored messages in the
    database (so every process sees the same count, with or without Redis); a resend of a stored
    message is answered as a duplicate before this is asked, so it never counts."""
    limit, seconds = settings.BALAI_SMS_RATE_PHONE
    since = now - dt.timedelta(seconds=seconds)
    return InboundSMS.objects.filter(phone=phone, created_at__gte=since).count() >= limit


def record_refusal(channel: str, phone: str, text: str) -> None:
    now = timezone.now()
    with transaction.atomic():
        row, _created = FloodRefusal.objects.get_or_create(
            channel=channel, phone=phone, day=timezone.localdate(now), defaults={"last_at": now}
        )
        FloodRefusal.objects.filter(pk=row.pk).update(
            count=F("count") + 1, last_at=now, last_text=text[:200]
        )


def is_spam(text: str) -> bool:
    return any(p.search(text) for p in SPAM_PATTERNS)


def fingerprint(phone: str, text: str, received_at: dt.datetime) -> str:
    """A key unique per (phone, text, fixed time bucket): two concurrent deliveries of one
    message collide on it. Resends across a bucket edge are caught by ``earlier_copy``."""
    window = int(settings.BALAI_SMS_DEDUPE_WINDOW_SECONDS)
    bucket = int(received_at.timestamp()) // window
    return hashlib.sha256(f"{phone}|{text.strip()}|{bucket}".encode()).hexdigest()


def earlier_copy(phone: str, text: str, received_at: dt.datetime) -> InboundSMS | None:
    """The same text from the same number within BALAI_SMS_DEDUPE_WINDOW_SECONDS either side of
    ``received_at`` (a sliding window, issue 12.8): a resend of a message delivered without an
    id."""
    window = dt.timedelta(seconds=settings.BALAI_SMS_DEDUPE_WINDOW_SECONDS)
    return (
        InboundSMS.objects.filter(
            phone=phone, text=text, received_at__range=(received_at - window, received_at + window)
        )
        .order_by("received_at")
        .first()
    )


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
    channel: str = Channel.SMS,
) -> tuple[InboundSMS, bool]:
    """Store one inbound message and enqueue its processing. Returns (message, created).

    A resend (same gateway id, or same number and text within the dedupe window) returns the
    stored message; a new message over the sender's flood limit raises ``Flooded``, recorded.

    ``enqueue=False`` leaves the enqueue to the caller, which stores a batch and queues one task
    for all of it in the same transaction (see ``receive_batch``)."""
    number = normalise_address(channel, phone)
    if number is None:
        raise Refused("invalid phone number")
    text = clean_text(text)
    received_at = received_at or timezone.now()
    fp = fingerprint(number, text, received_at)
    gateway_id = str(gateway_id or "")[:128]
    # A resend is answered from the stored message before the flood limit is asked: resends
    # never count against the sender (issue 12.10).
    earlier = (
        InboundSMS.objects.filter(gateway=gateway, gateway_id=gateway_id).first()
        if gateway_id
        else earlier_copy(number, text, received_at)
    )
    if earlier is not None:
        return earlier, False
    # Insert and let the unique constraints decide between concurrent deliveries of one message.
    flooded = False
    try:
        with transaction.atomic():
            _lock_sender(number)
            flooded = over_limit(number, timezone.now())
            if not flooded:
                message = InboundSMS.objects.create(
                    channel=channel,
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
    except IntegrityError:  # a concurrent delivery of the same message
        found = (
            InboundSMS.objects.filter(gateway=gateway, gateway_id=gateway_id).first()
            if gateway_id
            else None
        ) or InboundSMS.objects.filter(fingerprint=fp).first()
        if found is None:
            raise
        return found, False
    if flooded:
        record_refusal(channel, number, text)
        raise Flooded()
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
