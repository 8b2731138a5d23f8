"""Gammu SMSD's SQL backend: inbox polling, outbox layout (multipart, UCS-2), sentitems delivery
state — on a database built from the schema Debian's gammu-smsd ships, and end to end through the
real ``gammu-smsd`` daemon driving Gammu's dummy phone."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils.timezone import localtime, now

from balai.aspirasi.models import Ticket
from balai.sms import gammu_sql
from balai.sms.gammu import write_outbox
from balai.sms.gsm import length_units, split_parts
from balai.sms.models import InboundSMS, OutboundSMS
from balai.sms.outbound import queue_sms

SCHEMA = Path("/usr/share/doc/gammu-smsd/examples/pgsql.sql")
PHONE = "+6281234567890"
TABLES = "inbox, outbox, outbox_multipart, sentitems, phones"

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="Gammu's SQL backend is tested on PostgreSQL (driver native_pgsql); "
        "run with DATABASE_URL=postgres://…",
    ),
    pytest.mark.skipif(
        not SCHEMA.exists(), reason=f"{SCHEMA} missing: install gammu-smsd (scripts/system-deps.sh)"
    ),
]


def _server() -> dict:
    s = connection.settings_dict
    return {
        "host": s["HOST"] or "127.0.0.1",
        "port": int(s["PORT"] or 5432),
        "user": s["USER"] or "postgres",
        "password": s["PASSWORD"] or "",
    }


def _url(dbname: str) -> str:
    from psycopg.conninfo import make_conninfo

    return make_conninfo(dbname=dbname, **_server())


@pytest.fixture(scope="module")
def gammu_database(django_db_blocker):
    """A database with Debian's gammu-smsd schema, created once per module."""
    import psycopg

    with django_db_blocker.unblock():
        server_url = _url("postgres")
    name = f"balai_gammu_test_{os.getpid()}"
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
        # smsd writes local times, some through the database's NOW(): one clock for all three
        # (deploy/gammu/README.md).
        admin.execute(f"ALTER DATABASE \"{name}\" SET timezone TO '{settings.TIME_ZONE}'")
    # The schema's "CREATE LANGUAGE plpgsql;" fails on PostgreSQL >= 9.0 where plpgsql is built
    # in (psql prints the error and goes on, as Gammu's own test script expects); drop that one
    # statement so the rest can run as one script.
    script = SCHEMA.read_text().replace("CREATE LANGUAGE plpgsql;", "")
    with psycopg.connect(_url(name), autocommit=True) as conn:
        conn.execute(script)
    yield name
    with psycopg.connect(server_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def gammu(gammu_database, settings):
    """Empty Gammu tables, Balai pointed at them (and sending through GammuGateway)."""
    import psycopg

    url = _url(gammu_database)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(f"TRUNCATE {TABLES} RESTART IDENTITY")
    settings.BALAI_SMS_GAMMU_DATABASE_URL = url
    settings.BALAI_SMS_GATEWAY = "balai.sms.gateways.GammuGateway"
    conn = psycopg.connect(url, autocommit=True)
    yield conn
    conn.close()


def rows(conn, sql: str, params=()) -> list[tuple]:
    return conn.execute(sql, params).fetchall()


def smsd_inbox(conn, text: str, *, sender: str = PHONE, udh: str = "", **cols) -> int:
    """An inbox row with the columns smsd's INSERT fills (smsd/services/sql.c)."""
    values = {
        "SenderNumber": sender,
        "TextDecoded": text,
        "Text": text.encode("utf-16-be").hex().upper(),
        "UDH": udh,
        "Coding": "Default_No_Compression",
        "SMSCNumber": "+62816124",
        "Class": -1,
        "RecipientID": "balai-modem",
        "ReceivingDateTime": "2026-11-23 08:00:00",
        **cols,
    }
    names = ", ".join(f'"{k}"' for k in values)
    marks = ", ".join(["%s"] * len(values))
    sql = f'INSERT INTO inbox ({names}) VALUES ({marks}) RETURNING "ID"'  # noqa: S608
    return conn.execute(sql, list(values.values())).fetchone()[0]


def processed(conn) -> list[bool]:
    return [r[0] for r in rows(conn, 'SELECT "Processed" FROM inbox ORDER BY "ID"')]


# --- inbox ---------------------------------------------------------------------------------------


def test_inbox_row_becomes_one_ticket_and_reply_goes_to_outbox(portal, gammu, run_tasks):
    inbox_id = smsd_inbox(gammu, "LAPOR lampu jalan mati di Jl. Merdeka")
    assert gammu_sql.poll_inbox() == 1
    message = InboundSMS.objects.get()
    assert message.gateway == "gammu" and message.gateway_id == str(inbox_id)
    assert message.phone == PHONE and message.raw["inbox_ids"] == [inbox_id]
    assert (
        localtime(message.received_at).isoformat() == "2026-11-23T08:00:00+07:00"
    )  # smsd's local time
    assert processed(gammu) == [True]
    run_tasks()
    ticket = Ticket.objects.get()
    assert ticket.channel == "sms" and ticket.text == "lampu jalan mati di Jl. Merdeka"
    ack = OutboundSMS.objects.get()
    assert ack.status == "terkirim" and ack.gateway == "gammu"
    [(number, text, creator, ack_id)] = rows(
        gammu, 'SELECT "DestinationNumber", "TextDecoded", "CreatorID", "ID" FROM outbox'
    )
    assert number == PHONE and ticket.number in text and creator == ack.client_id
    assert ack.gateway_ref == str(ack_id)


def test_a_crash_before_marking_processed_makes_no_second_ticket(portal, gammu, run_tasks):
    smsd_inbox(gammu, "LAPOR sampah menumpuk")
    assert gammu_sql.poll_inbox() == 1
    assert gammu_sql.poll_inbox() == 0  # nothing new
    gammu.execute('UPDATE inbox SET "Processed" = false')  # as if we died before the UPDATE
    assert gammu_sql.poll_inbox() == 0
    run_tasks()
    assert InboundSMS.objects.count() == 1 and Ticket.objects.count() == 1
    assert processed(gammu) == [True]


def test_refused_rows_are_marked_processed_not_retried(portal, gammu, caplog):
    smsd_inbox(gammu, "", Coding="8bit", Text="0A0B0C")  # binary: smsd leaves TextDecoded empty
    smsd_inbox(gammu, "Promo paket data murah", sender="TELKOMSEL")  # not a phone number
    smsd_inbox(gammu, "Sisa pulsa Rp 5.000", Class=127)  # a USSD answer
    with caplog.at_level(logging.INFO, logger="balai.sms.gammu_sql"):
        assert gammu_sql.poll_inbox() == 0
    assert processed(gammu) == [True, True, True]
    assert InboundSMS.objects.count() == 0
    assert "refused" in caplog.text and "USSD" in caplog.text


def test_concatenated_sms_linked_by_smsd_is_one_message(portal, gammu):
    # smsd linked the parts: the first row carries the whole text, the others are empty.
    text = "LAPOR " + "jalan berlubang dekat pasar induk, mohon segera diperbaiki. " * 4
    first = smsd_inbox(gammu, text, udh="050003A70301")
    smsd_inbox(gammu, "", udh="050003A70302")
    smsd_inbox(gammu, "", udh="050003A70303")
    assert gammu_sql.poll_inbox() == 1
    message = InboundSMS.objects.get()
    assert message.text == text.strip() and message.gateway_id == str(first)
    assert processed(gammu) == [True, True, True]


def test_unlinked_parts_are_joined_in_order_once_all_arrived(portal, gammu):
    smsd_inbox(gammu, "kedua. ", udh="0608040102" + "0202")  # 16-bit reference, part 2 of 2
    assert gammu_sql.poll_inbox() == 0  # part 1 not there yet: wait
    assert processed(gammu) == [False]
    smsd_inbox(gammu, "LAPOR bagian pertama, ", udh="0608040102" + "0201")
    assert gammu_sql.poll_inbox() == 1
    assert InboundSMS.objects.get().text == "LAPOR bagian pertama, kedua."
    assert processed(gammu) == [True, True]


def test_incomplete_concatenated_sms_is_taken_as_it_is_after_the_wait(portal, gammu):
    smsd_inbox(gammu, "LAPOR potongan yang ", udh="0500031F0301")
    assert gammu_sql.poll_inbox() == 0
    # (an UPDATE cannot age a row: the schema's trigger stamps "UpdatedInDB" on every update)
    gammu.execute("DELETE FROM inbox")
    [(eleven_minutes_ago,)] = rows(gammu, "SELECT LOCALTIMESTAMP - interval '11 minutes'")
    old = {"UpdatedInDB": eleven_minutes_ago}
    smsd_inbox(gammu, "LAPOR potongan yang ", udh="0500031F0301", **old)
    smsd_inbox(gammu, "datang saja", udh="0500031F0302", **old)  # part 3 never came
    assert gammu_sql.poll_inbox() == 1
    assert InboundSMS.objects.get().text == "LAPOR potongan yang datang saja"


def test_unreachable_gammu_database_is_logged_and_retried_later(gammu, settings, caplog):
    smsd_inbox(gammu, "LAPOR nanti saja")
    OutboundSMS.objects.create(
        phone=PHONE, text="x", gateway="gammu", status="terkirim", gateway_ref="1", sent_at=now()
    )
    settings.BALAI_SMS_GAMMU_DATABASE_URL = "postgresql://nobody@127.0.0.1:9/none"
    with caplog.at_level(logging.WARNING):
        assert gammu_sql.poll_gammu_inbox.call() == 0
        assert gammu_sql.poll_gammu_sentitems.call() == {}
    assert "Gammu database unreachable" in caplog.text
    assert processed(gammu) == [False]


# --- outbox --------------------------------------------------------------------------------------


def test_short_reply_is_one_outbox_row_without_udh(gammu):
    ref = write_outbox("balai-1", PHONE, "Laporan Anda diterima. Nomor tiket: ASP-1.")
    [row] = rows(
        gammu, 'SELECT "ID", "MultiPart", "UDH", "Coding", "CreatorID", "Status" FROM outbox'
    )
    assert row == (int(ref), False, None, "Default_No_Compression", "balai-1", "Reserved")
    assert rows(gammu, "SELECT * FROM outbox_multipart") == []
    assert write_outbox("balai-1", PHONE, "Laporan Anda diterima.") == ref  # a resend: no new row
    assert len(rows(gammu, "SELECT 1 FROM outbox")) == 1


def test_long_unicode_reply_is_written_as_gammu_multipart(gammu):
    text = "Terima kasih 🙏 laporan Anda sudah kami teruskan ke Dinas PUPR. " * 3
    ref = write_outbox("balai-7", PHONE, text)
    [(oid, multipart, udh, coding, first)] = rows(
        gammu, 'SELECT "ID", "MultiPart", "UDH", "Coding", "TextDecoded" FROM outbox'
    )
    more = rows(
        gammu,
        'SELECT "ID", "SequencePosition", "UDH", "Coding", "TextDecoded" FROM outbox_multipart '
        'ORDER BY "SequencePosition"',
    )
    parts = [first] + [m[4] for m in more]
    assert str(oid) == ref and multipart is True and coding == "Unicode_No_Compression"
    assert "".join(parts) == text and len(parts) == 3
    assert all(length_units(p) <= 67 for p in parts)
    reference = udh[6:8]
    assert udh == f"050003{reference}0301"
    assert [(m[0], m[1], m[2], m[3]) for m in more] == [
        (oid, seq, f"050003{reference}03{seq:02X}", "Unicode_No_Compression") for seq in (2, 3)
    ]


def test_gsm7_split_counts_extension_characters_twice():
    text = "Biaya retribusi €5 [lunas] " * 12  # € [ ] take two septets each
    parts = split_parts(text)
    assert "".join(parts) == text
    assert all(length_units(p) <= 153 for p in parts) and len(parts) == 3


# --- sentitems -----------------------------------------------------------------------------------


def _sent(gammu, message, statuses, *, status_error=-1):
    """What smsd does after sending: outbox rows move to sentitems, one row per part."""
    gammu.execute('DELETE FROM outbox WHERE "ID" = %s', [int(message.gateway_ref)])
    gammu.execute('DELETE FROM outbox_multipart WHERE "ID" = %s', [int(message.gateway_ref)])
    for seq, status in enumerate(statuses, start=1):
        gammu.execute(
            'INSERT INTO sentitems ("ID", "SequencePosition", "Status", "StatusError", '
            '"CreatorID", "DestinationNumber", "Text", "UDH", "SenderID", "TextDecoded") '
            "VALUES (%s, %s, %s, %s, %s, %s, '', '', 'balai-modem', '')",
            [int(message.gateway_ref), seq, status, status_error, message.client_id, PHONE],
        )


def _queued(run_tasks, text):
    message = queue_sms(PHONE, text)
    run_tasks()
    message.refresh_from_db()
    assert message.status == "terkirim" and message.gateway == "gammu"
    return message


def test_delivery_reports_for_every_part_mark_the_sms_delivered(gammu, run_tasks):
    message = _queued(run_tasks, "Jawaban: " + "jalan sudah diperbaiki hari ini. " * 6)
    assert len(split_parts(message.text)) == 2
    _sent(gammu, message, ["DeliveryOK", "SendingOK"])  # part 2's report not in yet
    assert gammu_sql.poll_sentitems() == {"delivered": 0, "failed": 0}
    message.refresh_from_db()
    assert message.status == "terkirim"
    gammu.execute("UPDATE sentitems SET \"Status\" = 'DeliveryOK'")
    assert gammu_sql.poll_sentitems() == {"delivered": 1, "failed": 0}
    message.refresh_from_db()
    assert message.status == "sampai"


def test_sent_without_report_stays_sent(gammu, run_tasks):
    message = _queued(run_tasks, "Tiket ASP-3 selesai.")
    _sent(gammu, message, ["SendingOKNoReport"])
    gammu_sql.poll_sentitems()
    message.refresh_from_db()
    assert message.status == "terkirim"


def test_failed_part_shows_in_admin_and_resend_queues_a_new_outbox_row(
    gammu, run_tasks, kominfo, client_as
):
    message = _queued(run_tasks, "Mohon lengkapi alamat kejadian. " * 6)
    first_ref = message.gateway_ref
    _sent(gammu, message, ["SendingOKNoReport", "SendingError"], status_error=69)
    assert gammu_sql.poll_sentitems() == {"delivered": 0, "failed": 1}
    message.refresh_from_db()
    assert message.status == "gagal"
    assert message.last_error == "Gammu: SendingError (bagian 2, StatusError 69)"
    client = client_as(kominfo)
    assert b"SendingError" in client.get("/admin/sms/gagal/").content
    assert client.post(f"/admin/sms/gagal/{message.pk}/kirim-ulang/").status_code == 302
    run_tasks()
    message.refresh_from_db()
    assert message.status == "terkirim" and message.gateway_ref != first_ref
    [(oid, creator)] = rows(gammu, 'SELECT "ID", "CreatorID" FROM outbox')
    assert str(oid) == message.gateway_ref and creator == message.client_id
    # the new attempt is judged on its own rows, not on the failed ones
    _sent(gammu, message, ["DeliveryOK", "DeliveryOK"])
    assert gammu_sql.poll_sentitems() == {"delivered": 1, "failed": 0}


# --- through the real daemon ---------------------------------------------------------------------

SMSD = shutil.which("gammu-smsd")


def _backup_text(text: str) -> str:
    hexed = text.encode("utf-16-be").hex().upper()
    return "\n".join(
        f"Text{i // 200:02d} = {hexed[i : i + 200]}" for i in range(0, len(hexed), 200)
    )


def drop_incoming(device: Path, location: int, sender: str, text: str, *, udh: str = "", **extra):
    """A received SMS in the dummy phone's SIM inbox (folder 1), in Gammu's SMS backup format
    (docs/manual/formats/smsbackup.rst; read by libgammu/phone/dummy/dummy.c)."""
    extra = {"SMSC": '"+62816124"', "PDU": "Deliver", **extra}
    lines = [
        "[SMSBackup000]",
        "State = UnRead",
        f'Number = "{sender}"',
        "Coding = " + ("Default_No_Compression" if text.isascii() else "Unicode_No_Compression"),
        "Folder = 1",
        "Class = -1",
        "DateTime = " + time.strftime("%Y%m%dT%H%M%SZ", time.gmtime()),
        *(f"{k} = {v}" for k, v in extra.items()),
    ]
    if udh:
        lines.append(f"UDH = {udh}")
    tmp = device / f"incoming-{location}.tmp"
    tmp.write_text("\n".join(lines) + "\n" + _backup_text(text) + "\n")
    tmp.rename(device / "sms" / "1" / str(location))  # smsd never sees half a file


def wait_for(check, timeout: float = 20.0, what: str = ""):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := check():
            return result
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


@pytest.fixture
def smsd(gammu, gammu_database, tmp_path):
    """gammu-smsd on the test database, driving Gammu's dummy phone in tmp_path/phone."""
    if SMSD is None:
        pytest.skip("gammu-smsd not installed (scripts/system-deps.sh test installs it)")
    device = tmp_path / "phone"
    for folder in range(1, 6):
        (device / "sms" / str(folder)).mkdir(parents=True)
    server = _server()
    config = tmp_path / "smsdrc"
    config.write_text(
        f"""[gammu]
model = dummy
connection = none
device = {device}

[smsd]
service = sql
driver = native_pgsql
host = {server["host"]}:{server["port"]}
user = {server["user"]}
password = {server["password"]}
database = {gammu_database}
PhoneID = balai-modem
ReceiveFrequency = 1
LoopSleep = 1
CommTimeout = 1
StatusFrequency = 0
MultipartTimeout = 5
CheckSecurity = 0
CheckBattery = 0
CheckSignal = 0
DeliveryReport = sms
logfile = {tmp_path / "smsd.log"}
debuglevel = 1
"""
    )
    proc = subprocess.Popen(  # noqa: S603
        [SMSD, "-c", str(config)],
        stdin=subprocess.DEVNULL,
        env={**os.environ, "TZ": settings.TIME_ZONE},
    )
    try:
        wait_for(lambda: rows(gammu, "SELECT 1 FROM phones"), 10, "smsd to register its phone")
        yield device
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log = tmp_path / "smsd.log"
        if log.exists():
            print(log.read_text()[-4000:])  # shown when the test fails


def test_end_to_end_through_gammu_smsd_and_the_dummy_phone(portal, gammu, smsd, run_tasks):
    long_text = "LAPOR 🙏 " + "Lampu PJU di gang Melati padam sejak seminggu. " * 3
    parts = split_parts(long_text)
    assert len(parts) == 3
    drop_incoming(smsd, 1, PHONE, "LAPOR jembatan kayu di Desa Suka Maju rapuh")
    for seq, part in enumerate(parts, start=1):  # a concatenated SMS from another citizen
        drop_incoming(smsd, 10 + seq, "+6285712345678", part, udh=f"0500035A03{seq:02X}")
    wait_for(lambda: len(rows(gammu, "SELECT 1 FROM inbox")) == 4, 20, "smsd to fill inbox")

    # smsd linked the three parts: the first row holds the whole text, the other two are empty
    assert rows(gammu, 'SELECT "TextDecoded", "UDH" FROM inbox WHERE "ID" > 1 ORDER BY "ID"') == [
        (long_text, "0500035A0301"),
        ("", "0500035A0302"),
        ("", "0500035A0303"),
    ]
    assert gammu_sql.poll_inbox() == 2
    texts = dict(InboundSMS.objects.values_list("phone", "text"))
    assert texts == {
        PHONE: "LAPOR jembatan kayu di Desa Suka Maju rapuh",
        "+6285712345678": long_text.strip(),
    }
    run_tasks()
    assert Ticket.objects.count() == 2
    reply = queue_sms(PHONE, "Jawaban Dinas PU: jembatan diperiksa besok pagi 🙂. " * 3)
    run_tasks()
    sent = list(OutboundSMS.objects.order_by("pk"))
    assert len(sent) == 3 and all(m.status == "terkirim" and m.gateway == "gammu" for m in sent)

    def all_sent():
        creators = {r[0] for r in rows(gammu, 'SELECT "CreatorID" FROM sentitems')}
        outbox_left = rows(gammu, "SELECT 1 FROM outbox")
        return not outbox_left and creators == {m.client_id for m in sent}

    wait_for(all_sent, 20, "smsd to send the outbox")
    reply.refresh_from_db()
    items = rows(
        gammu,
        'SELECT "SequencePosition", "Status", "UDH", "TextDecoded", "DestinationNumber" '
        'FROM sentitems WHERE "ID" = %s ORDER BY "SequencePosition"',
        [int(reply.gateway_ref)],
    )
    assert [i[0] for i in items] == [1, 2, 3] and {i[1] for i in items} == {"SendingOK"}
    assert "".join(i[3] for i in items) == reply.text and {i[4] for i in items} == {PHONE}
    assert [i[2][-4:] for i in items] == ["0301", "0302", "0303"]
    assert gammu_sql.poll_sentitems() == {"delivered": 0, "failed": 0}  # no report yet

    # The network's delivery report for the second citizen's acknowledgement: the dummy phone
    # gives every SMS the message reference 255 and its SMSC is "123456".
    drop_incoming(
        smsd,
        20,
        "+6285712345678",
        "Delivered",
        PDU="Status_Report",
        MessageReference=255,
        SMSC='"123456"',
    )
    wait_for(
        lambda: rows(gammu, "SELECT 1 FROM sentitems WHERE \"Status\" = 'DeliveryOK'"),
        20,
        "smsd to store the delivery report",
    )
    assert gammu_sql.poll_sentitems() == {"delivered": 1, "failed": 0}
    ack = OutboundSMS.objects.get(phone="+6285712345678")
    assert ack.status == "sampai"
