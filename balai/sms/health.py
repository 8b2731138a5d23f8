"""Gateway outage detection and Kominfo's alerts (issue 12, point 8).

Every outbound attempt reports here. A gateway failing for BALAI_SMS_OUTAGE_AFTER_SECONDS is
declared down: Kominfo's super-admins get one e-mail and a banner on every admin page. The first
successful send afterwards declares it up again (a second e-mail) and brings every reply waiting
for its next backoff forward, so the backlog goes out at once — each reply still exactly once,
since a send claims its message first (see tasks.send_sms).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.tasks import enqueue_after_commit, queue_email
from balai.sms.models import GatewayHealth, OutboundSMS

logger = logging.getLogger(__name__)


def _row(channel: str) -> GatewayHealth:
    GatewayHealth.objects.get_or_create(channel=channel)
    return GatewayHealth.objects.select_for_update().get(channel=channel)


def _alert(subject: str, body: str) -> None:
    from balai.opd.selectors import kominfo_emails

    queue_email(kominfo_emails(), subject, body)


def record_failure(channel: str, error: str, now: dt.datetime | None = None) -> bool:
    """A send attempt on ``channel`` failed. Returns True when this failure declared an outage."""
    now = now or timezone.now()
    with transaction.atomic():
        health = _row(channel)
        health.failing_since = health.failing_since or now
        health.last_error = error[:2000]
        declared = (
            health.down_since is None
            and (now - health.failing_since).total_seconds()
            >= settings.BALAI_SMS_OUTAGE_AFTER_SECONDS
        )
        if declared:
            health.down_since = now
            logger.error("gateway %s down since %s: %s", channel, health.failing_since, error)
            _alert(
                _("Gateway %(c)s tidak menjawab") % {"c": channel},
                _(
                    "Gateway %(c)s gagal sejak %(t)s (galat: %(e)s). Balasan ditahan dan dicoba "
                    "ulang otomatis; semuanya terkirim begitu gateway menjawab lagi."
                )
                % {"c": channel, "t": timezone.localtime(health.failing_since), "e": error[:300]},
            )
        health.save()
    return declared


def record_success(channel: str, now: dt.datetime | None = None) -> bool:
    """A send on ``channel`` went through. Returns True when this ended a declared outage."""
    now = now or timezone.now()
    healthy = GatewayHealth.objects.filter(
        channel=channel,
        failing_since__isnull=True,
        down_since__isnull=True,
        last_ok_at__gte=now - dt.timedelta(minutes=1),
    )
    if healthy.exists():  # the common case: no lock, no write on every send
        return False
    with transaction.atomic():
        health = _row(channel)
        recovered = health.down_since is not None
        if recovered:
            _alert(
                _("Gateway %(c)s pulih") % {"c": channel},
                _("Gateway %(c)s menjawab lagi sejak %(t)s; balasan yang tertahan dikirim.")
                % {"c": channel, "t": timezone.localtime(now)},
            )
            logger.warning("gateway %s recovered", channel)
        health.failing_since = None
        health.down_since = None
        health.last_ok_at = now
        health.last_error = ""
        health.save()
        if recovered:
            expedite(channel, now)
    return recovered


def expedite(channel: str, now: dt.datetime) -> int:
    """Bring every reply waiting for its backoff forward to now (after recovery)."""
    from balai.sms.tasks import send_sms

    waiting = list(
        OutboundSMS.objects.filter(
            channel=channel, status=OutboundSMS.Status.QUEUED, next_attempt_at__gt=now
        ).values_list("pk", flat=True)[:5000]
    )
    OutboundSMS.objects.filter(pk__in=waiting).update(next_attempt_at=now)
    for pk in waiting:
        enqueue_after_commit(send_sms, pk)
    return len(waiting)


def outages() -> list[GatewayHealth]:
    """Gateways currently declared down (for the admin banner)."""
    return list(GatewayHealth.objects.filter(down_since__isnull=False))
