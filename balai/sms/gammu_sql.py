"""Polling Gammu SMSD's SQL tables: new ``inbox`` rows become inbound SMS, ``sentitems`` rows give
the delivery state of what ``balai.sms.gammu.write_outbox`` queued (layout: Debian's
/usr/share/doc/gammu-smsd/examples/pgsql.sql, gammu-smsd 1.42; set-up: deploy/gammu/README.md).

What smsd 1.42 stores in ``inbox`` (smsd/services/sql.c, ``SMSDSQL_SaveInboxSMS``), checked
against the daemon itself in balai/sms/tests/test_gammu_sql.py:

* one row per received *part*; ``TextDecoded`` is the decoded text, ``UDH`` the hex user data
  header ("" when none);
* a concatenated message whose parts all arrived within ``MultipartTimeout`` is linked by smsd
  and saved in one go: the first row's ``TextDecoded`` holds the **whole** text, the other parts'
  rows have ``TextDecoded = ''``;
* parts smsd could not link (timeout, or they came in separate reads) are saved one by one, each
  with its own text. Balai joins them by (sender, UDH reference, part count) once all parts are
  there, or after ``GAMMU_MULTIPART_WAIT`` with what has arrived.

Each inbox row is marked ``Processed = true`` only after ``inbound.receive`` stored the message;
a crash in between makes the next poll hand it over again and ``receive`` deduplicates on the
gateway id (the inbox ``ID`` of the first part). A refused message (empty, binary, an
alphanumeric sender) is logged and marked processed, never retried. An unreachable Gammu database
is logged and tried again at the next run.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from balai.core.scheduler import periodic
from balai.sms.gammu import FAILED_STATUSES, connect
from balai.sms.gsm import split_parts
from balai.sms.inbound import Refused, receive
from balai.sms.models import Gateway, OutboundSMS

logger = logging.getLogger(__name__)

BATCH = 200
GAMMU_MULTIPART_WAIT = dt.timedelta(minutes=10)  # smsd's own MultipartTimeout default is 600 s
POLL_EVERY = dt.timedelta(seconds=10)  # the scheduler ticks every 15 s by default
DELIVERY_WINDOW = dt.timedelta(days=3)  # delivery reports later than this are not waited for
USSD_CLASS = 127


@dataclass(frozen=True)
class InboxRow:
    id: int
    sender: str
    text: str
    udh: str
    coding: str
    sms_class: int
    received_at: dt.datetime  # naive, smsd host's local time
    smsc: str
    recipient_id: str
    stale: bool  # older than GAMMU_MULTIPART_WAIT (judged by the database clock)


def parse_concat(udh: str) -> tuple[int, int, int] | None:
    """(reference, total, sequence) from a concatenated-SMS UDH (IEI 00 or 08), else None."""
    try:
        data = bytes.fromhex(udh or "")
    except ValueError:
        return None
    if not data:
        return None
    end, i = min(1 + data[0], len(data)), 1
    while i + 1 < end:
        iei, length = data[i], data[i + 1]
        value = data[i + 2 : i + 2 + length]
        if iei == 0x00 and length == 3 and len(value) == 3:
            return value[0], value[1], value[2]
        if iei == 0x08 and length == 4 and len(value) == 4:
            return value[0] << 8 | value[1], value[2], value[3]
        i += 2 + length
    return None


def _aware(value: dt.datetime) -> dt.datetime:
    # smsd writes timestamp-without-time-zone in its host's local time; run it with the same
    # TZ as Balai's TIME_ZONE (deploy/gammu/README.md).
    if timezone.is_aware(value):
        return value
    return timezone.make_aware(value, timezone.get_default_timezone())


def _messages(rows: list[InboxRow]) -> list[tuple[list[InboxRow], str]]:
    """Group inbox rows into messages: [(rows, text)], rows of the message first-part first.
    Rows of an incomplete, recent concatenated message are left out (to wait for the rest)."""
    out: list[tuple[list[InboxRow], str]] = []
    groups: dict[tuple, list[tuple[int, InboxRow]]] = defaultdict(list)
    for row in rows:
        concat = parse_concat(row.udh)
        if concat is None or concat[1] <= 1:
            out.append(([row], row.text))
        else:
            ref, total, seq = concat
            groups[(row.sender, ref, total)].append((seq, row))
    for (_sender, _ref, total), members in groups.items():
        members.sort(key=lambda m: (m[0], m[1].id))
        group = [row for _seq, row in members]
        if any(not row.text for row in group):
            # Linked by smsd: the first row carries the whole text, the others are empty. With
            # no text at all, these are the tail of a message handed over in an earlier poll.
            out.append((group, "".join(row.text for row in group)))
            continue
        seqs = {seq for seq, _row in members}
        if len(seqs) >= total or all(row.stale for row in group):
            by_seq = {}
            for seq, row in members:
                by_seq.setdefault(seq, row)
            out.append((group, "".join(by_seq[s].text for s in sorted(by_seq))))
    out.sort(key=lambda m: m[0][0].id)
    return out


def poll_inbox(limit: int = BATCH) -> int:
    """Hand unprocessed ``inbox`` rows to the inbound pipeline; returns messages stored."""
    stored = 0
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            'SELECT "ID", "SenderNumber", "TextDecoded", COALESCE("UDH", \'\'), "Coding", '
            '"Class", "ReceivingDateTime", "SMSCNumber", "RecipientID", '
            '"UpdatedInDB" < LOCALTIMESTAMP - %s FROM inbox WHERE NOT "Processed" '
            'ORDER BY "ID" LIMIT %s FOR UPDATE SKIP LOCKED',
            [GAMMU_MULTIPART_WAIT, limit],
        )
        rows = [InboxRow(*r) for r in cur.fetchall()]
        for group, text in _messages(rows):
            first = group[0]
            ids = [row.id for row in group]
            if not text and parse_concat(first.udh):
                logger.info("gammu inbox %s: parts of an earlier concatenated SMS", ids)
            elif first.sms_class == USSD_CLASS:
                logger.info("gammu inbox %s: USSD reply, not a citizen's SMS", ids)
            else:
                raw = {
                    "inbox_ids": ids,
                    "udh": [row.udh for row in group],
                    "coding": first.coding,
                    "smsc": first.smsc,
                    "recipient_id": first.recipient_id,
                    "received": first.received_at.isoformat(),
                }
                try:
                    _message, created = receive(
                        Gateway.GAMMU,
                        first.sender,
                        text,
                        gateway_id=str(first.id),
                        received_at=_aware(first.received_at),
                        raw=raw,
                    )
                except Refused as exc:
                    logger.warning("gammu inbox %s from %s refused: %s", ids, first.sender, exc)
                else:
                    stored += created
            cur.execute('UPDATE inbox SET "Processed" = true WHERE "ID" = ANY(%s)', [ids])
            # Progress survives a failure further down the batch. (This ends the row locks too: a
            # poll running alongside may hand a row over again, which receive() deduplicates.)
            conn.commit()
    return stored


def poll_sentitems(limit: int = 500) -> dict[str, int]:
    """Update messages Gammu has sent: all parts ``DeliveryOK`` → "sampai"; any part
    ``SendingError``/``DeliveryFailed``/``Error`` → "gagal" with the reason (the admin's "SMS
    gagal" list offers a resend, which queues a fresh outbox row); otherwise they stay
    "terkirim". Rows are found by their ``ID`` (our gateway_ref, sentitems' primary key) and
    checked against ``CreatorID``."""
    counts = {"delivered": 0, "failed": 0}
    since = timezone.now() - DELIVERY_WINDOW
    pending = {
        m.gateway_ref: m
        for m in OutboundSMS.objects.filter(
            gateway=Gateway.GAMMU, status=OutboundSMS.Status.SENT, sent_at__gte=since
        ).order_by("sent_at")[:limit]
        if m.gateway_ref.isdigit()
    }
    if not pending:
        return counts
    parts: dict[str, list[tuple]] = defaultdict(list)
    with connect() as conn, conn.cursor() as cur:
        cur.execute(
            'SELECT "ID", "CreatorID", "SequencePosition", "Status", "StatusError" '
            'FROM sentitems WHERE "ID" = ANY(%s)',
            [[int(ref) for ref in pending]],
        )
        for row_id, creator, seq, status, status_error in cur.fetchall():
            message = pending.get(str(row_id))
            if message is not None and creator == message.client_id:
                parts[str(row_id)].append((seq, status, status_error))
    for ref, rows in parts.items():
        message = pending[ref]
        failed = [r for r in rows if r[1] in FAILED_STATUSES]
        delivered = {r[0] for r in rows if r[1] == "DeliveryOK"}
        if failed:
            seq, status, status_error = failed[0]
            update = {
                "status": OutboundSMS.Status.FAILED,
                "last_error": f"Gammu: {status} (bagian {seq}, StatusError {status_error})",
            }
            counts["failed"] += 1
        elif len(delivered) >= len(split_parts(message.text)):
            update = {"status": OutboundSMS.Status.DELIVERED}
            counts["delivered"] += 1
        else:
            continue
        with transaction.atomic():  # a resend started meanwhile is not overwritten
            OutboundSMS.objects.filter(
                pk=message.pk, status=OutboundSMS.Status.SENT, gateway_ref=ref
            ).update(**update)
    return counts


def _configured() -> bool:
    return bool(settings.BALAI_SMS_GAMMU_DATABASE_URL)


@task()
def poll_gammu_inbox() -> int:
    """Periodic: new SMS from Gammu's inbox (returns at once without a Gammu database)."""
    if not _configured():
        return 0
    import psycopg

    try:
        return poll_inbox()
    except psycopg.OperationalError as exc:  # down or unreachable: the next run tries again
        logger.warning("Gammu database unreachable: %s", exc)
        return 0


@task()
def poll_gammu_sentitems() -> dict[str, int]:
    """Periodic: delivery state of SMS sent through Gammu."""
    if not _configured():
        return {}
    import psycopg

    try:
        return poll_sentitems()
    except psycopg.OperationalError as exc:
        logger.warning("Gammu database unreachable: %s", exc)
        return {}


if _configured():  # only sites with a Gammu database pay for a job every few seconds
    periodic(every=POLL_EVERY)(poll_gammu_inbox)
    periodic(every=POLL_EVERY)(poll_gammu_sentitems)
