"""Every state change of the PPID, one function per verb (views, admin, demo and tests call these).

Deadlines are working days from ``balai.kalender.calendar`` (one calendar: Monday–Friday minus
national holidays and cuti bersama). When the count starts is decided there: a request received on
a working day before the office closes counts from that day (day 1 = next working day); after
closing, on a weekend, holiday or cuti bersama it counts as received on the next working day.
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.kalender import calendar
from balai.opd import access
from balai.ppid import notifications
from balai.ppid.models import AksesLog, Keberatan, Lampiran, Pasal17, Permohonan, PetugasPPID

# UU 14/2008 Pasal 22(7): written notice within 10 working days of receipt.
JAWAB_HARI_KERJA = 10
# UU 14/2008 Pasal 22(8): one extension of at most 7 working days, with written reasons.
PERPANJANGAN_MAKS_HARI_KERJA = 7
# UU 14/2008 Pasal 36(1): objection within 30 working days after the grounds arose.
KEBERATAN_BATAS_HARI_KERJA = 30
# UU 14/2008 Pasal 36(2): the atasan PPID answers within 30 working days of recording it.
KEBERATAN_JAWAB_HARI_KERJA = 30
# UU 14/2008 Pasal 37(2): dispute to the Komisi Informasi within 14 working days of the answer.
SENGKETA_HARI_KERJA = 14


@dataclass
class DataPemohon:
    nama: str
    nik: str
    alamat: str
    rincian: str
    tujuan: str
    cara_memperoleh: str
    cara_mendapatkan: str
    telepon: str = ""
    email: str = ""
    pekerjaan: str = ""


def log_access(permohonan: Permohonan, user, aksi: str, keterangan: str = "") -> None:
    AksesLog.objects.create(
        permohonan=permohonan,
        user=user if user and user.is_authenticated else None,
        aksi=aksi,
        keterangan=keterangan[:255],
    )


def _new_number(prefix: str, model, year: int) -> str:
    count = model.objects.filter(nomor__startswith=f"{prefix}/{year}/").count()
    return f"{prefix}/{year}/{count + 1:05d}"


def _save_numbered(obj, prefix: str) -> None:
    """Give ``obj`` the next registration number of its series (Pasal 22(4)); retry on a race."""
    year = timezone.localdate().year
    for _attempt in range(5):
        obj.nomor = _new_number(prefix, type(obj), year)
        try:
            with transaction.atomic():
                obj.save()
            return
        except IntegrityError:
            continue
    obj.nomor = f"{prefix}/{year}/{secrets.token_hex(4).upper()}"
    obj.save()


def number_prefix(opd) -> str:
    return f"PPID-{opd.slug.upper() if opd else 'UTAMA'}"


@transaction.atomic
def submit_request(
    data: DataPemohon,
    *,
    opd=None,
    kanal: str = Permohonan.Kanal.WEB,
    received_at: dt.datetime | None = None,
    by=None,
    notify: bool = True,
) -> Permohonan:
    """Record a request, give it its registration number at once (UU 14/2008 Pasal 22(4)) and a
    due date of 10 working days (Pasal 22(7)); tell the requester how to track it."""
    received_at = received_at or timezone.now()
    permohonan = Permohonan(
        opd=opd,
        kanal=kanal,
        received_at=received_at,
        dicatat_oleh=by,
        tenggat=calendar.due_date(received_at, JAWAB_HARI_KERJA),
        token=secrets.token_urlsafe(24),
        **data.__dict__,
    )
    _save_numbered(permohonan, number_prefix(opd))
    log_access(permohonan, by, "dicatat", permohonan.get_kanal_display())
    if notify:
        notifications.notify_received(permohonan)
    return permohonan


def officer_roles(user) -> list[PetugasPPID]:
    if not user or not user.is_authenticated:
        return []
    return list(PetugasPPID.objects.filter(user=user, aktif=True))


def can_handle(user, permohonan: Permohonan) -> bool:
    """Only the PPID Pelaksana of the OPD addressed, the PPID Utama and Kominfo (issue 5 §7)."""
    return access.can_see(user, permohonan)


def _require(user, permohonan: Permohonan) -> None:
    if user is not None and not can_handle(user, permohonan):
        raise PermissionDenied


def _require_open(permohonan: Permohonan) -> None:
    if not permohonan.is_open:
        raise ValidationError(_("Permohonan ini sudah selesai."))


@transaction.atomic
def assign(permohonan: Permohonan, petugas, *, by=None) -> Permohonan:
    _require(by, permohonan)
    permohonan.petugas = petugas
    permohonan.save(update_fields=["petugas"])
    log_access(permohonan, by, "ditugaskan", petugas.get_username())
    return permohonan


@transaction.atomic
def extend(
    permohonan: Permohonan,
    alasan: str,
    *,
    hari_kerja: int = PERPANJANGAN_MAKS_HARI_KERJA,
    by=None,
    notify: bool = True,
) -> Permohonan:
    """One extension of at most 7 working days with a written reason (UU 14/2008 Pasal 22(8))."""
    _require(by, permohonan)
    _require_open(permohonan)
    if permohonan.diperpanjang_pada:
        raise ValidationError(_("Perpanjangan hanya dapat dilakukan satu kali."))
    if not 1 <= hari_kerja <= PERPANJANGAN_MAKS_HARI_KERJA:
        raise ValidationError(_("Perpanjangan paling lama 7 hari kerja."))
    if not alasan.strip():
        raise ValidationError(_("Tuliskan alasan perpanjangan."))
    permohonan.tenggat = calendar.extend(permohonan.tenggat, hari_kerja)
    permohonan.diperpanjang_pada = timezone.now()
    permohonan.alasan_perpanjangan = alasan.strip()
    permohonan.status = Permohonan.Status.DIPERPANJANG
    permohonan.save()
    log_access(permohonan, by, "diperpanjang", alasan)
    if notify:
        notifications.notify_extended(permohonan)
    return permohonan


@transaction.atomic
def answer(
    permohonan: Permohonan,
    *,
    keputusan: str,
    jawaban: str,
    bentuk_informasi: str = "",
    biaya: int = 0,
    waktu_penyediaan: str = "",
    pasal_17: str = "",
    pasal_pengecualian: str = "",
    informasi_dikecualikan: str = "",
    uji_konsekuensi: str = "",
    pertimbangan_kepentingan_umum: str = "",
    masa_pengecualian: str = "",
    diteruskan_ke: str = "",
    lampiran: list | None = None,
    by=None,
    notify: bool = True,
    answered_at: dt.datetime | None = None,
) -> Permohonan:
    """Issue the written notice (pemberitahuan tertulis, UU 14/2008 Pasal 22(7)): granted fully or
    partly, rejected (exempt under Pasal 17 — the huruf, the uji konsekuensi and the exemption
    period required, Perki 1/2021 Pasal 49 — or not held), or forwarded to the body that
    holds it. A partial grant may name the Pasal 17 ground of the withheld part."""
    _require(by, permohonan)
    _require_open(permohonan)
    K = Permohonan.Keputusan
    if keputusan not in K.values:
        raise ValidationError(_("Pilih keputusan."))
    errors = {}
    if not jawaban.strip():
        errors["jawaban"] = _("Tuliskan isi pemberitahuan.")
    if pasal_17 and pasal_17 not in Pasal17.values:
        errors["pasal_17"] = _("Pilih huruf Pasal 17 yang tersedia.")
    if keputusan == K.DITOLAK_DIKECUALIKAN:
        if not pasal_17:
            errors["pasal_17"] = _("Sebutkan pasal pengecualian: pilih huruf Pasal 17 UU 14/2008.")
        if not uji_konsekuensi.strip():
            errors["uji_konsekuensi"] = _("Ringkas uji konsekuensinya.")
        if not masa_pengecualian.strip():
            errors["masa_pengecualian"] = _("Sebutkan jangka waktu pengecualian.")
    if keputusan not in (K.DITOLAK_DIKECUALIKAN, K.SEBAGIAN):
        pasal_17 = ""  # a ground of exemption only belongs to a (partial) refusal
    if keputusan == K.DITERUSKAN and not diteruskan_ke.strip():
        errors["diteruskan_ke"] = _("Sebutkan badan publik yang menguasai informasi.")
    if errors:
        raise ValidationError(errors)
    answered_at = answered_at or timezone.now()
    permohonan.keputusan = keputusan
    permohonan.jawaban = jawaban.strip()
    permohonan.bentuk_informasi = bentuk_informasi
    permohonan.biaya = biaya or 0
    permohonan.waktu_penyediaan = waktu_penyediaan
    permohonan.pasal_17 = pasal_17
    permohonan.pasal_pengecualian = pasal_pengecualian.strip()
    permohonan.informasi_dikecualikan = informasi_dikecualikan.strip()
    permohonan.uji_konsekuensi = uji_konsekuensi.strip()
    permohonan.pertimbangan_kepentingan_umum = pertimbangan_kepentingan_umum.strip()
    permohonan.masa_pengecualian = masa_pengecualian.strip()
    permohonan.diteruskan_ke = diteruskan_ke
    permohonan.dijawab_pada = answered_at
    permohonan.dijawab_tanggal = timezone.localtime(answered_at).date()
    permohonan.status = Permohonan.Status.SELESAI
    if by is not None and permohonan.petugas_id is None:
        permohonan.petugas = by
    permohonan.save()
    for upload in lampiran or []:
        Lampiran.objects.create(permohonan=permohonan, berkas=upload, nama=upload.name)
    log_access(permohonan, by, "dijawab", permohonan.get_keputusan_display())
    if notify:
        notifications.notify_answered(permohonan)
    return permohonan


def reject(
    permohonan: Permohonan,
    *,
    alasan: str,
    pasal_17: str = "",
    pasal_pengecualian: str = "",
    informasi_dikecualikan: str = "",
    uji_konsekuensi: str = "",
    pertimbangan_kepentingan_umum: str = "",
    masa_pengecualian: str = "",
    by=None,
) -> Permohonan:
    """Refuse: exempt (with the Pasal 17 huruf and the uji konsekuensi) or, without a ground of
    exemption, not held."""
    keputusan = (
        Permohonan.Keputusan.DITOLAK_DIKECUALIKAN
        if pasal_17
        else Permohonan.Keputusan.DITOLAK_TIDAK_DIKUASAI
    )
    return answer(
        permohonan,
        keputusan=keputusan,
        jawaban=alasan,
        pasal_17=pasal_17,
        pasal_pengecualian=pasal_pengecualian,
        informasi_dikecualikan=informasi_dikecualikan,
        uji_konsekuensi=uji_konsekuensi,
        pertimbangan_kepentingan_umum=pertimbangan_kepentingan_umum,
        masa_pengecualian=masa_pengecualian,
        by=by,
    )


def forward(permohonan: Permohonan, *, badan: str, jawaban: str = "", by=None) -> Permohonan:
    """The information is held by another body: the notice names it (Pasal 22(7) huruf b)."""
    return answer(
        permohonan,
        keputusan=Permohonan.Keputusan.DITERUSKAN,
        diteruskan_ke=badan,
        jawaban=jawaban
        or _("Informasi dikuasai oleh %(badan)s; permohonan diteruskan.") % {"badan": badan},
        by=by,
    )


def grounds_date(permohonan: Permohonan, today: dt.date | None = None) -> dt.date:
    """When the grounds for an objection arose: the notice, or the missed deadline."""
    if permohonan.dijawab_pada:
        return timezone.localtime(permohonan.dijawab_pada).date()
    return permohonan.tenggat


def objection_deadline(permohonan: Permohonan) -> dt.date:
    """Last day to object: 30 working days after the grounds arose (UU 14/2008 Pasal 36(1))."""
    return calendar.extend(grounds_date(permohonan), KEBERATAN_BATAS_HARI_KERJA)


def can_object(permohonan: Permohonan, today: dt.date | None = None) -> bool:
    today = today or timezone.localdate()
    if permohonan.keberatan.exists():
        return False
    if permohonan.is_open and today <= permohonan.tenggat:
        return False  # no grounds yet: the PPID still has time to answer
    return today <= objection_deadline(permohonan)


@transaction.atomic
def file_objection(
    permohonan: Permohonan, *, alasan: str, uraian: str = "", received_at: dt.datetime | None = None
) -> Keberatan:
    """File an objection to the atasan PPID on one of the grounds of Pasal 35(1), within 30
    working days (Pasal 36(1)); the atasan answers within 30 working days (Pasal 36(2))."""
    received_at = received_at or timezone.now()
    if alasan not in Keberatan.Alasan.values:
        raise ValidationError({"alasan": _("Pilih alasan keberatan.")})
    if not can_object(permohonan, timezone.localtime(received_at).date()):
        raise ValidationError(_("Keberatan tidak dapat diajukan untuk permohonan ini saat ini."))
    keberatan = Keberatan(
        permohonan=permohonan,
        alasan=alasan,
        uraian=uraian.strip(),
        received_at=received_at,
        tenggat=calendar.due_date(received_at, KEBERATAN_JAWAB_HARI_KERJA),
    )
    _save_numbered(keberatan, "KEB-" + number_prefix(permohonan.opd).removeprefix("PPID-"))
    log_access(permohonan, None, "keberatan", keberatan.nomor)
    notifications.notify_keberatan(keberatan)
    return keberatan


def can_decide_objection(user) -> bool:
    return access.is_kominfo(user) or any(
        r.peran in (PetugasPPID.Peran.ATASAN, PetugasPPID.Peran.UTAMA) for r in officer_roles(user)
    )


@transaction.atomic
def answer_objection(
    keberatan: Keberatan,
    *,
    hasil: str,
    tanggapan: str,
    by=None,
    answered_at: dt.datetime | None = None,
) -> Keberatan:
    """Record the atasan PPID's written answer; the requester may then go to the Komisi Informasi
    within 14 working days (UU 14/2008 Pasal 37(2))."""
    if by is not None and not can_decide_objection(by):
        raise PermissionDenied
    if keberatan.hasil:
        raise ValidationError(_("Keberatan ini sudah ditanggapi."))
    if hasil not in Keberatan.Hasil.values or not tanggapan.strip():
        raise ValidationError(_("Pilih hasil dan tuliskan tanggapan."))
    answered_at = answered_at or timezone.now()
    keberatan.hasil = hasil
    keberatan.tanggapan = tanggapan.strip()
    keberatan.dijawab_pada = answered_at
    keberatan.dijawab_oleh = by
    keberatan.batas_sengketa = calendar.extend(
        timezone.localtime(answered_at).date(), SENGKETA_HARI_KERJA
    )
    keberatan.save()
    log_access(keberatan.permohonan, by, "keberatan-dijawab", keberatan.get_hasil_display())
    notifications.notify_keberatan(keberatan, answered=True)
    return keberatan


@transaction.atomic
def record_requester_response(keberatan: Keberatan, tanggapan: str, *, by=None) -> Keberatan:
    """Note the requester's response to the atasan PPID's decision (accepts it, or takes it to
    the Komisi Informasi) — the last column of the register keberatan (Perki 1/2021)."""
    _require(by, keberatan.permohonan)
    if not keberatan.hasil:
        raise ValidationError(_("Keberatan ini belum ditanggapi atasan PPID."))
    if not tanggapan.strip():
        raise ValidationError(_("Tuliskan tanggapan pemohon."))
    keberatan.tanggapan_pemohon = tanggapan.strip()
    keberatan.save(update_fields=["tanggapan_pemohon"])
    log_access(keberatan.permohonan, by, "tanggapan-pemohon", keberatan.nomor)
    return keberatan
