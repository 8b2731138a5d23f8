"""Periodic monitoring jobs (found by balai.core.scheduler's autodiscovery of ``tasks``)."""

from __future__ import annotations

import datetime as dt

from django_tasks import task

from balai.core.scheduler import periodic


@periodic(at=dt.time(2, 0))
@task()
def compute_scorecards_task() -> int:
    """Daily: refresh this month's scorecards for every OPD."""
    from .services import compute_scorecards

    return len(compute_scorecards())


@periodic(at=dt.time(3, 0))
@task()
def spam_scan_task() -> int:
    """Daily: scan for gambling/SEO spam and alert Kominfo by e-mail on new findings."""

    from balai.core.tasks import queue_email
    from balai.opd.selectors import kominfo_emails

    from .spam import scan

    alerts = scan()
    if alerts:
        to = kominfo_emails()
        lines = "\n".join(
            f"- {a.get_kind_display()}: {a.matched} ({a.excerpt[:80]})" for a in alerts
        )
        queue_email(to, f"[Balai] {len(alerts)} temuan konten mencurigakan", lines)
    return len(alerts)


@periodic(at=dt.time(4, 0))
@task()
def check_external_sites_task() -> int:
    """Daily 04:00: check the OPD sites still running outside Balai (alive, TLS, last update,
    gambling spam, cloaking)."""
    from .external import check_all

    return len(check_all())


@task()
def check_external_site_task(site_id: int) -> str:
    """One site now (Kominfo's "Periksa sekarang" button)."""
    from .external import check_site
    from .models import ExternalSite

    site = ExternalSite.objects.filter(pk=site_id).first()
    return check_site(site).zone if site else ""


@periodic(at=dt.time(7, 0), weekday=0)
@task()
def weekly_digest_task() -> int:
    """Mondays 07:00: digest per OPD admin, city digest for Kominfo, stale reminders."""
    from .digests import send_stale_reminders, send_weekly_digests

    return len(send_weekly_digests()) + len(send_stale_reminders())
