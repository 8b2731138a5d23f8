"""Gammu SMSD's SQL backend, on the real schema Debian's gammu-smsd ships, and (when the daemon is
installed) through a running gammu-smsd with Gammu's dummy phone driver.

PostgreSQL only: smsd's schema is PostgreSQL's (or MySQL's), and so is the database Balai reads.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import psycopg
import pytest
from django.db import connection
from django.utils import timezone

from balai.aspirasi import services
from balai.aspirasi.models import Ticket
from balai.sms.gammu import concat_udh, poll_inbox, poll_sentitems
from balai.sms.gsm import split_parts
from balai.sms.models import InboundSMS, OutboundSMS

SCHEMA = Path("/usr/share/doc/gammu-smsd/examples/pgsql.sql")

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="Gammu's SQL backend runs on PostgreSQL"
    ),
    pytest.mark.skipif(not SCHEMA.exists(), reason="Debian's gammu-smsd package is not installed"),
]


def _server_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s["PASSWORD"] else "")
    return f"postgresql://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}"


@pytest.fixture
def gammu_db(settings):
    """A fresh database with smsd's schema, loaded from the Debian package's own file."""
    name = f"balai_gammu_{os.getpid()}"
    base = _server_url()
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"{base}/{name}"
    # plpgsql is built in since PostgreSQL 9; the file still asks to create it.
    sql = SCHEMA.read_text().replace("CREATE LANGUAGE plpgsql;", "")
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(sql)
    settings.BALAI_SMS_GAMMU_DATABASE_URL = url
    settings.BALAI_SMS_GATEWAY = "balai.sms.gateways.GammuGateway"
    settings.BALAI_SMS_GAMMU_PART_TIMEOUT = 600
    yield url
    with psycopg.connect(base + "/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sql(url: str, query: str, params=()):
    with psycopg.connect(url, autocommit=True) as conn:
        cur = conn.execute(query, params)
        return cur.fetchall() if cur.description else None


def _inbox(url, phone, text, udh=""):
    """A received part as smsd stores it: local time without a zone, one row per part."""
    local = timezone.localtime().replace(tzinfo=None, microsecond=0)
    _sql(
        url,
        'INSERT INTO inbox ("SenderNumber", "TextDecoded", "Text", "UDH", "RecipientID", '
        '"Coding", "ReceivingDateTime") VALUES (%s, %s, %s, %s, %s, %s, %s)',
        [phone, text, "", udh, "balai-modem", "Unicode_No_Compression", local],
    )


def test_inbox_rows_become_tickets_once_multipart_joined(gammu_db, portal, run_tasks, settings):
    _inbox(gammu_db, "+6281234567890", "LAPOR lampu jalan mati di Jl. Merdeka")
    # A concatenated message arrives as two rows, second part first.
    first, second = "LAPOR saluran air di depan pasar tersumbat ", "sejak tiga hari 😟"
    _inbox(gammu_db, "081311112222", second, udh=concat_udh(0xA7, 2, 2))
    _inbox(gammu_db, "081311112222", first, udh=concat_udh(0xA7, 2, 1))
    _inbox(gammu_db, "081399990000", "")  # an empty SMS: refused, not retried forever
    _inbox(gammu_db, "081355556666", "LAPOR bagian pertama", udh=concat_udh(0x10, 2, 1))

    counts = poll_inbox()
    assert counts == {"stored": 2, "duplicate": 0, "refused": 1, "waiting": 1}
    run_tasks()
    texts = sorted(Ticket.objects.values_list("text", flat=True))
    assert texts == [
        "lampu jalan mati di Jl. Merdeka",
        "saluran air di depan pasar tersumbat sejak tiga hari 😟",
    ]
    processed = _sql(gammu_db, 'SELECT "Processed", count(*) FROM inbox GROUP BY 1 ORDER BY 1')
    assert processed == [(False, 1), (True, 4)]  # the lone part waits for its partner

    # A crash after storing but before marking the rows: the next poll hands them in again.
    _sql(gammu_db, 'UPDATE inbox SET "Processed" = false')
    assert poll_inbox()["duplicate"] == 2
    run_tasks()
    assert Ticket.objects.count() == 2 and InboundSMS.objects.count() == 2

    # The missing part never comes: after the timeout what arrived is taken in.
    settings.BALAI_SMS_GAMMU_PART_TIMEOUT = 0
    assert poll_inbox()["stored"] == 1
    run_tasks()
    assert Ticket.objects.filter(text="bagian pertama").exists()


def test_replies_written_to_outbox_multipart_and_states_read_back(
    gammu_db, opd_a, portal, run_tasks
):
    ticket_sms = services.create_ticket(
        channel="sms", opd=opd_a, text="Lampu mati", phone="+6281234567890"
    )
    run_tasks()
    ack = OutboundSMS.objects.get(phone="+6281234567890")
    assert ack.status == "terkirim" and ack.gateway == "gammu"
    row = _sql(
        gammu_db,
        'SELECT "DestinationNumber", "TextDecoded", "Coding", "MultiPart", "UDH" FROM outbox '
        'WHERE "CreatorID" = %s',
        [ack.client_id],
    )
    assert row == [("+6281234567890", ack.text, "Default_No_Compression", False, "")]

    # A long answer with a character outside GSM-7 goes out as UCS-2 parts with one UDH reference.
    answer = "Terima kasih 🙏 " + "Petugas kami sudah memperbaiki lampu di lokasi. " * 3
    services.answer(ticket_sms, answer)
    run_tasks()
    reply = OutboundSMS.objects.filter(phone="+6281234567890").exclude(pk=ack.pk).get()
    head = _sql(
        gammu_db,
        'SELECT "ID", "TextDecoded", "Coding", "MultiPart", "UDH" FROM outbox '
        'WHERE "CreatorID" = %s',
        [reply.client_id],
    )[0]
    rest = _sql(
        gammu_db,
        'SELECT "SequencePosition", "TextDecoded", "UDH" FROM outbox_multipart WHERE "ID" = %s '
        'ORDER BY "SequencePosition"',
        [head[0]],
    )
    parts = split_parts(reply.text)
    assert len(parts) == reply.parts == 1 + len(rest) >= 3
    assert head[2] == "Unicode_No_Compression" and head[3] is True
    assert head[1] + "".join(r[1] for r in rest) == reply.text
    ref = head[4][6:8]
    assert head[4] == f"050003{ref}{len(parts):02X}01"
    assert [r[2] for r in rest] == [
        f"050003{ref}{len(parts):02X}{i:02X}" for i in range(2, len(parts) + 1)
    ]

    # A resend after a crash (same client id) inserts nothing.
    from balai.sms.gateways import GammuGateway

    assert GammuGateway().send(reply) == str(head[0])
    assert _sql(gammu_db, "SELECT count(*) FROM outbox")[0][0] == 2  # the ack and the answer

    # smsd moves sent messages to sentitems and records delivery reports there.
    def sent(message, seq, status):
        _sql(
            gammu_db,
            'INSERT INTO sentitems ("ID", "SequencePosition", "DestinationNumber", "Text", '
            '"TextDecoded", "UDH", "SenderID", "CreatorID", "Status", "StatusError") '
            "VALUES (%s, %s, %s, '', '', '', 'balai-modem', %s, %s, %s)",
            [
                message.pk,
                seq,
                message.phone,
                message.client_id,
                status,
                27 if "Err" in status else -1,
            ],
        )

    sent(ack, 1, "DeliveryOK")
    for seq in range(1, reply.parts + 1):
        sent(reply, seq, "DeliveryOK" if seq < reply.parts else "DeliveryPending")
    assert poll_sentitems() == {"delivered": 1, "failed": 0}
    ack.refresh_from_db()
    reply.refresh_from_db()
    assert ack.status == "sampai" and reply.status == "terkirim"  # one part still pending
    _sql(
        gammu_db,
        """UPDATE sentitems SET "Status" = 'SendingError', "StatusError" = 27 """
        'WHERE "CreatorID" = %s AND "SequencePosition" = %s',
        [reply.client_id, reply.parts],
    )
    assert poll_sentitems() == {"delivered": 0, "failed": 1}
    reply.refresh_from_db()
    assert reply.status == "gagal" and "SendingError" in reply.last_error


def test_unreachable_gammu_database_is_retried_later(portal, settings):
    from balai.sms.tasks import poll_gammu_inbox

    settings.BALAI_SMS_GAMMU_DATABASE_URL = "postgresql://postgres@127.0.0.1:1/none"
    assert "error" in poll_gammu_inbox.call()


def _backup_section(index: int, phone: str, text: str, udh: str = "") -> str:
    """One received SMS in Gammu's text backup format, as the dummy phone driver reads it."""
    sent = timezone.localtime().strftime("%Y%m%dT%H%M%S")
    lines = [
        f"[SMSBackup{index:03d}]",
        'SMSC = "+62816124"',
        "State = UnRead",
        "PDU = Deliver",
        f'Number = "{phone}"',
        "Coding = Unicode",
        "Folder = 1",
        f"Sent = {sent}",
        f"Text00 = {text.encode('utf-16-be').hex().upper()}",
    ]
    if udh:
        lines.append(f"UDH = {udh}")
    return "\n".join(lines) + "\n\n"


