"""Ticket life cycle: intake from every channel, routing, disposition, answer, replies.

Every verb here is one transaction (issue 12, point 5): a failure or a killed process mid-way
leaves the ticket as it was, and the replies and e-mails it queues are only enqueued on commit.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from balai.aspirasi import lapor
from balai.aspirasi.models import (
    FIRST_RESPONSE_DAYS,
    TIER_DAYS,
    Category,
    RoutingRule,
    Ticket,
    TicketEvent,
    Tier,
)
from balai.core.codes import new_code
from balai.core.metadata import strip_image_metadata
from balai.core.tasks import queue_email
from balai.kalender.calendar import due_date, working_days_late
from balai.opd import access
from balai.opd.models import OPD
from balai.opd.selectors import kominfo_emails, staff_emails

logger = logging.getLogger(__name__)


NUMBER_LENGTH = 6  # 32**6 ≈ 10**9 numbers a month: a collision is rare, not impossible
NUMBER_FALLBACK_LENGTH = 10  # the last try: 32**10 ≈ 10**15
NUMBER_ATTEMPTS = 5


class TicketNumberError(RuntimeError):
    """No free ticket number after every attempt (nothing was saved)."""


def new_number(when, length: int = NUMBER_LENGTH) -> str:
    """``ASP-<yymm>-<Crockford characters>``: nothing to misread as I/1, L/1, O/0 or U/V."""
    return f"ASP-{when:%y%m}-" + new_code(length)


def _save_with_number(ticket: Ticket) -> None:
    """Insert ``ticket`` under a fresh random number: ``NUMBER_ATTEMPTS - 1`` short numbers, then
    one long one; if even that collides, TicketNumberError (the caller's transaction rolls back)."""
    for attempt in range(NUMBER_ATTEMPTS):
        last = attempt == NUMBER_ATTEMPTS - 1
        ticket.number = new_number(
            ticket.received_at, NUMBER_FALLBACK_LENGTH if last else NUMBER_LENGTH
        )
        try:
            with transaction.atomic():
                ticket.save(force_insert=True)
            return
        except IntegrityError:
            if not Ticket.objects.filter(number=ticket.number).exists():
                raise  # another constraint failed: not a numbering problem
    raise TicketNumberError(_("Nomor tiket tidak dapat dibuat. Silakan kirim ulang."))


def route(text: str, category: Category | None) -> tuple[OPD | None, str]:
    """Keyword rule (first word = a RoutingRule keyword or an OPD's slug), then the category's
    OPD; None means Kominfo's triage queue. Returns (opd, text without the keyword)."""
    first, _sep, rest = text.strip().partition(" ")
    word = first.upper().strip(".,:#")
    if word:
        rule = RoutingRule.objects.select_related("opd").filter(keyword=word).first()
        if rule:
            return rule.opd, rest.strip() or text
        opd = OPD.objects.filter(slug__iexact=word, is_active=True).first()
        if opd:
            return opd, rest.strip() or text
    if category and category.default_opd_id:
        return category.default_opd, text
    return None, text


def deadline_days(ticket: Ticket) -> tuple[int, int]:
    """(first response, completion) in working days for the ticket's category; on LAPOR!'s
    clock the first response is the Pemda's verification and forwarding (lapor.py)."""
    category = ticket.category
    if category is None:
        first, days = FIRST_RESPONSE_DAYS, TIER_DAYS[Tier.NORMATIF]
    else:
        first, days = category.first_response_days, category.days_to_complete
    if lapor.lapor_clock():
        first = lapor.LAPOR_VERIFY_DAYS
    return first, days


def _deadlines(ticket: Ticket) -> None:
    """The deadlines at intake: both clocks start at receipt."""
    first_days, days = deadline_days(ticket)
    ticket.clock_started_at = ticket.received_at
    ticket.first_response_due = due_date(ticket.received_at, first_days)
    ticket.tenggat = due_date(ticket.received_at, days)


def _move_clock(
    ticket: Ticket,
    why: str,
    *,
    user=None,
    restart=None,
    first_response_from=None,
    first_response_days: int | None = None,
) -> None:
    """Recompute the deadlines after a change that moves the clock (issue 12, point 9).

    ``restart`` starts the completion clock again at that moment (a new lead OPD, a reopen);
    otherwise it keeps counting from ``clock_started_at`` with the current category's days.
    ``first_response_from`` starts the first-response clock again (back in Kominfo's queue).
    A deadline that moved clears the reminder and escalation marks, so the new deadline is
    reminded and escalated in its turn; the change is recorded, publicly, in the thread.
    """
    first_days, days = deadline_days(ticket)
    first_days = first_response_days or first_days
    if restart is not None:
        ticket.clock_started_at = restart
    start = ticket.clock_started_at or ticket.received_at
    old = (ticket.first_response_due, ticket.tenggat)
    ticket.tenggat = due_date(start, days)
    if first_response_from is not None:
        ticket.first_response_due = due_date(first_response_from, first_days)
    elif ticket.first_response_at is None:
        ticket.first_response_due = due_date(ticket.received_at, first_days)
    ticket.reminded_at = ticket.escalated_at = None
    ticket.save(
        update_fields=[
            "clock_started_at",
            "first_response_due",
            "tenggat",
            "reminded_at",
            "escalated_at",
        ]
    )
    if (ticket.first_response_due, ticket.tenggat) != old or restart is not None:
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.DEADLINE,
            user=user,
            public=True,
            text=_("%(why)s Batas penyelesaian: %(due)s.")
            % {"why": why, "due": formats.date_format(ticket.tenggat, "j F Y")},
        )


