"""Issue 12.8: a gateway outage longer than the old retry budget (6 attempts, ~31 minutes) costs
no reply; Kominfo is told when it goes down and when it comes back; a killed worker's tasks run
again; the sweep does not start a second retry chain; resends without an id are one message."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.db.models import F
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from balai.core.models import WorkerHeartbeat
from balai.sms import outbound
from balai.sms.models import GatewayHealth, InboundSMS, OutboundSMS
from balai.sms.tasks import sweep_outbox
from balai.sms.tests.fakes import FakeSMSGate
from balai.sms.tests.helpers import post_webhook

pytestmark = pytest.mark.django_db


@pytest.fixture
def gateway(settings):
    settings.BALAI_SMS_GATEWAY = "balai.sms.gateways.SMSGateGateway"
    settings.BALAI_SMS_RETRY_BASE_SECONDS = 60
    settings.BALAI_SMS_RETRY_WINDOW_SECONDS = 86400
    settings.BALAI_SMS_RETRY_MAX_DELAY_SECONDS = 300
    settings.BALAI_SMS_OUTAGE_AFTER_SECONDS = 60
    with FakeSMSGate() as fake:
        settings.BALAI_SMSGATE_URL = fake.url
        yield fake


def later(seconds: int) -> None:
    """Let ``seconds`` pass for the outbox, the task queue and the health record."""
    delta = dt.timedelta(seconds=seconds)
    OutboundSMS.objects.update(created_at=F("created_at") - delta)
    OutboundSMS.objects.filter(next_attempt_at__isnull=False).update(
        next_attempt_at=F("next_attempt_at") - delta
    )
    DBTaskResult.objects.filter(status=TaskResultStatus.READY).update(
        run_after=F("run_after") - delta
    )
    GatewayHealth.objects.filter(failing_since__isnull=False).update(
        failing_since=F("failing_since") - delta
    )


def pending_sends(pk: int) -> int:
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.READY, task_path="balai.sms.tasks.send_sms", args_kwargs__args=[pk]
    ).count()


def test_replies_survive_a_two_hour_outage_and_go_out_once(gateway, run_tasks, kominfo, client_as):
    kominfo.email = "kominfo@example.go.id"
    kominfo.save()
    gateway.up = False
    sent = [outbound.queue_sms(f"08123456789{i}", f"Balasan {i}") for i in range(3)]
    run_tasks()
    assert set(OutboundSMS.objects.values_list("status", flat=True)) == {"antre"}

    for _step in range(24):  # 24 × 5 minutes = 2 hours down, far beyond 6 attempts / 31 minutes
        later(300)
        run_tasks()
        sweep_outbox.call()  # replies waiting for their backoff: no second retry chain
        assert all(pending_sends(m.pk) == 1 for m in sent)
    assert set(OutboundSMS.objects.values_list("status", flat=True)) == {"antre"}
    assert set(OutboundSMS.objects.values_list("attempts", flat=True)) == {25}  # one per step
    down = [m for m in mail.outbox if "tidak menjawab" in m.subject]
    assert len(down) == 1 and down[0].to == ["kominfo@example.go.id"]
    page = client_as(kominfo).get("/admin/", HTTP_HOST="localhost")
    assert "tidak menjawab sejak" in page.content.decode()

    gateway.up = True
    later(300)
    run_tasks()
    assert set(OutboundSMS.objects.values_list("status", flat=True)) == {"terkirim"}
    assert sorted(gateway.delivered) == sorted(m.client_id for m in sent)  # each exactly once
    assert len([m for m in mail.outbox if "pulih" in m.subject]) == 1
    page = client_as(kominfo).get("/admin/", HTTP_HOST="localhost")
    assert "tidak menjawab sejak" not in page.content.decode()


def test_recovery_sends_replies_waiting_for_their_backoff_at_once(gateway, run_tasks):
    gateway.up = False
    waiting = outbound.queue_sms("081234567891", "Balasan tertahan")
    run_tasks()
    later(120)  # declared down at the next failure
    run_tasks()
    assert GatewayHealth.objects.get(channel="sms").down_since is not None
    gateway.up = True
    fresh = outbound.queue_sms("081234567892", "Balasan baru")
    run_tasks()  # the new reply succeeds: recovery brings the waiting one forward
    assert OutboundSMS.objects.get(pk=waiting.pk).status == "terkirim"
    assert sorted(gateway.delivered) == sorted([waiting.client_id, fresh.client_id])


def test_retries_stop_after_the_window_and_an_officer_can_retry(gateway, run_tasks, settings):
    settings.BALAI_SMS_RETRY_WINDOW_SECONDS = 3600
    gateway.up = False
    message = outbound.queue_sms("081234567891", "Balasan")
    run_tasks()
    for _step in range(13):
        later(300)
        run_tasks()
    message.refresh_from_db()
    assert message.status == "gagal" and pending_sends(message.pk) == 0
    gateway.up = True
    outbound.retry(message)
    run_tasks()
    message.refresh_from_db()
    assert message.status == "terkirim" and gateway.delivered == [message.client_id]


def _kill_worker_holding(task_path: str, *, beat_ago: int) -> DBTaskResult:
    result = DBTaskResult.objects.get(task_path=task_path, status=TaskResultStatus.READY)
    result.claim("killed-worker")
    WorkerHeartbeat.objects.update_or_create(
        worker_id="killed-worker",
        defaults={"beat_at": result.started_at - dt.timedelta(seconds=beat_ago)},
    )
    return result


def test_a_killed_workers_tasks_run_again_when_a_worker_starts(gateway, run_tasks, client, opd_a):
    reply = outbound.queue_sms("081234567891", "Balasan")
    held = _kill_worker_holding("balai.sms.tasks.send_sms", beat_ago=60)
    post_webhook(client, {"from": "081234567893", "text": "LAPOR jalan rusak"})
    inbound_task = _kill_worker_holding("balai.sms.tasks.process_inbound", beat_ago=60)
    run_tasks()
    held.refresh_from_db()
    inbound_task.refresh_from_db()
    assert held.status == inbound_task.status == TaskResultStatus.SUCCESSFUL
    assert OutboundSMS.objects.get(pk=reply.pk).status == "terkirim"
    assert InboundSMS.objects.get().status == "diproses"
    assert gateway.delivered.count(reply.client_id) == 1


def test_a_live_workers_running_task_is_left_alone(gateway, run_tasks):
    outbound.queue_sms("081234567891", "Balasan")
    held = _kill_worker_holding("balai.sms.tasks.send_sms", beat_ago=-5)  # beat just now
    run_tasks()
    held.refresh_from_db()
    assert held.status == TaskResultStatus.RUNNING
    assert gateway.delivered == []


def test_resend_without_id_across_the_old_bucket_edge_is_one_message(client, run_tasks):
    # 08:09:50 and 08:10:20 (WIB) straddle a 10-minute bucket edge; 30 s apart.
    for when in ("2026-01-05T08:09:50+07:00", "2026-01-05T08:10:20+07:00"):
        response = post_webhook(
            client, {"from": "081234567890", "text": "Lampu mati", "received_at": when}
        )
        assert response.status_code == 200
    assert InboundSMS.objects.count() == 1
    assert response.json()["duplicate"] is True
    later_one = post_webhook(
        client,
        {"from": "081234567890", "text": "Lampu mati", "received_at": "2026-01-05T08:25:00+07:00"},
    )
    assert later_one.json()["duplicate"] is False  # outside the window: a new message
