"""Reads about aspirations: public (masked) text and per-OPD statistics."""

from __future__ import annotations

import datetime as dt
import re
import statistics

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.aspirasi.models import Ticket
from balai.core.codes import normalise_code
from balai.core.privacy import mask_email, mask_phone, mask_text
from balai.opd.models import OPD

_NUMBER = re.compile(r"ASP-?(?P<yymm>[0-9OIL]{4})-?(?P<code>[0-9A-Z]{6}(?:[0-9A-Z]{4})?)")


def public_text(ticket: Ticket) -> str:
    """What the public may read: the text moderated by the OPD or Kominfo if any, else the
    citizen's text, with NIK, phone numbers, e-mails, house numbers/RT/RW and the reporter's
    name masked (UU 27/2022 on personal data)."""
    return mask_text(ticket.public_text or ticket.text, names=(ticket.reporter_name,))


def public_answer(ticket: Ticket) -> str:
    """The answer as shown on public lists, masked like the text."""
    return mask_text(ticket.answer, names=(ticket.reporter_name,))


def aspirasi_stats_by_opd(
    opd_ids: list[int] | None = None, today: dt.date | None = None
) -> dict[int, dict]:
    """Per OPD id: tickets_total, answered_total, answered_on_time (answered by the completion
    deadline), median_first_response_hours, median_completion_days (receipt to answer),
    overdue (open and past the deadline ``today``) and evidence_url (the public statistics
    page). Two queries whatever the number of OPDs; the medians are computed in Python over the
    first query's rows."""
    today = today or timezone.localdate()
    tickets = Ticket.objects.exclude(opd=None).exclude(status=Ticket.Status.DELETED)
    opds = OPD.objects.all()
    if opd_ids is not None:
        tickets = tickets.filter(opd_id__in=opd_ids)
        opds = opds.filter(pk__in=opd_ids)
    base = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
    result: dict[int, dict] = {}
    hours: dict[int, list[float]] = {}
    days: dict[int, list[float]] = {}
    for pk, slug in opds.values_list("pk", "slug"):
        result[pk] = {
            "tickets_total": 0,
            "answered_total": 0,
            "answered_on_time": 0,
            "median_first_response_hours": None,
            "median_completion_days": None,
            "overdue": 0,
            "evidence_url": f"{base}/aspirasi/statistik/?opd={slug}",
        }
        hours[pk] = []
        days[pk] = []
    rows = tickets.values_list(
        "opd_id", "status", "received_at", "first_response_at", "answered_at", "tenggat"
    )
    for opd_id, status, received, first, answered, due in rows:
        row = result.get(opd_id)
        if row is None:
            continue
        row["tickets_total"] += 1
        if answered:
            row["answered_total"] += 1
            days[opd_id].append((answered - received).total_seconds() / 86400)
            if due is None or timezone.localdate(answered) <= due:
                row["answered_on_time"] += 1
        if first:
            hours[opd_id].append((first - received).total_seconds() / 3600)
        if status in Ticket.OPEN and due is not None and due < today:
            row["overdue"] += 1
    for pk, values in hours.items():
        if values:
            result[pk]["median_first_response_hours"] = round(statistics.median(values), 2)
        if days[pk]:
            result[pk]["median_completion_days"] = round(statistics.median(days[pk]), 1)
    return result


def normalise_number(typed: str) -> str:
    """A ticket number as typed (any case, I/L for 1, O for 0, with or without hyphens) →
    ``ASP-yymm-XXXXXX``; anything else is returned upper-cased."""
    match = _NUMBER.fullmatch("".join(typed.split()).upper())
    if not match:
        return typed.strip().upper()
    return f"ASP-{normalise_code(match['yymm'])}-{normalise_code(match['code'])}"


def ticket_for_codes(number: str, secret: str) -> Ticket | None:
    """The ticket a citizen's number and secret point to. Exact codes (including the mixed-case
    secrets issued before Crockford codes) match first; then the typed form, normalised."""
    if not number or not secret:
        return None
    candidates = {number.strip(), number.strip().upper(), normalise_number(number)}
    tickets = Ticket.objects.select_related("opd", "category").filter(number__in=candidates)
    typed = secret.strip()
    for ticket in tickets:
        if ticket.secret == typed or ticket.secret == normalise_code(typed):
            return ticket
    return None


def ticket_receipt(ticket: Ticket) -> dict:
    """What the citizen is told right after filing: the deadline and how it was counted (days
    off by name), and every way the answer will reach them (the channel replies go out on, see
    ``services._reply``, and always the tracking page)."""
    from balai.aspirasi.services import deadline_days
    from balai.kalender.calendar import explain_due

    first_days, days = deadline_days(ticket)
    channels = []
    if ticket.phone:
        channels.append(_("SMS ke %(n)s") % {"n": mask_phone(ticket.phone)})
    elif ticket.email:
        channels.append(_("surel ke %(e)s") % {"e": mask_email(ticket.email)})
    channels.append(_("halaman lacak ini (simpan alamatnya)"))
    return {
        "due": explain_due(ticket.received_at, days),
        "first_response": explain_due(ticket.received_at, first_days),
        "channels": channels,
    }