def create_ticket(
    *,
    channel: str,
    text: str,
    phone: str = "",
    email: str = "",
    contact: str = "",
    reporter_name: str = "",
    opd: OPD | None = None,
    category: Category | None = None,
    anonim: bool = False,
    rahasia: bool = False,
    kecamatan: str = "",
    kelurahan: str = "",
    location: str = "",
    attachment=None,
    received_at=None,
) -> Ticket:
    """Store a ticket, route it, and queue the acknowledgement with its number (after commit).

    One transaction: the ticket, its first events and the acknowledgement are stored together or
    not at all. Raises TicketNumberError when no free number is found (nothing is stored)."""
    received_at = received_at or timezone.now()
    routed_opd, text = (opd, text) if opd else route(text, category)
    ticket = Ticket(
        channel=channel,
        text=text,
        phone=phone,
        email=email,
        contact=contact,
        reporter_name=reporter_name,
        opd=routed_opd,
        category=category,
        anonim=anonim,
        rahasia=rahasia,
        kecamatan=kecamatan,
        kelurahan=kelurahan,
        location=location,
        received_at=received_at,
        status=Ticket.Status.DISPOSED if routed_opd else Ticket.Status.NEW,
    )
    if attachment:
        # A citizen's photo keeps no GPS position or camera data (issue 12, point 4).
        ticket.attachment = strip_image_metadata(attachment)
    try:
        _store_new_ticket(ticket)
    except BaseException:
        # The rows are rolled back; the attachment already written to storage goes too.
        if ticket.attachment and getattr(ticket.attachment, "_committed", False):
            ticket.attachment.storage.delete(ticket.attachment.name)
        raise
    return ticket


@transaction.atomic
def _store_new_ticket(ticket: Ticket) -> None:
    _deadlines(ticket)
    _save_with_number(ticket)
    TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.MESSAGE, text=ticket.text, public=True
    )
    if ticket.opd is not None:
        TicketEvent.objects.create(
            ticket=ticket,
            kind=TicketEvent.Kind.DISPOSITION,
            public=True,
            text=_("Diteruskan otomatis ke %(opd)s.") % {"opd": ticket.opd.name},
        )
    acknowledge(ticket)


def acknowledge(ticket: Ticket) -> None:
    url = ticket.short_url() if ticket.phone else ticket.tracking_url()
    text = _("Aspirasi Anda diterima dengan nomor %(n)s. Pantau di %(url)s") % {
        "n": ticket.number,
        "url": url,
    }
    _reply(ticket, text, key=f"ack:{ticket.number}")


def _reply(ticket: Ticket, text: str, *, key: str, full_text: str = "") -> None:
    """Reply on the channel the ticket came from: the chat (Telegram, WhatsApp), else SMS to the
    phone, else e-mail."""
    from balai.sms.gsm import fit
    from balai.sms.outbound import queue_message, queue_sms

    if ticket.channel in Ticket.CHAT_CHANNELS and ticket.contact:
        queue_message(
            ticket.channel,
            ticket.contact,
            full_text or text,
            context=f"aspirasi {ticket.number}",
            dedupe_key=key,
        )
    elif ticket.phone:
        tail = _(" Selengkapnya: %(url)s") % {"url": ticket.short_url()} if full_text else ""
        body = fit(text, settings.BALAI_SMS_MAX_PARTS, tail=tail)
        queue_sms(ticket.phone, body, context=f"aspirasi {ticket.number}", dedupe_key=key)
    elif ticket.email:
        queue_email(
            ticket.email,
            _("Aspirasi %(n)s") % {"n": ticket.number},
            (full_text or text) + "\n\n" + ticket.tracking_url(),
        )


