"""The SKM kiosk: counters (loket) with their keys, and the idempotent intake of the answers a
counter's tablet queues offline and syncs later.

A counter is set up once for one service of one OPD. Its key is shown once, inside the kiosk URL,
and only a SHA-256 of it is stored; revoking (or issuing a new key) locks the old tablet out.
Every answer carries a UUID made on the tablet: a retried sync returns the stored answer instead
of counting it twice (PermenPAN-RB 14/2017: one questionnaire per respondent).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.layanan import services
from balai.layanan.models import Layanan, Loket, SurveyResponse
from balai.opd.models import OPD

KEY_BYTES = 24
# An answer made offline keeps the moment it was given, if it is plausible: not in the future
# (beyond clock drift) and no older than the kiosk can have queued it.
CLOCK_DRIFT = dt.timedelta(minutes=10)
MAX_QUEUE_AGE = dt.timedelta(days=7)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode()).hexdigest()


def _new_key(loket: Loket) -> str:
    key = secrets.token_urlsafe(KEY_BYTES)
    loket.key_hash = hash_key(key)
    loket.key_hint = key[:6]
    return key


def managed_by(user):
    """Counters a user may manage: those of the user's OPDs (all for Kominfo)."""
    return Loket.objects.filter(opd__in=OPD.objects.for_user(user)).select_related("opd", "layanan")


def _require_opd(user, opd: OPD) -> None:
    if user is not None and not OPD.objects.for_user(user).filter(pk=opd.pk).exists():
        raise PermissionDenied


@transaction.atomic
def create_loket(layanan: Layanan, name: str, *, by=None) -> tuple[Loket, str]:
    """A new counter for a published service; returns it with its key (shown only now)."""
    _require_opd(by, layanan.opd)
    if not layanan.is_published:
        raise ValidationError({"layanan": _("Pilih layanan yang sudah terbit.")})
    if not name.strip():
        raise ValidationError({"name": _("Beri nama loket, misalnya 'Loket 1'.")})
    loket = Loket(opd_id=layanan.opd_id, layanan=layanan, name=name.strip(), created_by=by)
    key = _new_key(loket)
    loket.save()
    return loket, key


@transaction.atomic
def revoke_loket(loket: Loket, *, by=None) -> Loket:
    _require_opd(by, loket.opd)
    if loket.revoked_at is None:
        loket.revoked_at = timezone.now()
        loket.save(update_fields=["revoked_at"])
    return loket


@transaction.atomic
def renew_key(loket: Loket, *, by=None) -> str:
    """A new key for the counter (the old tablet stops syncing); re-activates a revoked one."""
    _require_opd(by, loket.opd)
    key = _new_key(loket)
    loket.revoked_at = None
    loket.save(update_fields=["key_hash", "key_hint", "revoked_at"])
    return key


def loket_for_key(key: str) -> Loket | None:
    """The active counter with this key, or None (unknown or revoked)."""
    if not key or len(key) > 100:
        return None
    return (
        Loket.objects.select_related("opd", "layanan", "opd__site")
        .filter(key_hash=hash_key(key), revoked_at__isnull=True, layanan__is_published=True)
        .first()
    )


def answered_at(claimed: dt.datetime | None, now: dt.datetime | None = None) -> dt.datetime:
    now = now or timezone.now()
    if claimed is None or claimed > now + CLOCK_DRIFT or claimed < now - MAX_QUEUE_AGE:
        return now
    return min(claimed, now)


def submit_kiosk_response(loket: Loket, data: dict) -> tuple[SurveyResponse, bool]:
    """Store one synced answer sheet once: (response, created). ``data`` is the cleaned
    ``KioskSurveyForm``; the same UUID sent again returns the stored response, unchanged."""
    client_uuid: uuid.UUID = data["uuid"]
    existing = SurveyResponse.objects.filter(client_uuid=client_uuid).first()
    if existing is not None:
        return existing, False
    try:
        with transaction.atomic():
            response = services.submit_survey(
                loket.layanan,
                answers={code: data[code] for code in services.UNSUR_FIELDS},
                gender=data["gender"],
                age=data["age"],
                education=data["education"],
                occupation=data["occupation"],
                service_date=data["service_date"],
                saran=data.get("saran", ""),
                submitted_at=answered_at(data.get("dijawab_pada")),
                loket=loket,
                client_uuid=client_uuid,
            )
    except IntegrityError:  # the same UUID arrived twice at once: the other request stored it
        return SurveyResponse.objects.get(client_uuid=client_uuid), False
    Loket.objects.filter(pk=loket.pk).update(last_seen_at=timezone.now())
    return response, True
