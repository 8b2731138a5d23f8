"""Gammu SMSD integration (the classic Indonesian SMS Centre on a GSM modem).

Inbound: gammu-smsd runs ``RunOnReceive = <venv>/python manage.py sms_gammu_receive`` which reads
``SMS_MESSAGES``, ``SMS_<n>_NUMBER``, ``SMS_<n>_TEXT`` from its environment (and ``DECODED_*``
for concatenated texts) and hands each message to the inbound pipeline; the gammu message id
(``SMS_<n>_ID`` / the inbox ID when available) makes redelivery idempotent.
Outbound: rows in the SQL backend's ``outbox`` (+ ``outbox_multipart``) with the layout of
Debian's /usr/share/doc/gammu-smsd/examples/pgsql.sql; ``CreatorID`` carries our client id so a
resend after a crash inserts nothing twice.
"""

from __future__ import annotations

import os

from django.conf import settings

from balai.sms.gsm import is_gsm7

PART = {True: 153, False: 67}


def _connect():
    import psycopg

    return psycopg.connect(settings.BALAI_SMS_GAMMU_DATABASE_URL)


def split(text: str) -> list[str]:
    size = PART[is_gsm7(text)]
    if len(text) <= (160 if is_gsm7(text) else 70):
        return [text]
    return [text[i : i + size] for i in range(0, len(text), size)]


def write_outbox(client_id: str, phone: str, text: str) -> str:
    parts = split(text)
    coding = "Default_No_Compression" if is_gsm7(text) else "Unicode_No_Compression"
    with _connect() as conn, conn.cursor() as cur:
        cur.execute('SELECT "ID" FROM outbox WHERE "CreatorID" = %s', [client_id])
        row = cur.fetchone()
        if row:
            return str(row[0])
        cur.execute('SELECT 1 FROM sentitems WHERE "CreatorID" = %s LIMIT 1', [client_id])
        if cur.fetchone():
            return client_id
        cur.execute(
            'INSERT INTO outbox ("DestinationNumber", "TextDecoded", "Coding", "CreatorID", '
            '"MultiPart", "Class") VALUES (%s, %s, %s, %s, %s, -1) RETURNING "ID"',
            [phone, parts[0], coding, client_id, "true" if len(parts) > 1 else "false"],
        )
        outbox_id = cur.fetchone()[0]
        for seq, part in enumerate(parts[1:], start=2):
            cur.execute(
                'INSERT INTO outbox_multipart ("ID", "SequencePosition", "TextDecoded", "Coding",'
                ' "Class") VALUES (%s, %s, %s, %s, -1)',
                [outbox_id, seq, part, coding],
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
