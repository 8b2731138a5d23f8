"""Gammu SMSD integration (the classic Indonesian SMS Centre on a GSM modem): the outbox side.

Gammu SMSD runs next to the modem with its SQL backend (``service = sql``, ``driver =
native_pgsql``) on a PostgreSQL database whose tables are exactly Debian's
/usr/share/doc/gammu-smsd/examples/pgsql.sql (gammu-smsd 1.42, schema version 17). Balai talks to
that database at ``BALAI_SMS_GAMMU_DATABASE_URL``; deploy/gammu/README.md has the set-up.

* **Out** (this module, used by ``gateways.GammuGateway``): one row per SMS *part*. smsd does not
  split long texts itself — it sends each outbox row as one PDU (smsd/services/sql.c,
  ``SMSDSQL_FindOutboxSMS``) — so a long reply is written the way ``gammu-smsd-inject`` writes it:
  part 1 in ``outbox`` with ``MultiPart = true`` and a concatenation UDH, parts 2..n in
  ``outbox_multipart`` with the same ``ID``, ``SequencePosition`` 2..n and their own UDH.
  ``CreatorID`` carries our client id (``balai-<pk>``): a resend after a crash finds the row (still
  queued in ``outbox`` or already in ``sentitems``) and inserts nothing twice.
* **In** and **delivery status**: ``balai.sms.gammu_sql`` polls ``inbox`` and ``sentitems``.
* **Alternative inbound path**: ``RunOnReceive = <venv>/python manage.py sms_gammu_receive`` reads
  the messages smsd puts in its environment (``messages_from_env``), for set-ups that keep smsd on
  the files backend. Use one inbound path, not both.
"""

from __future__ import annotations

import os
import zlib

from django.conf import settings

from balai.sms.gsm import is_gsm7, split_parts

# Statuses that mean "this attempt did not reach the phone" (sentitems / outbox "Status" enum).
FAILED_STATUSES = ("SendingError", "DeliveryFailed", "Error")


class GammuNotConfigured(RuntimeError):
    """BALAI_SMS_GAMMU_DATABASE_URL is empty."""


def connect():
    """A new psycopg connection to Gammu's database (not Django's: smsd owns those tables)."""
    import psycopg

    url = settings.BALAI_SMS_GAMMU_DATABASE_URL
    if not url:
        raise GammuNotConfigured("BALAI_SMS_GAMMU_DATABASE_URL is not set")
    return psycopg.connect(url, connect_timeout=5)


def concat_udh(reference: int, total: int, seq: int) -> str:
    """Hex UDH of a concatenated SMS with an 8-bit reference (IEI 00), as gammu writes it."""
    return f"050003{reference & 0xFF:02X}{total:02X}{seq:02X}"


def write_outbox(client_id: str, phone: str, text: str) -> str:
    """Queue ``text`` for ``phone`` in smsd's outbox; returns the outbox ID (smsd keeps it as the
    ``sentitems`` ID). Idempotent on ``client_id`` unless the earlier attempt failed for good."""
    parts = split_parts(text)
    gsm7 = is_gsm7(text)
    coding = "Default_No_Compression" if gsm7 else "Unicode_No_Compression"
    reference = zlib.crc32(client_id.encode())  # stable per message: a resend reuses it
    total = len(parts)
    with connect() as conn, conn.cursor() as cur:  # one transaction, committed on exit
        # Two workers sending the same message at once (a crash and a sweep) queue it once.
        cur.execute("SELECT pg_advisory_xact_lock(hashtext(%s))", [client_id])
        cur.execute('SELECT "ID" FROM outbox WHERE "CreatorID" = %s', [client_id])
        row = cur.fetchone()
        if row:
            return str(row[0])
        cur.execute(
            'SELECT "ID" FROM sentitems WHERE "CreatorID" = %s GROUP BY "ID" '
            'HAVING NOT bool_or("Status" = ANY(%s)) ORDER BY "ID" DESC LIMIT 1',
            [client_id, list(FAILED_STATUSES)],
        )
        row = cur.fetchone()
        if row:
            return str(row[0])
        cur.execute(
            'INSERT INTO outbox ("DestinationNumber", "TextDecoded", "Coding", "UDH", "Class", '
            '"MultiPart", "CreatorID") VALUES (%s, %s, %s, %s, -1, %s, %s) RETURNING "ID"',
            [
                phone,
                parts[0],
                coding,
                concat_udh(reference, total, 1) if total > 1 else None,
                total > 1,
                client_id,
            ],
        )
        outbox_id = cur.fetchone()[0]
        for seq, part in enumerate(parts[1:], start=2):
            cur.execute(
                'INSERT INTO outbox_multipart ("ID", "SequencePosition", "TextDecoded", "Coding",'
                ' "UDH", "Class") VALUES (%s, %s, %s, %s, %s, -1)',
                [outbox_id, seq, part, coding, concat_udh(reference, total, seq)],
            )
    return str(outbox_id)


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
