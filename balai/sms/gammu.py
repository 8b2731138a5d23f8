"""Gammu SMSD integration: the classic Indonesian SMS Centre (a GSM modem on a server).

gammu-smsd runs with its SQL backend (``service = sql``, ``driver = native_pgsql``; sample
configuration in deploy/gammu-smsdrc) on its own PostgreSQL database, created from the schema
Debian's package ships in /usr/share/doc/gammu-smsd/examples/pgsql.sql (schema version 17).
Balai talks to that database at ``BALAI_SMS_GAMMU_DATABASE_URL`` and never to the modem:

- **Inbound** — ``poll_inbox`` (a periodic task, every 30 s) reads new rows of ``inbox``
  (``"Processed" = false``) in ID order, joins the parts of a concatenated SMS (the UDH's
  reference, part count and sequence number; smsd stores one row per part), hands each message to
  the inbound pipeline with the inbox row ID as the gateway's message id, then marks the rows
  processed. A crash between the two steps only makes the next poll hand the message in again,
  which the pipeline recognises by that id: one message, one ticket. A part still missing after
  BALAI_SMS_GAMMU_PART_TIMEOUT seconds is not waited for forever: what arrived is taken in.
- **Outbound** — ``GammuGateway`` (gateways.py) calls ``write_outbox``: one ``outbox`` row, and for
  a long text the further parts in ``outbox_multipart``, each part with a concatenation UDH so the
  phone shows one message. ``CreatorID`` carries the message's stable client id; a resend after a
  worker crash finds the row (in ``outbox`` or, once sent, ``sentitems``) and inserts nothing.
- **Delivery status** — ``poll_sentitems`` (periodic) reads ``sentitems`` by CreatorID: every part
  ``DeliveryOK`` → delivered ("sampai"); any part ``SendingError``/``DeliveryFailed``/``Error`` →
  failed, with smsd's status in the error, visible on the failed-SMS page with its retry button.

The alternative hook ``RunOnReceive = manage.py sms_gammu_receive`` (smsd's environment variables,
``messages_from_env``) also works, for an smsd that runs with the files backend.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone

from balai.sms.gsm import is_gsm7, split_parts

logger = logging.getLogger(__name__)

FAILED_STATES = {"SendingError", "DeliveryFailed", "Error"}


def _connect():
    import psycopg

    return psycopg.connect(settings.BALAI_SMS_GAMMU_DATABASE_URL, connect_timeout=5)


def concat_udh(reference: int, total: int, sequence: int) -> str:
    """User data header of part ``sequence`` of ``total`` (8-bit reference, IEI 00), as smsd
    expects it in the UDH column: hex, e.g. ``050003A70201``."""
    return f"050003{reference:02X}{total:02X}{sequence:02X}"


def parse_concat_udh(udh: str) -> tuple[int, int, int] | None:
    """(reference, total, sequence) of a concatenated part's UDH (8- or 16-bit reference), or None
    for a message that stands alone."""
    udh = (udh or "").strip().upper()
    if udh.startswith("050003") and len(udh) == 12:
        return int(udh[6:8], 16), int(udh[8:10], 16), int(udh[10:12], 16)
    if udh.startswith("060804") and len(udh) == 14:
        return int(udh[6:10], 16), int(udh[10:12], 16), int(udh[12:14], 16)
    return None


def write_outbox(client_id: str, phone: str, text: str) -> str:
    """Queue ``text`` for ``phone`` in smsd's outbox (idempotent on ``client_id``); returns the
    outbox ID."""
    parts = split_parts(text)
    coding = "Default_No_Compression" if is_gsm7(text) else "Unicode_No_Compression"
    reference = secrets.randbelow(256)
    total = len(parts)

    def udh(seq: int) -> str:
        return concat_udh(reference, total, seq) if total > 1 else ""

    with _connect() as conn, conn.cursor() as cur:
        cur.execute('SELECT "ID" FROM outbox WHERE "CreatorID" = %s', [client_id])
        row = cur.fetchone() or None
        if row is None:
            cur.execute('SELECT "ID" FROM sentitems WHERE "CreatorID" = %s LIMIT 1', [client_id])
            row = cur.fetchone()
        if row:
            return str(row[0])
        cur.execute(
            'INSERT INTO outbox ("DestinationNumber", "TextDecoded", "Coding", "UDH", "CreatorID",'
            ' "MultiPart", "Class") VALUES (%s, %s, %s, %s, %s, %s, -1) RETURNING "ID"',
            [phone, parts[0], coding, udh(1), client_id, total > 1],
        )
        outbox_id = cur.fetchone()[0]
        for seq, part in enumerate(parts[1:], start=2):
            cur.execute(
                'INSERT INTO outbox_multipart ("ID", "SequencePosition", "TextDecoded", "Coding",'
                ' "UDH", "Class") VALUES (%s, %s, %s, %s, %s, -1)',
                [outbox_id, seq, part, coding, udh(seq)],
            )
    return str(outbox_id)


@dataclass
class _Message:
    phone: str
    received_at: dt.datetime
    ids: list[int] = field(default_factory=list)
    parts: dict[int, str] = field(default_factory=dict)
    total: int = 1

    @property
    def complete(self) -> bool:
        return len(self.parts) >= self.total

    @property
    def text(self) -> str:
        return "".join(self.parts[i] for i in sorted(self.parts))


def _aware(value: dt.datetime) -> dt.datetime:
    """smsd writes local timestamps without a zone; Balai's TIME_ZONE is the modem's."""
    return timezone.make_aware(value) if timezone.is_naive(value) else value


def _group(rows) -> list[_Message]:
    """Inbox rows → messages, the parts of a concatenated SMS joined in sequence order."""
    messages: dict[tuple, _Message] = {}
    for row_id, phone, text, udh, received in rows:
        concat = parse_concat_udh(udh)
        key = (phone, concat[0], concat[1]) if concat else ("single", row_id)
        message = messages.get(key)
        if message is None:
            message = messages[key] = _Message(phone=phone, received_at=_aware(received))
        message.ids.append(row_id)
        if concat:
            message.total = concat[1]
            message.parts[concat[2]] = text or ""
        else:
            message.parts[1] = text or ""
    return list(messages.values())


def poll_inbox(limit: int = 500) -> dict[str, int]:
    """Take smsd's new inbox rows into the inbound pipeline (see the module docstring)."""
    from balai.sms.inbound import Refused, receive
    from balai.sms.models import Gateway

    counts = {"stored": 0, "duplicate": 0, "refused": 0, "waiting": 0}
    timeout = dt.timedelta(seconds=settings.BALAI_SMS_GAMMU_PART_TIMEOUT)
    with _connect() as conn:
        rows = conn.execute(
            'SELECT "ID", "SenderNumber", "TextDecoded", "UDH", "ReceivingDateTime" FROM inbox '
            'WHERE NOT "Processed" ORDER BY "ID" LIMIT %s',
            [limit],
        ).fetchall()
        for message in _group(rows):
            if not message.complete and timezone.now() - message.received_at < timeout:
                counts["waiting"] += 1
                continue
            gateway_id = "inbox-" + "-".join(str(i) for i in sorted(message.ids))
            try:
                _stored, created = receive(
                    Gateway.GAMMU,
                    message.phone,
                    message.text,
                    gateway_id=gateway_id,
                    received_at=message.received_at,
                    raw={"inbox_ids": message.ids, "parts": len(message.parts)},
                )
                counts["stored" if created else "duplicate"] += 1
            except Refused as exc:  # the row stays in smsd's inbox, marked processed
                logger.warning("Gammu inbox %s refused: %s", message.ids, exc)
                counts["refused"] += 1
            conn.execute('UPDATE inbox SET "Processed" = true WHERE "ID" = ANY(%s)', [message.ids])
            conn.commit()
    return counts


