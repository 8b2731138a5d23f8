"""The one way any app sends an SMS: ``queue_sms``. The message is stored in the outbox and the
worker sends it after commit (never inside the request's transaction), with retries."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from balai.core.tasks import enqueue_after_commit
from balai.sms.addresses import normalise_address
from balai.sms.gsm import parts_needed
from balai.sms.models import Channel, OutboundSMS


def queue_sms(
    phone: str, text: str, *, context: str = "", dedupe_key: str | None = None
) -> OutboundSMS:
    """Store an SMS for ``phone`` and enqueue its sending after commit (see queue_message)."""
    return queue_message(Channel.SMS, phone, text, context=context, dedupe_key=dedupe_key)


def queue_message(
    channel: str, address: str, text: str, *, context: str = "", dedupe_key: str | None = None
) -> OutboundSMS:
    """Store a message for ``address`` on ``channel`` (SMS, Telegram, WhatsApp) and enqueue its
    sending after commit.

    Idempotent on ``dedupe_key``: a second call with the same key returns the first message and
    queues nothing. Raises ValueError for an address that is not valid on the channel.
    """
    number = normalise_address(channel, address)
    if number is None:
        raise ValueError(f"not a valid {channel} address: {address!r}")
    # Insert first and let the unique key decide: a repeat (a retried task) is the rare case.
    try:
        with transaction.atomic():
            message = OutboundSMS.objects.create(
                channel=channel,
                phone=number,
                text=text,
                context=context[:200],
                dedupe_key=dedupe_key or None,
                parts=parts_needed(text) if channel == Channel.SMS else 1,
            )
            from balai.sms.tasks import send_sms

            enqueue_after_commit(send_sms, message.pk)
    except IntegrityError:
        if dedupe_key:  # an earlier or concurrent call with the same key
            return OutboundSMS.objects.get(dedupe_key=dedupe_key)
        raise
    return message


def retry(message: OutboundSMS) -> None:
    """Admin "retry" button: put a failed message back in the queue, with a new retry window."""
    from balai.sms.tasks import send_sms

    window = dt.timedelta(seconds=settings.BALAI_SMS_RETRY_WINDOW_SECONDS)

    with transaction.atomic():
        OutboundSMS.objects.filter(pk=message.pk, status=OutboundSMS.Status.FAILED).update(
            status=OutboundSMS.Status.QUEUED,
            attempts=0,
            next_attempt_at=None,
            retry_until=timezone.now() + window,
        )
        enqueue_after_commit(send_sms, message.pk)