def ingest_message(inbound) -> str:
    """The channel layer's inbound handler: the number of the ticket the message went to.

    Registered in ``AspirasiConfig.ready`` (the channel layer does not import aspirasi)."""
    ticket = ingest_sms(inbound)
    return ticket.number if ticket else ""


def _from_sender(inbound):
    """The tickets of the sender of ``inbound``: by phone for SMS, by chat address otherwise."""
    if inbound.channel in Ticket.CHAT_CHANNELS:
        return Ticket.objects.filter(channel=inbound.channel, contact=inbound.phone)
    return Ticket.objects.filter(phone=inbound.phone)


@transaction.atomic
def ingest_sms(inbound) -> Ticket | None:
    """One stored message (SMS, Telegram, WhatsApp) → a new ticket, a message in the open
    ticket's thread, or a status reply on the same channel.

    Keywords (Indonesian SMS Centre convention): "LAPOR <pesan>" always opens a new ticket,
    "CEK <nomor>" answers with the ticket's status; any other text from a sender with an open
    ticket joins that ticket's thread. A chat bot's commands work too ("/lapor", "/cek"); "/start"
    (the first message of every Telegram chat) is answered with how to write.
    """
    from balai.sms.outbound import queue_message

    channel = getattr(inbound, "channel", "sms")
    text = inbound.text.strip()
    first, _sep, rest = text.partition(" ")
    keyword = first.upper().lstrip("/").split("@")[0]
    if keyword == "START":
        queue_message(
            channel,
            inbound.phone,
            _(
                "Tulis LAPOR <pesan> untuk menyampaikan aspirasi, "
                "CEK <nomor tiket> untuk statusnya."
            ),
            context="start",
            dedupe_key=f"start:{inbound.pk}",
        )
        return None
    if keyword == "CEK":
        ticket = _from_sender(inbound).filter(number__iexact=rest.strip()).first()
        reply = (
            _("Tiket %(n)s: %(s)s.") % {"n": ticket.number, "s": ticket.get_status_display()}
            if ticket
            else _("Tiket tidak ditemukan untuk nomor ini.")
        )
        queue_message(channel, inbound.phone, reply, context="cek", dedupe_key=f"cek:{inbound.pk}")
        return ticket
    if keyword != settings.BALAI_ASPIRASI_NEW_KEYWORD:
        open_ticket = (
            _from_sender(inbound).filter(status__in=Ticket.OPEN).order_by("-received_at").first()
        )
        if open_ticket:
            TicketEvent.objects.create(
                ticket=open_ticket, kind=TicketEvent.Kind.MESSAGE, text=text, public=True
            )
            return open_ticket
    else:
        text = rest.strip() or text
    chat = channel in Ticket.CHAT_CHANNELS
    return create_ticket(
        channel=channel,
        text=text,
        phone="" if channel == Ticket.Channel.TELEGRAM else inbound.phone,
        contact=inbound.phone if chat else "",
        received_at=inbound.received_at,
    )


@transaction.atomic
def set_status(ticket: Ticket, status: str, user=None, reason: str = "") -> None:
    if status == ticket.status:
        return
    ticket.status = status
    now = timezone.now()
    if status != Ticket.Status.NEW and ticket.first_response_at is None:
        ticket.first_response_at = now  # LAPOR!: first response = verified/forwarded/handled
    if status in (Ticket.Status.REJECTED, Ticket.Status.DELETED):
        ticket.reason = reason or ticket.reason
    ticket.save()
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.STATUS,
        user=user,
        public=True,
        text=ticket.get_status_display() + (f": {reason}" if reason else ""),
    )


