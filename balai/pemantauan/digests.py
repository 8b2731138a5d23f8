"""Nudges: the weekly digest per OPD admin, the city digest for Kominfo, and stale reminders.

Each digest is stored (``Digest``, readable in the admin) and e-mailed through the task queue
(``balai.core.tasks.queue_email``) in the same transaction.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.tasks import queue_email
from balai.opd.selectors import kominfo_emails, staff_emails

from .models import Digest, MonitoringSettings, Scorecard, SpamAlert


def latest_cards() -> dict[int, Scorecard]:
    period = Scorecard.objects.order_by("-period").values_list("period", flat=True).first()
    if period is None:
        return {}
    return {c.opd_id: c for c in Scorecard.objects.filter(period=period).select_related("opd")}


def _store_and_send(opd, kind: str, to: list[str], subject: str, body: str) -> Digest:
    with transaction.atomic():
        digest = Digest.objects.create(
            opd=opd, kind=kind, recipients=", ".join(to), subject=subject, body=body
        )
        queue_email(to, subject, body)
    return digest


def opd_digest_body(card: Scorecard, conf: MonitoringSettings) -> str:
    ind = card.indicators
    stale = (card.days_since_publication or 10**6) >= conf.stale_days
    overdue = {
        k: ind[k]["value"]
        for k in ("requests_overdue", "aspirasi_overdue")
        if k in ind and ind[k]["applicable"] and ind[k]["value"]
    }
    return render_to_string(
        "pemantauan/email/opd_digest.txt",
        {
            "card": card,
            "opd": card.opd,
            "stale": stale,
            "conf": conf,
            "overdue": overdue,
            "fixes": card.top_fixes(),
            "missing": [v for v in ind.values() if v["applicable"] and (v["score"] or 0) < 100],
        },
    )


def send_weekly_digests() -> list[Digest]:
    conf = MonitoringSettings.load()
    if not conf.digests_enabled:
        return []
    cards = latest_cards()
    out = []
    for card in sorted(cards.values(), key=lambda c: c.opd.name):
        to = staff_emails([card.opd], operators=False)
        if not to:
            continue
        subject = _("Ringkasan mingguan situs %(opd)s: nilai %(total)s (%(zone)s)") % {
            "opd": card.opd.short_name,
            "total": card.total,
            "zone": card.get_zone_display(),
        }
        out.append(_store_and_send(card.opd, "weekly", to, subject, opd_digest_body(card, conf)))
    city = sorted(cards.values(), key=lambda c: (c.total is None, -(c.total or 0)))
    body = render_to_string(
        "pemantauan/email/city_digest.txt",
        {
            "cards": city,
            "conf": conf,
            "red": [c for c in city if c.zone == "merah"],
            "stale": [c for c in city if (c.days_since_publication or 10**6) >= conf.stale_days],
            "spam": SpamAlert.objects.filter(status=SpamAlert.Status.OPEN).count(),
        },
    )
    to = kominfo_emails()
    if to:
        subject = _("Ringkasan mingguan situs OPD: %(n)d OPD di zona merah") % {
            "n": sum(1 for c in city if c.zone == "merah")
        }
        out.append(_store_and_send(None, "city", to, subject, body))
    return out


def send_stale_reminders(today: dt.date | None = None) -> list[Digest]:
    """Remind each OPD with nothing published for ``stale_days`` (default 30), once per week."""
    conf = MonitoringSettings.load()
    today = today or timezone.localdate()
    week_ago = timezone.now() - dt.timedelta(days=7)
    recent = set(
        Digest.objects.filter(kind="reminder", created_at__gte=week_ago).values_list(
            "opd_id", flat=True
        )
    )
    out = []
    for card in latest_cards().values():
        days = card.days_since_publication
        if card.opd_id in recent or (days is not None and days < conf.stale_days):
            continue
        to = staff_emails([card.opd], operators=False)
        if not to:
            continue
        subject = _("Pengingat: situs %(opd)s belum memuat publikasi baru") % {
            "opd": card.opd.short_name
        }
        body = render_to_string(
            "pemantauan/email/reminder.txt", {"opd": card.opd, "days": days, "conf": conf}
        )
        out.append(_store_and_send(card.opd, "reminder", to, subject, body))
    return out
