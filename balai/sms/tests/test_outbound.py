"""SMS out: idempotent queueing, after-commit sending, retries, failure, admin retry, crash."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.db import transaction

from balai.sms.gsm import fit, parts_needed
from balai.sms.models import OutboundSMS
from balai.sms.outbound import queue_sms

pytestmark = pytest.mark.django_db


@pytest.fixture
def outbox(settings, tmp_path):
    settings.BALAI_SMS_FILE_DIR = str(tmp_path / "outbox")
    return tmp_path / "outbox"


def test_queue_sms_normalises_and_sends_once(outbox, run_tasks):
    m1 = queue_sms("0812-3456-7890", "Halo", dedupe_key="k1")
    m2 = queue_sms("+6281234567890", "Halo", dedupe_key="k1")
    assert m1.pk == m2.pk and m1.phone == "+6281234567890"
    run_tasks()
    run_tasks()
    m1.refresh_from_db()
    assert m1.status == "terkirim" and m1.attempts == 1
    assert [p.name for p in outbox.iterdir()] == [f"balai-{m1.pk}.json"]


def test_nothing_queued_when_the_transaction_rolls_back(outbox, run_tasks):
    with pytest.raises(RuntimeError), transaction.atomic():
        queue_sms("081234567890", "tidak jadi")
        raise RuntimeError
    run_tasks()
    assert OutboundSMS.objects.count() == 0 and not outbox.exists()


def test_gateway_outage_retries_then_fails_visibly_then_admin_retry(
    settings, tmp_path, run_tasks, kominfo, client_as
):
    blocker = tmp_path / "blocked"
    blocker.write_text("not a folder")
    settings.BALAI_SMS_FILE_DIR = str(blocker / "sub")  # gateway down
    settings.BALAI_SMS_RETRY_WINDOW_SECONDS = 0  # retries end at once (test_outage: the window)
    message = queue_sms("081234567890", "Jawaban aspirasi")
    run_tasks()
    message.refresh_from_db()
    assert message.status == "gagal" and message.attempts == 1 and message.last_error
    client = client_as(kominfo)
    page = client.get("/admin/sms/gagal/")
    assert b"Jawaban aspirasi" in page.content
    settings.BALAI_SMS_FILE_DIR = str(tmp_path / "ok")  # gateway back
    assert client.post(f"/admin/sms/gagal/{message.pk}/kirim-ulang/").status_code == 302
    run_tasks()
    message.refresh_from_db()
    assert message.status == "terkirim"
    assert (
        json.loads((Path(settings.BALAI_SMS_FILE_DIR) / f"balai-{message.pk}.json").read_text())[
            "text"
        ]
        == "Jawaban aspirasi"
    )


def test_crash_between_gateway_and_marked_sent_sends_once(outbox, run_tasks):
    """The worker died after the gateway accepted the message: the resend carries the same
    client id, the gateway keeps one copy (gateway-side dedup), the row ends up "terkirim"."""
    from balai.sms.tasks import send_sms

    message = queue_sms("081234567890", "Sekali saja")
    outbox.mkdir(parents=True)
    (outbox / f"balai-{message.pk}.json").write_text("{}")  # the gateway has it already
    OutboundSMS.objects.filter(pk=message.pk).update(status="mengirim", attempts=1)
    send_sms.enqueue(message.pk)  # the sweeper's re-enqueue
    run_tasks()
    message.refresh_from_db()
    assert message.status == "terkirim"
    assert len(list(outbox.iterdir())) == 1


def test_sms_length_rules():
    assert parts_needed("a" * 160) == 1 and parts_needed("a" * 161) == 2
    assert parts_needed("😀" * 35) == 1 and parts_needed("é" + "ñ" * 100) == 1
    assert parts_needed("ŵ" * 71) == 2
    text = fit("x" * 1000, 3, tail=" Selengkapnya: http://a/b")
    assert parts_needed(text) == 3 and text.endswith("http://a/b")
