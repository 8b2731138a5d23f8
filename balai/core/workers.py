"""Task workers' heartbeat and the recovery of tasks a dead worker left RUNNING (issue 12.8).

django-tasks-db marks a task RUNNING when a worker claims it and nothing else ever changes that
if the worker dies. Balai's ``db_worker`` (core/management/commands/db_worker.py) beats every
BEAT seconds; any worker, at start and at every beat, puts back to READY the RUNNING tasks whose
worker has not beaten for STALE seconds. A killed worker's tasks therefore run again within a
minute of another worker running. Balai's tasks are idempotent (they check their row's state
under a lock), so running one again is safe.
"""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.utils import timezone

from balai.core.models import WorkerHeartbeat

logger = logging.getLogger(__name__)

BEAT = 15  # seconds between heartbeats
STALE = dt.timedelta(seconds=45)  # three missed beats: the worker is dead


def beat(worker_id: str) -> None:
    WorkerHeartbeat.objects.update_or_create(
        worker_id=worker_id[:64], defaults={"beat_at": timezone.now()}
    )


def stop(worker_id: str) -> None:
    WorkerHeartbeat.objects.filter(worker_id=worker_id[:64]).delete()


def recover_orphans(now: dt.datetime | None = None) -> int:
    """Put back to READY the RUNNING tasks of dead workers; returns how many."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    alive = set(
        WorkerHeartbeat.objects.filter(beat_at__gte=now - STALE).values_list("worker_id", flat=True)
    )
    known = set(WorkerHeartbeat.objects.values_list("worker_id", flat=True))
    recovered = 0
    with transaction.atomic():
        running = DBTaskResult.objects.select_for_update(skip_locked=True).filter(
            status=TaskResultStatus.RUNNING
        )
        for result in running:
            owner = (result.worker_ids or [""])[-1][:64]
            if owner in alive:
                continue
            # A worker without any heartbeat row may predate heartbeats: give it STALE too.
            if owner not in known and result.started_at and result.started_at > now - STALE:
                continue
            result.status = TaskResultStatus.READY
            result.started_at = None
            result.run_after = now
            result.save(update_fields=["status", "started_at", "run_after"])
            logger.warning(
                "task %s (%s) of dead worker %s re-queued", result.pk, result.task_path, owner
            )
            recovered += 1
    WorkerHeartbeat.objects.filter(beat_at__lt=now - dt.timedelta(days=1)).delete()
    return recovered