@transaction.atomic
def dispose(
    ticket: Ticket, opd: OPD, user=None, note: str = "", related: Iterable[OPD] = ()
) -> None:
    """Kominfo forwards a ticket to the OPD in charge (Perpres 76/2013 practice: the Pemda's
    SP4N-LAPOR! admin dispositions a report to the agencies that must follow it up).

    ``opd`` leads: it answers the citizen and owns the deadline. ``related`` OPDs also see the
    ticket and contribute internal notes. The disposition itself is public on the tracking page;
    Kominfo's ``note`` to the OPDs is internal. The operators of every OPD involved get an e-mail.
    """
    related = [o for o in related if o.pk != opd.pk]
    new_lead = ticket.opd_id != opd.pk
    ticket.opd = opd
    ticket.save(update_fields=["opd"])
    ticket.related_opds.set(related)
    text = _("Didisposisikan ke %(opd)s.") % {"opd": opd.name}
    if related:
        text += " " + _("OPD terkait: %(opds)s.") % {"opds": ", ".join(o.name for o in related)}
    TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.DISPOSITION, user=user, public=True, text=text
    )
    if note:
        TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=note, user=user)
    ticket.status = ""  # force the status event
    set_status(ticket, Ticket.Status.DISPOSED, user)
    if new_lead:  # the OPD in charge gets its full time from the disposition
        now = timezone.now()
        on_lapor_clock = lapor.lapor_clock()  # and, on LAPOR!'s clock, 5 days to respond first
        _move_clock(
            ticket,
            _("Hitungan waktu dimulai saat disposisi ke %(opd)s.") % {"opd": opd.name},
            user=user,
            restart=now,
            first_response_from=now if on_lapor_clock else None,
            first_response_days=lapor.LAPOR_AGENCY_RESPONSE_DAYS if on_lapor_clock else None,
        )
    recipients = staff_emails([opd, *related])
    if recipients:
        queue_email(
            recipients,
            _("Disposisi aspirasi %(n)s") % {"n": ticket.number},
            _("Aspirasi %(n)s didisposisikan ke %(opd)s, batas penyelesaian %(d)s.")
            % {"n": ticket.number, "opd": opd.name, "d": ticket.tenggat}
            + (f"\n\n{note}" if note else ""),
        )


@transaction.atomic
def return_to_triage(ticket: Ticket, user, reason: str) -> None:
    """The lead OPD finds the report outside its authority: it goes back to Kominfo's triage queue
    for a new disposition (SP4N-LAPOR! practice: an agency returns a misrouted report to the
    admin instead of leaving it unanswered). The reason is an internal note; Kominfo is e-mailed."""
    previous = ticket.opd
    ticket.opd = None
    ticket.save(update_fields=["opd"])
    ticket.related_opds.clear()
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.DISPOSITION,
        user=user,
        public=True,
        text=_("Dikembalikan ke Kominfo untuk disposisi ulang."),
    )
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=reason, user=user)
    ticket.status = ""  # force the status event
    set_status(ticket, Ticket.Status.VERIFIED, user)
    _move_clock(
        ticket,
        _("Kembali ke antrean Kominfo untuk disposisi ulang."),
        user=user,
        first_response_from=timezone.now(),
    )
    kominfo = kominfo_emails()
    if kominfo:
        queue_email(
            kominfo,
            _("Aspirasi %(n)s dikembalikan") % {"n": ticket.number},
            _("%(opd)s mengembalikan aspirasi %(n)s: %(reason)s")
            % {"opd": previous.name if previous else "-", "n": ticket.number, "reason": reason},
        )


def leads(ticket: Ticket, user) -> bool:
    """Whether ``user`` may answer and change the status: Kominfo, or the lead OPD's staff."""
    return access.works_in(user, ticket.opd_id)


@transaction.atomic
def answer(ticket: Ticket, text: str, user=None) -> None:
    """The OPD's answer: stored, shown on the tracking page, sent back on the ticket's channel."""
    now = timezone.now()
    ticket.answer = text
    ticket.answered_at = ticket.answered_at or now
    ticket.first_response_at = ticket.first_response_at or now
    ticket.save()
    event = TicketEvent.objects.create(
        ticket=ticket, kind=TicketEvent.Kind.ANSWER, text=text, user=user, public=True
    )
    set_status(ticket, Ticket.Status.DONE, user)
    _reply(ticket, f"[{ticket.number}] {text}", key=f"answer:{event.pk}", full_text=text)


@transaction.atomic
def note(ticket: Ticket, text: str, user=None) -> None:
    TicketEvent.objects.create(ticket=ticket, kind=TicketEvent.Kind.NOTE, text=text, user=user)


def may_reopen(ticket: Ticket, today=None) -> bool:
    """Answered, and at most BALAI_ASPIRASI_REOPEN_DAYS working days ago (the one working-day
    calendar, as every other clock of the ticket); on LAPOR!'s clock, 10 working days after the
    follow-up, after which the report is closed (lapor.py)."""
    if ticket.status != Ticket.Status.DONE or not ticket.answered_at:
        return False
    answered = timezone.localdate(ticket.answered_at)
    late = working_days_late(answered, today or timezone.localdate())
    return late <= lapor.reopen_days()