def poll_sentitems(days: int = 7) -> dict[str, int]:
    """Carry smsd's sending and delivery states over to Balai's outbox (see the docstring)."""
    from balai.sms.models import OutboundSMS

    since = timezone.now() - dt.timedelta(days=days)
    waiting = {
        m.client_id: m
        for m in OutboundSMS.objects.filter(
            gateway="gammu", status=OutboundSMS.Status.SENT, sent_at__gte=since
        )
    }
    counts = {"delivered": 0, "failed": 0}
    if not waiting:
        return counts
    with _connect() as conn:
        rows = conn.execute(
            'SELECT "CreatorID", "SequencePosition", "Status", "StatusError" FROM sentitems '
            'WHERE "CreatorID" = ANY(%s)',
            [list(waiting)],
        ).fetchall()
    states: dict[str, list[tuple[str, int]]] = {}
    for creator, _seq, status, error in rows:
        states.setdefault(creator, []).append((status, error))
    for creator, parts in states.items():
        message = waiting[creator]
        failed = [(s, e) for s, e in parts if s in FAILED_STATES]
        if failed:
            status, code = failed[0]
            OutboundSMS.objects.filter(pk=message.pk).update(
                status=OutboundSMS.Status.FAILED, last_error=f"Gammu: {status} ({code})"
            )
            counts["failed"] += 1
        elif len(parts) >= message.parts and all(s == "DeliveryOK" for s, _e in parts):
            OutboundSMS.objects.filter(pk=message.pk).update(status=OutboundSMS.Status.DELIVERED)
            counts["delivered"] += 1
    return counts


def messages_from_env(env: dict | None = None) -> list[dict]:
    """The messages gammu-smsd passes to RunOnReceive in its environment."""
    env = os.environ if env is None else env
    count = int(env.get("SMS_MESSAGES", "0") or 0)
    decoded = int(env.get("DECODED_PARTS", "0") or 0)
    messages = []
    if decoded and count:
        text = "".join(env.get(f"DECODED_{i}_TEXT", "") for i in range(1, decoded + 1))
        messages.append(
            {
                "phone": env.get("SMS_1_NUMBER", ""),
                "text": text,
                "id": env.get("SMS_1_ID", "") or env.get("SMS_1_REFERENCE", ""),
            }
        )
        return messages
    for i in range(1, count + 1):
        messages.append(
            {
                "phone": env.get(f"SMS_{i}_NUMBER", ""),
                "text": env.get(f"SMS_{i}_TEXT", ""),
                "id": env.get(f"SMS_{i}_ID", ""),
            }
        )
    return messages
