"""Background work shared by every app: e-mail with explicit retries, and the enqueue rule.

Rule: a side effect (e-mail, SMS, report) is enqueued in the same transaction as the data it
belongs to and runs in the worker after commit, never inside the request. With the database task
backend the task row commits (or rolls back) with the data; with Redis Queue the job is pushed to
Redis on commit by the queue itself (``balai.core.rq.OnCommitQueue``), which also covers the tasks
Wagtail and modelsearch enqueue from their signal handlers.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from balai.core.scheduler import periodic

logger = logging.getLogger(__name__)

EMAIL_MAX_ATTEMPTS = 6


def backoff(attempt: int) -> dt.timedelta:
    """1, 2, 4, 8, 16 … minutes, capped at two hours."""
    return dt.timedelta(minutes=min(2 ** (attempt - 1), 120))


TRANSACTIONAL_BACKENDS = ("django_tasks_db.", "django_tasks_rq.")


def enqueue_after_commit(task_obj, *args, **kwargs) -> None:
    """Enqueue so that the task runs only if, and after, the current transaction commits."""
    if settings.TASKS["default"]["BACKEND"].startswith(TRANSACTIONAL_BACKENDS):
        # django-tasks-db: the task row is part of the transaction (the outbox); RQ: the queue
        # defers the push to Redis to on_commit (balai.core.rq).
        task_obj.enqueue(*args, **kwargs)
    else:
        transaction.on_commit(lambda: task_obj.enqueue(*args, **kwargs))


@task()
def send_email(
    to: list[str],
    subject: str,
    body: str,
    html: str = "",
    attachments: list[list[str]] | None = None,
    attempt: int = 1,
) -> str:
    """Send one e-mail; on failure, schedule the next attempt with backoff (explicit retries).

    ``attachments`` are [filename, storage path, mimetype] triples read from default storage.
    """
    from django.core.files.storage import default_storage

    message = EmailMultiAlternatives(subject=subject, body=body, to=to)
    if html:
        message.attach_alternative(html, "text/html")
    for filename, path, mimetype in attachments or []:
        with default_storage.open(path, "rb") as fh:
            message.attach(filename, fh.read(), mimetype)
    try:
        message.send()
    except Exception as exc:  # noqa: BLE001 - any transport failure is retried
        if attempt >= EMAIL_MAX_ATTEMPTS:
            logger.error("e-mail to %s failed for good after %d attempts: %s", to, attempt, exc)
            raise
        send_email.using(run_after=timezone.now() + backoff(attempt)).enqueue(
            to, subject, body, html, attachments, attempt + 1
        )
        logger.warning("e-mail to %s failed (attempt %d), retrying: %s", to, attempt, exc)
        return "retry"
    return "sent"


def queue_email(
    to: list[str] | str,
    subject: str,
    body: str,
    html: str = "",
    attachments: list[list[str]] | None = None,
) -> None:
    recipients = [to] if isinstance(to, str) else [r for r in to if r]
    if recipients:
        enqueue_after_commit(send_email, recipients, subject, body, html, attachments or [])


@periodic(at=dt.time(3, 30))
@task()
def prune_history() -> dict:
    """Keep the queue's tables small: every SMS, e-mail and periodic job leaves a task result and
    every scheduler slot a ScheduledRun row. Finished task results go after
    BALAI_TASK_RESULTS_KEEP_DAYS (failed ones after BALAI_TASK_FAILURES_KEEP_DAYS, to be looked
    at); slots after two days (a past slot never comes back, so it is never claimed again)."""
    from django.core.management import call_command
    from django_tasks_db.models import DBTaskResult

    from balai.core.models import ScheduledRun

    before = DBTaskResult.objects.count()
    if settings.TASKS["default"]["BACKEND"].startswith("django_tasks_db"):
        call_command(
            "prune_db_task_results",
            queue_name="*",
            min_age_days=settings.BALAI_TASK_RESULTS_KEEP_DAYS,
            failed_min_age_days=settings.BALAI_TASK_FAILURES_KEEP_DAYS,
            verbosity=0,
        )
    slots, _ = ScheduledRun.objects.filter(
        created_at__lt=timezone.now() - dt.timedelta(days=2)
    ).delete()
    return {"task_results": before - DBTaskResult.objects.count(), "slots": slots}
