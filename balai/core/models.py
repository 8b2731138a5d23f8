"""Core records: claimed scheduler slots."""

from django.db import models


class ScheduledRun(models.Model):
    """One periodic job's slot, claimed by the scheduler that enqueued it (unique per slot)."""

    job = models.CharField(max_length=200)
    slot = models.CharField(max_length=40)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["job", "slot"], name="core_scheduledrun_once")
        ]
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.job} @ {self.slot}"


class WorkerHeartbeat(models.Model):
    """A running task worker (``manage.py db_worker``) says it is alive every few seconds; a task
    left RUNNING by a worker whose heartbeat stopped (``kill -9``, a crash) is run again."""

    worker_id = models.CharField(max_length=64, primary_key=True)
    started_at = models.DateTimeField(auto_now_add=True)
    beat_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.worker_id