def _wait(what, check, timeout=40.0):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = check()
        if result:
            return result
        time.sleep(0.5)
    raise AssertionError(f"gammu-smsd did not {what} within {timeout} s")


@pytest.mark.skipif(shutil.which("gammu-smsd") is None, reason="gammu-smsd is not installed")
def test_through_running_gammu_smsd_with_dummy_phone(gammu_db, opd_a, portal, run_tasks, tmp_path):
    """A citizen's SMS lands on the (dummy) modem → smsd's inbox → ticket → the acknowledgement
    and a long answer go out through smsd's outbox → smsd reports them sent in sentitems."""
    phone_dir = tmp_path / "dummy"
    for folder in range(1, 6):
        (phone_dir / "sms" / str(folder)).mkdir(parents=True)
    (phone_dir / "sms" / "1" / "1").write_text(
        _backup_section(0, "+6281234567890", "DINKES nyamuk demam berdarah di RT 04")
    )
    (phone_dir / "sms" / "1" / "2").write_text(
        _backup_section(0, "+6281311112222", "LAPOR saluran air tersumbat ", "050003A70201")
        + _backup_section(1, "+6281311112222", "sejak tiga hari 😟", "050003A70202")
    )
    db = connection.settings_dict
    config = tmp_path / "smsdrc"
    config.write_text(
        "[gammu]\nmodel = dummy\nconnection = none\n"
        f"port = {phone_dir}\ngammuloc = /dev/null\n\n"
        "[smsd]\nservice = sql\ndriver = native_pgsql\n"
        f"host = {db['HOST'] or '127.0.0.1'}\nuser = {db['USER']}\n"
        f"password = {db['PASSWORD'] or ''}\ndatabase = {gammu_db.rsplit('/', 1)[1]}\n"
        "phoneid = balai-modem\ncommtimeout = 1\nreceivefrequency = 1\nstatusfrequency = 0\n"
        f"loopsleep = 1\nmultiparttimeout = 5\nlogfile = {tmp_path / 'smsd.log'}\n"
    )
    from balai.aspirasi.models import RoutingRule

    RoutingRule.objects.create(keyword="DINKES", opd=opd_a)
    daemon = subprocess.Popen(
        ["gammu-smsd", "-c", str(config)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        _wait(
            "store the received SMS",
            lambda: _sql(gammu_db, "SELECT count(*) FROM inbox")[0][0] == 3,
        )
        assert poll_inbox()["stored"] == 2
        run_tasks()  # tickets, then acknowledgements into smsd's outbox
        routed = Ticket.objects.get(phone="+6281234567890")
        assert routed.opd == opd_a and routed.text == "nyamuk demam berdarah di RT 04"
        joined = Ticket.objects.get(phone="+6281311112222")
        assert joined.text == "saluran air tersumbat sejak tiga hari 😟"
        services.answer(routed, "Fogging dijadwalkan Kamis pukul 07.00 🙏. " * 3)
        run_tasks()
        messages = list(OutboundSMS.objects.order_by("pk"))
        assert len(messages) == 3 and all(m.status == "terkirim" for m in messages)
        creators = [m.client_id for m in messages]
        expected_rows = sum(m.parts for m in messages)
        assert expected_rows >= 4  # the answer went out in several parts
        rows = _wait(
            "send the outbox",
            lambda: (
                r
                if len(
                    r := _sql(
                        gammu_db,
                        'SELECT "CreatorID", "Status" FROM sentitems WHERE "CreatorID" = ANY(%s)',
                        [creators],
                    )
                )
                == expected_rows
                else None
            ),
        )
        assert {status for _c, status in rows} == {"SendingOKNoReport"}
        assert _sql(gammu_db, "SELECT count(*) FROM outbox")[0][0] == 0
        assert poll_sentitems() == {"delivered": 0, "failed": 0}  # sent, no delivery report
    finally:
        daemon.terminate()
        daemon.wait(timeout=10)
