"""Worker side of the SMS Centre: process inbound messages into tickets, send the outbox."""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from balai.core.scheduler import periodic

logger = logging.getLogger(__name__)


def _retry_delay(attempt: int):
    """Backoff between attempts: base * 2^(n-1) seconds, capped (0 in tests)."""
    base = settings.BALAI_SMS_RETRY_BASE_SECONDS
    return timezone.now() + dt.timedelta(seconds=min(base * 2 ** (attempt - 1), 7200))


def _send_delay(attempt: int) -> dt.timedelta:
    """Outbound backoff: base * 2^(n-1) seconds, capped at BALAI_SMS_RETRY_MAX_DELAY_SECONDS so a
    gateway back from a long outage is used again within minutes."""
    base = settings.BALAI_SMS_RETRY_BASE_SECONDS
    return dt.timedelta(
        seconds=min(base * 2 ** min(attempt - 1, 20), settings.BALAI_SMS_RETRY_MAX_DELAY_SECONDS)
    )


SEND_LEASE = dt.timedelta(seconds=60)  # an attempt in flight; longer than any gateway timeout


@task()
def process_inbound(message_id: int) -> str:
    """Hand one stored message to the registered handler (aspirasi: a ticket, or a message in an
    open ticket's thread); see handlers.py.

    Retries explicitly with backoff; after BALAI_SMS_MAX_ATTEMPTS the message is "gagal" and stays
    in the admin for a person to look at — never dropped. A message an officer released from
    review skips the spam check.
    """
    from balai.sms.handlers import handle_inbound
    from balai.sms.inbound import is_spam
    from balai.sms.models import InboundSMS

    with transaction.atomic():
        message = InboundSMS.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status != InboundSMS.Status.RECEIVED:
            return "skip"
        message.attempts += 1
        if not message.reviewed and is_spam(message.text):
            message.status = InboundSMS.Status.QUARANTINED
            message.save(update_fields=["status", "attempts"])
            return "quarantined"
        try:
            with transaction.atomic():
                reference = handle_inbound(message)
        except Exception as exc:  # noqa: BLE001 - processing bugs or outages are retried
            message.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if message.attempts >= settings.BALAI_SMS_MAX_ATTEMPTS:
                message.status = InboundSMS.Status.FAILED
                logger.error("inbound SMS %s failed for good: %s", message.pk, exc)
            else:
                process_inbound.using(run_after=_retry_delay(message.attempts)).enqueue(message.pk)
            message.save(update_fields=["status", "attempts", "last_error"])
            return "retry"
        message.status = InboundSMS.Status.PROCESSED
        message.ticket_number = reference[:32]
        message.last_error = ""
        message.save(update_fields=["status", "attempts", "ticket_number", "last_error"])
    return "ok"


@task()
def process_inbound_batch(message_ids: list[int]) -> dict:
    """Process a batch stored by one webhook delivery; each message keeps its own transaction and
    its own retries (a failing message re-enqueues ``process_inbound`` for itself alone)."""
    outcomes: dict[str, int] = {}
    for pk in message_ids:
        outcome = process_inbound.call(pk)
        outcomes[outcome] = outcomes.get(outcome, 0) + 1
    return outcomes


@task()
def send_sms(message_id: int) -> str:
    """Send one outbox message through its channel's gateway (see gateways.py for semantics).

    Retries over BALAI_SMS_RETRY_WINDOW_SECONDS (24 h by default) with capped backoff, then
    "gagal". The message is claimed first (status "mengirim", a lease in ``next_attempt_at``): a
    task arriving before the message is due — a second retry chain, a sweep's re-enqueue — does
    nothing, so attempts never run in parallel.
    """
    from balai.sms import health
    from balai.sms.gateways import GatewayError, get_sender
    from balai.sms.models import OutboundSMS

    Status = OutboundSMS.Status
    now = timezone.now()
    with transaction.atomic():
        message = OutboundSMS.objects.select_for_update().filter(pk=message_id).first()
        if message is None or message.status not in (Status.QUEUED, Status.SENDING):
            return "skip"  # already sent (a duplicate task), or failed for good
        if message.next_attempt_at and message.next_attempt_at > now:
            if message.status == Status.SENDING:
                # An attempt in flight, or one whose worker died: look again when its lease ends.
                send_sms.using(run_after=message.next_attempt_at).enqueue(message.pk)
            return "not due"  # waiting for its backoff, or an attempt is in flight
        message.attempts += 1
        message.status = Status.SENDING
        message.next_attempt_at = now + SEND_LEASE
        message.save(update_fields=["attempts", "status", "next_attempt_at"])
    gateway = get_sender(message.channel)
    try:
        ref = gateway.send(message)
    except GatewayError as exc:
        now = timezone.now()
        window = dt.timedelta(seconds=settings.BALAI_SMS_RETRY_WINDOW_SECONDS)
        final = now >= (message.retry_until or message.created_at + window)
        due = now + _send_delay(message.attempts)
        with transaction.atomic():
            OutboundSMS.objects.filter(pk=message.pk).update(
                status=Status.FAILED if final else Status.QUEUED,
                last_error=str(exc)[:2000],
                gateway=gateway.name,
                next_attempt_at=None if final else due,
            )
            if not final:
                send_sms.using(run_after=due).enqueue(message.pk)
        health.record_failure(message.channel, str(exc))
        logger.warning("message %s attempt %d failed: %s", message.pk, message.attempts, exc)
        return "failed" if final else "retry"
    OutboundSMS.objects.filter(pk=message.pk).update(
        status=Status.SENT,
        sent_at=timezone.now(),
        gateway_ref=ref[:128],
        gateway=gateway.name,
        last_error="",
        next_attempt_at=None,
    )
    health.record_success(message.channel)
    return "sent"


SWEEP_GRACE = dt.timedelta(minutes=2)


@periodic(every=dt.timedelta(minutes=1))
@task()
def sweep_outbox() -> int:
    """Re-enqueue work whose task was lost (a killed worker, a lost Redis job): outbox messages
    overdue by more than SWEEP_GRACE — never one merely waiting for its next backoff — and
    inbound messages still unprocessed after 10 minutes. A resend after a crash is deduplicated
    by the gateway (client_id, see gateways.py) and by the claim in send_sms."""
    from django.db.models import Q

    from balai.sms.models import InboundSMS, OutboundSMS

    now = timezone.now()
    overdue = now - SWEEP_GRACE
    count = 0
    for pk in OutboundSMS.objects.filter(
        Q(next_attempt_at__lt=overdue) | Q(next_attempt_at__isnull=True, created_at__lt=overdue),
        status__in=[OutboundSMS.Status.QUEUED, OutboundSMS.Status.SENDING],
    ).values_list("pk", flat=True)[:500]:
        send_sms.enqueue(pk)
        count += 1
    stale = now - dt.timedelta(minutes=10)
    for pk in InboundSMS.objects.filter(
        status=InboundSMS.Status.RECEIVED, created_at__lt=stale
    ).values_list("pk", flat=True)[:500]:
        process_inbound.enqueue(pk)
        count += 1
    return count


from balai.sms import gammu_sql  # noqa: E402, F401  (registers Gammu's polling jobs)
