"""Daily PPID reminders, run by the one scheduler (``manage.py run_scheduler``).

- Before the due date (2 working days or less left) the responsible PPID officer is reminded.
- When a request is past its due date (UU 14/2008 Pasal 22(7)–(8)) the PPID Utama is told.
Each request is reminded and escalated at most once a day
(``reminded_on``, ``escalated_on``).
"""

from __future__ import annotations

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from balai.core.scheduler import periodic
from balai.core.tasks import queue_email
from balai.kalender import reminders
from balai.ppid.models import Permohonan, PetugasPPID
from balai.ppid.notifications import officer_emails

REMIND_WORKING_DAYS_BEFORE = 2


@periodic(at=dt.time(7, 0))
@task()
def remind_and_escalate() -> str:
    today = timezone.localdate()
    open_requests = Permohonan.objects.exclude(status=Permohonan.Status.SELESAI).select_related(
        "opd", "petugas"
    )
    utama = officer_emails(None, PetugasPPID.Peran.UTAMA)

    def remind(item: Permohonan) -> None:
        to = (
            [item.petugas.email]
            if item.petugas and item.petugas.email
            else officer_emails(
                item.opd_id,
                PetugasPPID.Peran.PELAKSANA if item.opd_id else PetugasPPID.Peran.UTAMA,
            )
        )
        queue_email(
            to,
            _("Pengingat: permohonan %(nomor)s jatuh tempo %(tenggat)s")
            % {"nomor": item.nomor, "tenggat": item.tenggat.strftime("%d-%m-%Y")},
            _(
                "Permohonan informasi %(nomor)s kepada %(tujuan)s harus dijawab paling lambat "
                "%(tenggat)s (UU 14/2008 Pasal 22).\n"
            )
            % {
                "nomor": item.nomor,
                "tujuan": item.nama_tujuan,
                "tenggat": item.tenggat.strftime("%d-%m-%Y"),
            },
        )
        item.reminded_on = today
        item.save(update_fields=["reminded_on"])

    def escalate(item: Permohonan) -> None:
        queue_email(
            utama,
            _("Terlambat: permohonan %(nomor)s melewati tenggat") % {"nomor": item.nomor},
            _(
                "Permohonan %(nomor)s kepada %(tujuan)s melewati tenggat %(tenggat)s dan belum "
                "dijawab.\n"
            )
            % {
                "nomor": item.nomor,
                "tujuan": item.nama_tujuan,
                "tenggat": item.tenggat.strftime("%d-%m-%Y"),
            },
        )
        item.escalated_on = today
        item.save(update_fields=["escalated_on"])

    result = reminders.sweep(
        to_remind=open_requests.exclude(reminded_on=today).filter(tenggat__gte=today),
        to_escalate=open_requests.exclude(escalated_on=today).filter(tenggat__lt=today),
        deadline=lambda item: item.tenggat,
        remind_within=REMIND_WORKING_DAYS_BEFORE,
        remind=remind,
        escalate=escalate,
        today=today,
    )
    return f"reminded={result.reminded} escalated={result.escalated}"
