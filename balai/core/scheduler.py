"""The one scheduler of periodic jobs (reminders, digests, scans, SMS polling).

Each periodic job is a django-tasks task registered with ``@periodic(...)``. ``manage.py
run_scheduler`` wakes every few seconds and, for each job whose time slot has come, enqueues the
task
once: the slot is claimed by inserting a ``ScheduledRun`` row with a unique (job, slot) key in the
same transaction as the enqueue, so any number of scheduler replicas enqueue each slot exactly once.
The demo (``manage.py rundemo``) and production (a systemd unit, see deploy/) run the same command.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.module_loading import autodiscover_modules

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class PeriodicJob:
    name: str
    task: object  # a django_tasks Task
    every: dt.timedelta | None = None  # run every interval (slots aligned to the epoch)
    at: dt.time | None = None  # run daily at this local time
    weekday: int | None = None  # with ``at``: only on this weekday (0 = Monday)

    def slot(self, now: dt.datetime) -> str | None:
        """The key of the slot ``now`` falls in, or None when the job is not due yet today."""
        if self.every is not None:
            seconds = int(self.every.total_seconds())
            return str(int(now.timestamp()) // seconds)
        local = timezone.localtime(now)
        if self.weekday is not None and local.weekday() != self.weekday:
            return None
        if local.time() < self.at:
            return None
        return local.date().isoformat()


_registry: dict[str, PeriodicJob] = {}


def periodic(
    *, every: dt.timedelta | None = None, at: dt.time | None = None, weekday: int | None = None
) -> Callable:
    """Register a task as periodic: ``@periodic(every=timedelta(minutes=5))`` above ``@task()``."""
    if (every is None) == (at is None):
        raise ValueError("Give exactly one of every= or at=.")

    def register(task):
        name = task.module_path
        _registry[name] = PeriodicJob(name=name, task=task, every=every, at=at, weekday=weekday)
        return task

    return register


def jobs() -> dict[str, PeriodicJob]:
    autodiscover_modules("tasks")
    return dict(_registry)


def tick(now: dt.datetime | None = None) -> list[str]:
    """Enqueue every job whose current slot has not been claimed yet; return their names."""
    from balai.core.models import ScheduledRun

    now = now or timezone.now()
    enqueued: list[str] = []
    for job in jobs().values():
        slot = job.slot(now)
        if slot is None:
            continue
        try:
            with transaction.atomic():
                ScheduledRun.objects.create(job=job.name, slot=slot)
                job.task.enqueue()
        except IntegrityError:
            continue  # another scheduler (or an earlier tick) claimed this slot
        enqueued.append(job.name)
        logger.info("scheduled %s (slot %s)", job.name, slot)
    return enqueued
