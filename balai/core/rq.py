"""Redis Queue wiring for ``TASKS_BACKEND=rq``: jobs reach Redis only when the data commits.

django-tasks-rq builds each job and hands it to the queue's ``enqueue_job`` / ``schedule_job``,
which write to Redis at once; django-rq's own "on_db_commit" mode covers only ``enqueue_call``,
which that backend does not use. A worker on another machine could then pick up a job before the
transaction that created its data commits (and find nothing, or index the old version of a page),
or run a job whose transaction later rolls back. This queue defers both writes to
``transaction.on_commit`` whenever a transaction is open, for Balai's tasks and for the ones
Wagtail and modelsearch enqueue from their signal handlers alike. Outside a transaction (the
worker moving due jobs, a management command in autocommit) nothing changes.

The job id is chosen before the deferral, so the ``TaskResult`` that ``enqueue`` returns names
the job that Redis receives after the commit.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django_rq.queues import DjangoRQ

logger = logging.getLogger(__name__)


class OnCommitQueue(DjangoRQ):
    """A django-rq queue whose enqueue and schedule wait for the current transaction's commit.

    A Redis outage at commit time does not undo the committed data: the enqueue error is logged
    (``robust``) and the periodic sweeps (e.g. ``balai.sms.tasks.sweep_outbox``) pick the work up.
    """

    def enqueue_job(self, job, pipeline=None, at_front=False, unique=False):
        if pipeline is None and transaction.get_connection().in_atomic_block:
            transaction.on_commit(
                lambda: super(OnCommitQueue, self).enqueue_job(
                    job, at_front=at_front, unique=unique
                ),
                robust=True,
            )
            return job
        return super().enqueue_job(job, pipeline=pipeline, at_front=at_front, unique=unique)

    def schedule_job(self, job, datetime, pipeline=None, unique=False):
        if pipeline is None and transaction.get_connection().in_atomic_block:
            transaction.on_commit(
                lambda: super(OnCommitQueue, self).schedule_job(job, datetime, unique=unique),
                robust=True,
            )
            return job
        return super().schedule_job(job, datetime, pipeline=pipeline, unique=unique)
