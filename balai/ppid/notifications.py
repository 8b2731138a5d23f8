"""How the PPID reaches requesters and officers: e-mail through the task queue, SMS through one
function (``kirim_sms``), which hands it to the SMS Centre's outbox."""

from __future__ import annotations

import logging

from django.conf import settings
from django.utils.translation import gettext as _

from balai.core.tasks import queue_email

logger = logging.getLogger(__name__)


def kirim_sms(telepon: str, pesan: str, *, dedupe_key: str | None = None) -> None:
    """Every SMS of the PPID goes through here: the SMS Centre's outbox (sent by the worker after
    commit, retried, idempotent on ``dedupe_key``)."""
    if not telepon:
        return
    from balai.sms.outbound import queue_sms

    try:
        queue_sms(telepon, pesan, context="ppid", dedupe_key=dedupe_key)
    except ValueError:  # a number the gateway cannot reach; the e-mail/tracking link remain
        logger.warning("ppid sms not queued: invalid number ending %s", telepon[-4:])


def tracking_url(permohonan) -> str:
    from django.urls import reverse

    base = (
        permohonan.opd.url.rstrip("/")
        if permohonan.opd_id and permohonan.opd.site_id
        else (f"http://{settings.BALAI_PORTAL_DOMAIN}")
    )
    return base + reverse("ppid:lacak_token", args=[permohonan.token])


def requester_notice(permohonan, subject: str, body: str, *, sms: str = "", key: str = "") -> None:
    """Tell the requester (e-mail if given, SMS if a phone number is given)."""
    if permohonan.email:
        queue_email(permohonan.email, subject, body)
    if permohonan.telepon and sms:
        kirim_sms(permohonan.telepon, sms, dedupe_key=f"ppid:{permohonan.nomor}:{key}")


def notify_received(permohonan) -> None:
    url = tracking_url(permohonan)
    requester_notice(
        permohonan,
        _("Permohonan informasi %(nomor)s diterima") % {"nomor": permohonan.nomor},
        _(
            "Yth. %(nama)s,\n\nPermohonan informasi Anda kepada %(tujuan)s telah dicatat dengan "
            "nomor pendaftaran %(nomor)s.\nPemberitahuan tertulis paling lambat %(tenggat)s "
            "(10 hari kerja, UU 14/2008 Pasal 22 ayat 7).\n\nIkuti perkembangannya di:\n%(url)s\n"
        )
        % {
            "nama": permohonan.nama,
            "tujuan": permohonan.nama_tujuan,
            "nomor": permohonan.nomor,
            "tenggat": permohonan.tenggat.strftime("%d-%m-%Y"),
            "url": url,
        },
        sms=_("Permohonan informasi %(nomor)s diterima. Lacak: %(url)s")
        % {"nomor": permohonan.nomor, "url": url},
        key="diterima",
    )


def notify_extended(permohonan) -> None:
    requester_notice(
        permohonan,
        _("Permohonan %(nomor)s diperpanjang") % {"nomor": permohonan.nomor},
        _("Jangka waktu jawaban diperpanjang sampai %(tenggat)s.\nAlasan: %(alasan)s\n\n%(url)s\n")
        % {
            "tenggat": permohonan.tenggat.strftime("%d-%m-%Y"),
            "alasan": permohonan.alasan_perpanjangan,
            "url": tracking_url(permohonan),
        },
        sms=_("Permohonan %(nomor)s diperpanjang s.d. %(tenggat)s.")
        % {"nomor": permohonan.nomor, "tenggat": permohonan.tenggat.strftime("%d-%m-%Y")},
        key="diperpanjang",
    )


def notify_answered(permohonan) -> None:
    requester_notice(
        permohonan,
        _("Pemberitahuan tertulis atas permohonan %(nomor)s") % {"nomor": permohonan.nomor},
        _(
            "Permohonan Anda telah dijawab: %(keputusan)s.\nUnduh pemberitahuan tertulis dan "
            "lampirannya di:\n%(url)s\n"
        )
        % {"keputusan": permohonan.get_keputusan_display(), "url": tracking_url(permohonan)},
        sms=_("Permohonan %(nomor)s telah dijawab. Lihat: %(url)s")
        % {"nomor": permohonan.nomor, "url": tracking_url(permohonan)},
        key="dijawab",
    )


def notify_keberatan(keberatan, *, answered: bool = False) -> None:
    permohonan = keberatan.permohonan
    if answered:
        subject = _("Tanggapan atas keberatan %(nomor)s") % {"nomor": keberatan.nomor}
        body = _(
            "Atasan PPID telah menanggapi keberatan Anda: %(hasil)s.\nJika tidak puas, Anda dapat "
            "mengajukan sengketa informasi ke Komisi Informasi paling lambat %(batas)s "
            "(UU 14/2008 Pasal 37 ayat 2).\n\n%(url)s\n"
        ) % {
            "hasil": keberatan.get_hasil_display(),
            "batas": keberatan.batas_sengketa.strftime("%d-%m-%Y"),
            "url": tracking_url(permohonan),
        }
    else:
        subject = _("Keberatan %(nomor)s diterima") % {"nomor": keberatan.nomor}
        body = _(
            "Keberatan Anda dicatat dengan nomor %(nomor)s. Atasan PPID menanggapi paling lambat "
            "%(tenggat)s (30 hari kerja, UU 14/2008 Pasal 36 ayat 2).\n\n%(url)s\n"
        ) % {
            "nomor": keberatan.nomor,
            "tenggat": keberatan.tenggat.strftime("%d-%m-%Y"),
            "url": tracking_url(permohonan),
        }
    requester_notice(
        permohonan, subject, body, sms=subject, key=f"keberatan:{keberatan.nomor}:{answered}"
    )


def officer_emails(opd_id: int | None, peran: str) -> list[str]:
    from balai.ppid.models import PetugasPPID

    qs = PetugasPPID.objects.filter(aktif=True, peran=peran, user__is_active=True)
    if peran == PetugasPPID.Peran.PELAKSANA:
        qs = qs.filter(opd_id=opd_id)
    return sorted({e for e in qs.values_list("user__email", flat=True) if e})