@transaction.atomic
def recategorise(ticket: Ticket, category: Category | None, user=None) -> None:
    """A new category means a new completion period (e.g. 5 → 60 working days for a field
    inspection): the deadline is recomputed from the clock's start and recorded."""
    if category == ticket.category:
        return
    ticket.category = category
    ticket.save(update_fields=["category"])
    _move_clock(
        ticket,
        _("Kategori diubah menjadi %(c)s.") % {"c": category.name if category else "-"},
        user=user,
    )


@transaction.atomic
def reopen(ticket: Ticket) -> bool:
    """The citizen reopens within BALAI_ASPIRASI_REOPEN_DAYS working days of the answer; the OPD
    gets a new completion period from now, and reminders and escalation start afresh."""
    if not may_reopen(ticket):
        return False
    set_status(ticket, Ticket.Status.IN_PROGRESS, reason="")
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.MESSAGE,
        public=True,
        text=_("Pelapor membuka kembali aspirasi ini."),
    )
    _move_clock(ticket, _("Dibuka kembali oleh pelapor."), restart=timezone.now())
    return True


LAPOR_NUMBER = re.compile(r"[A-Za-z0-9][A-Za-z0-9/._-]{0,39}")


def clean_lapor_number(number: str) -> str:
    number = (number or "").strip()
    if number and not LAPOR_NUMBER.fullmatch(number):
        raise ValidationError(
            _(
                "Nomor pelacakan LAPOR! hanya berisi huruf, angka, titik, garis miring atau tanda "
                "hubung (paling panjang 40)."
            )
        )
    return number


@transaction.atomic
def set_lapor_number(ticket: Ticket, number: str, user=None) -> None:
    """Record the tracking number SP4N-LAPOR! gave this report (shown to the citizen)."""
    number = clean_lapor_number(number)
    if number == ticket.lapor_number:
        return
    ticket.lapor_number = number
    ticket.save(update_fields=["lapor_number"])
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.DISPOSITION,
        user=user,
        public=True,
        text=_("Nomor pelacakan SP4N-LAPOR!: %(n)s.") % {"n": number}
        if number
        else _("Nomor pelacakan SP4N-LAPOR! dihapus."),
    )


@transaction.atomic
def forward(
    ticket: Ticket,
    target: str,
    reason: str,
    *,
    destination: str = "",
    lapor_number: str = "",
    user=None,
) -> None:
    """Forward a ticket outside the Pemda: to SP4N-LAPOR! or to another agency or level of
    government, when the matter is not the Pemda's (Perpres 76/2013: a complaint is handled by
    the agency in charge of the service; PermenPAN-RB 62/2018: SP4N-LAPOR! forwards between
    agencies). The destination and reason are public on the tracking page and sent to the
    citizen; the ticket leaves Balai's clocks. Forwarded to LAPOR! without a number and with an
    adapter configured, the report is submitted by the worker after commit.
    """
    reason = (reason or "").strip()
    destination = (destination or "").strip()
    targets = Ticket.ForwardTarget
    if target not in targets.values:
        raise ValidationError(_("Pilih tujuan penerusan."))
    if not reason:
        raise ValidationError(_("Tulis alasan penerusan."))
    if target != targets.LAPOR and not destination:
        raise ValidationError(_("Tulis nama instansi tujuan."))
    if not ticket.is_open:
        raise ValidationError(_("Aspirasi yang sudah ditutup tidak dapat diteruskan."))
    number = clean_lapor_number(lapor_number)
    label = targets(target).label
    where = (
        f"{label}: {destination}"
        if destination and target != targets.INSTANSI
        else (destination or str(label))
    )
    ticket.forwarded_target = target
    ticket.forwarded_to = destination or str(label)
    ticket.forwarded_reason = reason
    ticket.forwarded_at = timezone.now()
    ticket.save(
        update_fields=["forwarded_target", "forwarded_to", "forwarded_reason", "forwarded_at"]
    )
    TicketEvent.objects.create(
        ticket=ticket,
        kind=TicketEvent.Kind.DISPOSITION,
        user=user,
        public=True,
        text=_("Diteruskan ke %(where)s. Alasan: %(reason)s") % {"where": where, "reason": reason},
    )
    if number:
        set_lapor_number(ticket, number, user)
    set_status(ticket, Ticket.Status.FORWARDED, user)
    _reply(
        ticket,
        _("Aspirasi %(n)s diteruskan ke %(where)s.") % {"n": ticket.number, "where": where},
        key=f"forward:{ticket.number}",
    )
    if target == targets.LAPOR and not ticket.lapor_number and lapor.adapter() is not None:
        from balai.aspirasi.tasks import submit_to_lapor
        from balai.core.tasks import enqueue_after_commit

        enqueue_after_commit(submit_to_lapor, ticket.pk)
