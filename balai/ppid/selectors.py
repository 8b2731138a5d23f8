"""Reads of the PPID: queues, the DIP, statistics and the figures the monitoring app consumes."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from datetime import date

from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.privacy import mask_email, mask_phone
from balai.opd import access
from balai.opd.models import OPD
from balai.ppid.models import (
    BERKALA_MAX_AGE_DAYS,
    InformasiPublik,
    Kategori,
    Keberatan,
    Permohonan,
    PetugasPPID,
)

# Categories every body must publish on its DIP (UU 14/2008 Pasal 9, 10, 11; Perki 1/2021 SLIP).
# Dikecualikan is published only when something has been exempted (Pasal 17 + uji konsekuensi),
# so it is not required.
DIP_REQUIRED = [Kategori.BERKALA.value, Kategori.SERTA_MERTA.value, Kategori.SETIAP_SAAT.value]


def stale_cutoff(today: dt.date | None = None) -> dt.date:
    today = today or timezone.localdate()
    return today - dt.timedelta(days=BERKALA_MAX_AGE_DAYS)


def officer_scope(user, queryset: QuerySet[Permohonan]) -> QuerySet[Permohonan]:
    """The access rule for requests (registered in ``balai.opd.access``): the PPID Pelaksana of
    the OPD addressed, PPID Utama/atasan; Kominfo and anonymous users are decided by ``access``."""
    roles = PetugasPPID.objects.filter(user=user, aktif=True)
    if roles.filter(peran__in=[PetugasPPID.Peran.UTAMA, PetugasPPID.Peran.ATASAN]).exists():
        return queryset
    opd_ids = roles.filter(peran=PetugasPPID.Peran.PELAKSANA).values_list("opd_id", flat=True)
    return queryset.filter(opd_id__in=list(opd_ids))


def via_request(user, queryset: QuerySet) -> QuerySet:
    """Objections, attachments and access logs follow their request."""
    return queryset.filter(permohonan__in=officer_scope(user, Permohonan.objects.all()))


def visible_requests(user) -> QuerySet[Permohonan]:
    """Requests a user may see: the PPID Pelaksana of the OPD, PPID Utama/atasan, Kominfo."""
    return access.visible(user, Permohonan.objects.select_related("opd", "petugas"))


def visible_objections(user) -> QuerySet[Keberatan]:
    return access.visible(user, Keberatan.objects.select_related("permohonan", "permohonan__opd"))


def queue(user) -> QuerySet[Permohonan]:
    """Open requests, most urgent first (due date, then arrival)."""
    return (
        visible_requests(user)
        .exclude(status=Permohonan.Status.SELESAI)
        .order_by("tenggat", "received_at")
    )


def urgency(permohonan: Permohonan, today: dt.date | None = None) -> str:
    """'terlambat' (past due), 'segera' (≤ 2 working days left) or 'normal' — queue colours."""
    from balai.kalender.calendar import working_days_left

    today = today or timezone.localdate()
    if not permohonan.is_open:
        return "selesai"
    if permohonan.tenggat < today:
        return "terlambat"
    if working_days_left(permohonan.tenggat, today) <= 2:
        return "segera"
    return "normal"


def dip_items(opd: OPD | None) -> QuerySet[InformasiPublik]:
    """The DIP of one OPD, or of the whole Pemda when ``opd`` is None (PPID Utama)."""
    qs = InformasiPublik.objects.select_related("opd", "dokumen", "halaman")
    return qs.filter(opd=opd) if opd is not None else qs.filter(opd__is_active=True)


def dip_by_category(opd: OPD | None) -> list[tuple[str, str, list[InformasiPublik]]]:
    groups: dict[str, list[InformasiPublik]] = defaultdict(list)
    for item in dip_items(opd):
        groups[item.kategori].append(item)
    return [(code, str(label), groups.get(code, [])) for code, label in Kategori.choices]


def ppid_stats_by_opd(
    opd_ids: list[int] | None = None, today: date | None = None
) -> dict[int, dict]:
    """Per OPD: DIP categories present/required, stale berkala items, request counts and the
    public evidence URL. Four queries whatever the number of OPDs."""
    today = today or timezone.localdate()
    opds = OPD.objects.select_related("site")
    if opd_ids is not None:
        opds = opds.filter(id__in=opd_ids)
    result: dict[int, dict] = {}
    for opd in opds:
        result[opd.id] = {
            "dip_categories_present": [],
            "dip_categories_required": list(DIP_REQUIRED),
            "dip_stale_berkala": 0,
            "requests_total": 0,
            "requests_closed": 0,
            "requests_on_time": 0,
            "requests_overdue": 0,
            "evidence_url": (opd.site.root_url + "/ppid/dip/") if opd.site_id else "",
        }
    ids = list(result)
    dip = (
        InformasiPublik.objects.filter(opd_id__in=ids)
        .values("opd_id", "kategori")
        .annotate(
            n=Count("id"), stale=Count("id", filter=Q(diperbarui_pada__lt=stale_cutoff(today)))
        )
        .order_by()
    )
    order = [c for c, _ in Kategori.choices]
    for row in dip:
        entry = result[row["opd_id"]]
        entry["dip_categories_present"].append(row["kategori"])
        if row["kategori"] == Kategori.BERKALA:
            entry["dip_stale_berkala"] = row["stale"]
    for entry in result.values():
        entry["dip_categories_present"].sort(key=order.index)
    closed = Q(status=Permohonan.Status.SELESAI)
    requests = (
        Permohonan.objects.filter(opd_id__in=ids)
        .values("opd_id")
        .annotate(
            total=Count("id"),
            closed=Count("id", filter=closed),
            on_time=Count("id", filter=closed & Q(dijawab_tanggal__lte=F("tenggat"))),
            overdue=Count("id", filter=~closed & Q(tenggat__lt=today)),
        )
        .order_by()
    )
    for row in requests:
        entry = result[row["opd_id"]]
        entry["requests_total"] = row["total"]
        entry["requests_closed"] = row["closed"]
        entry["requests_on_time"] = row["on_time"]
        entry["requests_overdue"] = row["overdue"]
    return result


def period_requests(start: dt.date, end: dt.date, opd: OPD | None = None):
    qs = Permohonan.objects.filter(received_at__date__range=(start, end))
    return qs.filter(opd=opd) if opd is not None else qs


def _refusal_grounds(qs) -> list[dict]:
    """Refusals as exempt counted by their ground, UU 14/2008 Pasal 17 huruf a–j (older rows
    without the huruf by their free-text article)."""
    counts: dict[str, int] = defaultdict(int)
    rows = (
        qs.filter(keputusan=Permohonan.Keputusan.DITOLAK_DIKECUALIKAN)
        .values_list("pasal_17", "pasal_pengecualian")
        .annotate(n=Count("id"))
        .order_by()
    )
    for huruf, pasal, n in rows:
        counts[f"UU 14/2008 Pasal 17 huruf {huruf}" if huruf else pasal] += n
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"pasal_pengecualian": k, "n": n} for k, n in ranked]


def statistik(start: dt.date, end: dt.date, opd: OPD | None = None) -> dict:
    """The figures of the annual report (Perki 1/2021 SLIP: number of requests, time to fulfil,
    granted fully/partly, refused with reasons, objections and outcomes). No personal data."""
    from balai.kalender.calendar import WorkingCalendar

    qs = period_requests(start, end, opd)
    K = Permohonan.Keputusan

    def counts(field, choices):
        raw = dict(qs.values_list(field).annotate(n=Count("id")).order_by())
        return [(label, raw.get(code, 0)) for code, label in choices]

    answered = list(
        qs.filter(dijawab_pada__isnull=False).values_list("received_at", "dijawab_pada")
    )
    durations = []
    if answered:
        cal = WorkingCalendar(start - dt.timedelta(days=30), end + dt.timedelta(days=120))
        for received, done in answered:
            durations.append(
                cal.working_days_between(
                    timezone.localtime(received).date(), timezone.localtime(done).date()
                )
            )
    by_opd = list(
        qs.values("opd__name")
        .annotate(
            total=Count("id"),
            selesai=Count("id", filter=Q(status=Permohonan.Status.SELESAI)),
            tepat=Count("id", filter=Q(dijawab_tanggal__lte=F("tenggat"))),
        )
        .order_by("opd__name")
    )
    keberatan = Keberatan.objects.filter(permohonan__in=qs)
    return {
        "start": start,
        "end": end,
        "total": qs.count(),
        "selesai": qs.filter(status=Permohonan.Status.SELESAI).count(),
        "terlambat_terbuka": qs.exclude(status=Permohonan.Status.SELESAI)
        .filter(tenggat__lt=timezone.localdate())
        .count(),
        "diperpanjang": qs.filter(diperpanjang_pada__isnull=False).count(),
        "per_kanal": counts("kanal", Permohonan.Kanal.choices),
        "per_keputusan": counts("keputusan", K.choices),
        "per_opd": by_opd,
        "ditolak_pasal": _refusal_grounds(qs),
        "rata_hari": round(sum(durations) / len(durations), 1) if durations else 0,
        "maks_hari": max(durations) if durations else 0,
        "keberatan_total": keberatan.count(),
        "keberatan_hasil": [
            (label, keberatan.filter(hasil=code).count()) for code, label in Keberatan.Hasil.choices
        ],
        "keberatan_proses": keberatan.filter(hasil="").count(),
        "keberatan_alasan": [
            (label, n)
            for code, label in Keberatan.Alasan.choices
            if (n := keberatan.filter(alasan=code).count())
        ],
        "dip_per_kategori": [
            (
                label,
                InformasiPublik.objects.filter(
                    kategori=code, **({"opd": opd} if opd else {})
                ).count(),
            )
            for code, label in Kategori.choices
        ],
    }


def request_receipt(permohonan: Permohonan) -> dict:
    """What the requester is told next to the registration number (UU 14/2008 Pasal 22(4)):
    the deadline for the written notice and how it was counted (Pasal 22(7), 10 working days),
    the date it moves to if the PPID extends once (Pasal 22(8), 7 working days), the right to
    object to the atasan PPID and by when (Pasal 35(1) huruf e, Pasal 36(1), 30 working days),
    and how the answer reaches them (Perki 1/2021 on standard information services)."""
    from balai.kalender import calendar
    from balai.ppid import services

    due = calendar.explain_due(permohonan.received_at, services.JAWAB_HARI_KERJA)
    extended = calendar.extend(due.due, services.PERPANJANGAN_MAKS_HARI_KERJA)
    notices = []
    if permohonan.email:
        notices.append(_("e-mail ke %(e)s") % {"e": mask_email(permohonan.email)})
    if permohonan.telepon:
        notices.append(_("SMS ke %(n)s") % {"n": mask_phone(permohonan.telepon)})
    notices.append(_("halaman lacak ini, dengan pemberitahuan tertulis (PDF) untuk diunduh"))
    return {
        "due": due,
        "extended": extended,
        "objection_if_unanswered": calendar.extend(due.due, services.KEBERATAN_BATAS_HARI_KERJA),
        "objection_if_extended": calendar.extend(extended, services.KEBERATAN_BATAS_HARI_KERJA),
        "notices": notices,
        "delivery": permohonan.get_cara_mendapatkan_display(),
    }
