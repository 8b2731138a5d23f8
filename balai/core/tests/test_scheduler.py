"""The scheduler enqueues each periodic job once per slot, whatever the number of schedulers."""

import datetime as dt

import pytest
from django.utils import timezone
from django_tasks import task
from django_tasks_db.models import DBTaskResult

from balai.core import scheduler
from balai.core.models import ScheduledRun

pytestmark = pytest.mark.django_db


@task()
def _ping() -> str:
    return "pong"


@pytest.fixture
def registry(monkeypatch):
    monkeypatch.setattr(scheduler, "_registry", {})
    monkeypatch.setattr(scheduler, "autodiscover_modules", lambda *a: None)
    return scheduler._registry


def test_interval_job_is_enqueued_once_per_slot(registry):
    scheduler.periodic(every=dt.timedelta(minutes=5))(_ping)
    now = timezone.now().replace(minute=0, second=10)
    assert scheduler.tick(now) == [_ping.module_path]
    assert scheduler.tick(now + dt.timedelta(seconds=30)) == []  # same slot, e.g. a 2nd replica
    assert scheduler.tick(now + dt.timedelta(minutes=5)) == [_ping.module_path]
    assert DBTaskResult.objects.filter(task_path=_ping.module_path).count() == 2
    assert ScheduledRun.objects.count() == 2


def test_daily_job_waits_for_its_hour_and_runs_once_that_day(registry):
    scheduler.periodic(at=dt.time(7, 0))(_ping)
    local = timezone.get_current_timezone()
    early = dt.datetime(2026, 11, 23, 6, 59, tzinfo=local)
    assert scheduler.tick(early) == []
    assert scheduler.tick(early + dt.timedelta(minutes=1)) == [_ping.module_path]
    assert scheduler.tick(early + dt.timedelta(hours=5)) == []
    assert scheduler.tick(early + dt.timedelta(days=1, minutes=1)) == [_ping.module_path]


def test_weekly_job_runs_on_its_weekday_only(registry):
    scheduler.periodic(at=dt.time(7, 0), weekday=0)(_ping)
    local = timezone.get_current_timezone()
    sunday = dt.datetime(2026, 11, 22, 8, 0, tzinfo=local)
    assert scheduler.tick(sunday) == []
    assert scheduler.tick(sunday + dt.timedelta(days=1)) == [_ping.module_path]


def test_enqueued_jobs_run_in_the_real_worker(registry, run_tasks):
    scheduler.periodic(every=dt.timedelta(minutes=1))(_ping)
    scheduler.tick()
    run_tasks()
    result = DBTaskResult.objects.get(task_path=_ping.module_path)
    assert result.status == "SUCCESSFUL"


def test_nightly_prune_keeps_recent_and_failed_history(registry, run_tasks, settings):
    """Old finished task results and past scheduler slots go; recent results and failures stay."""
    from balai.core.tasks import prune_history

    settings.BALAI_TASK_RESULTS_KEEP_DAYS = 14
    settings.BALAI_TASK_FAILURES_KEEP_DAYS = 90
    for _ in range(3):
        _ping.enqueue()
    run_tasks()
    old, recent, failed = DBTaskResult.objects.order_by("enqueued_at")[:3]
    long_ago = timezone.now() - dt.timedelta(days=30)
    DBTaskResult.objects.filter(pk=old.pk).update(finished_at=long_ago, enqueued_at=long_ago)
    DBTaskResult.objects.filter(pk=failed.pk).update(
        status="FAILED", finished_at=long_ago, enqueued_at=long_ago
    )
    ScheduledRun.objects.create(job="x", slot="1")
    ScheduledRun.objects.create(job="x", slot="2")
    ScheduledRun.objects.filter(slot="1").update(created_at=timezone.now() - dt.timedelta(days=3))

    assert prune_history.call() == {"task_results": 1, "slots": 1}
    assert set(DBTaskResult.objects.values_list("pk", flat=True)) == {recent.pk, failed.pk}
    assert list(ScheduledRun.objects.values_list("slot", flat=True)) == ["2"]
