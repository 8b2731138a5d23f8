"""django-tasks-db's worker, with a heartbeat and the recovery of dead workers' tasks
(balai/core/workers.py). Same command, same options: deploy/balai-worker.service is unchanged."""

from __future__ import annotations

import threading

from django.db import connection
from django_tasks_db.management.commands.db_worker import Command as BaseCommand

from balai.core import workers


class Command(BaseCommand):
    def handle(self, *args, **options):
        worker_id = options["worker_id"]
        workers.beat(worker_id)
        workers.recover_orphans()
        stopping = threading.Event()
        if not options.get("batch"):
            threading.Thread(
                target=self._beat, args=(worker_id, stopping), daemon=True, name="heartbeat"
            ).start()
        try:
            return super().handle(*args, **options)
        finally:
            stopping.set()
            workers.stop(worker_id)

    @staticmethod
    def _beat(worker_id: str, stopping: threading.Event) -> None:
        while not stopping.wait(workers.BEAT):
            try:
                workers.beat(worker_id)
                workers.recover_orphans()
            except Exception:  # noqa: BLE001 - a missed beat must not kill the worker
                workers.logger.exception("heartbeat failed")
            finally:
                connection.close()
