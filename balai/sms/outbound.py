"""The one way any app sends an SMS: ``queue_sms``. The message is stored in the outbox and the
worker sends it after commit (never inside the request's transaction), with retries."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from balai.core.privacy import normalise_phone
from balai.core.tasks import enqueue_after_commit
from balai.sms.gsm import parts_needed
from balai.sms.models import OutboundSMS


def queue_sms(
    phone: str, text: str, *, context: str = "", dedupe_key: str | None = None
) -> OutboundSMS:
    """Store an SMS for ``phone`` and enqueue its sending after commit.

    Idempotent on ``dedupe_key``: a second call with the same key returns the first message and
    queues nothing. Raises ValueError for a number that is not a valid phone number.
    """
    number = normalise_phone(phone)
    if number is None:
        raise ValueError(f"not a valid phone number: {phone!r}")
    # Insert first and let the unique key decide: a repeat (a retried task) is the rare case.
    try:
        with transaction.atomic():
            message = OutboundSMS.objects.create(
                phone=number,
                text=text,
                context=context[:200],
                dedupe_key=dedupe_key or None,
                parts=parts_needed(text),
            )
            from balai.sms.tasks import send_sms

            enqueue_after_commit(send_sms, message.pk)
    except IntegrityError:
        if dedupe_key:  # an earlier or concurrent call with the same key
            return OutboundSMS.objects.get(dedupe_key=dedupe_key)
        raise
    return message


def retry(message: OutboundSMS) -> None:
    """Admin "retry" button: put a failed message back in the queue."""
    from balai.sms.tasks import send_sms

    with transaction.atomic():
        OutboundSMS.objects.filter(pk=message.pk, status=OutboundSMS.Status.FAILED).update(
            status=OutboundSMS.Status.QUEUED, attempts=0
        )
        enqueue_after_commit(send_sms, message.pk)
