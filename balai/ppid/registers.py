"""The two books a PPID keeps by rule: the register permohonan informasi and the register keberatan,
as rows in the layout of the Komisi Informasi's Standar Layanan Informasi Publik (Perki 1/2021,
which replaced Perki 1/2010 and keeps its register forms).

Register permohonan (lampiran "Register Permohonan Informasi Publik"): No.; tanggal; nama; alamat;
nomor kontak; pekerjaan; informasi yang diminta; tujuan penggunaan informasi; status informasi
(di bawah penguasaan / tidak di bawah penguasaan — naming the body that holds it / belum
didokumentasikan); bentuk informasi yang dikuasai (softcopy / hardcopy); jenis permohonan (melihat/
mengetahui / meminta salinan); keputusan (as in the pemberitahuan tertulis); alasan penolakan; hari
dan tanggal (pemberitahuan tertulis / pemberian informasi); biaya dan cara pembayaran. Balai adds
the nomor pendaftaran (UU 14/2008 Pasal 22(4)) after No., and the PPID column on the city-wide book.

Register keberatan ("sekurang-kurangnya memuat", Perki SLIP): nomor registrasi keberatan; tanggal
diterima; identitas lengkap pemohon; nomor pendaftaran permohonan; informasi yang diminta; tujuan
penggunaan; alasan keberatan (UU 14/2008 Pasal 35(1)); keputusan atasan PPID; hari dan tanggal
tanggapan; nama dan posisi atasan PPID; tanggapan pemohon informasi.

(check) The official lampiran of Perki 1/2021 could not be re-read here; the columns follow the
published register forms and the Komisi Informasi's PPID guide (2021). Both books hold personal
data (UU 27/2022): they are for PPID officers only, within the scope of their role.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.opd.models import OPD
from balai.ppid import selectors
from balai.ppid.models import Keberatan, Permohonan, PetugasPPID

CHECK = "√"
SEMUA = "semua"  # the city-wide book (PPID Utama / Kominfo)
UTAMA = "utama"  # the PPID Utama's own requests (addressed to no OPD)


@dataclass(frozen=True)
class Kolom:
    label: str
    group: str = ""  # a heading spanning several columns, as on the printed form
    width: int = 14
    nowrap: bool = False  # registration numbers stay on one line in the PDF


@dataclass
class Register:
    """One book ready to print: title, scope, columns and rows (plain values)."""

    jenis: str  # "permohonan" or "keberatan"
    title: str
    scope_label: str
    start: dt.date
    end: dt.date
    columns: list[Kolom]
    rows: list[list] = field(default_factory=list)

    @property
    def col_percent(self) -> list[float]:
        """Column widths for the printed (fixed-layout) table, from the XLSX widths."""
        total = sum(c.width for c in self.columns)
        return [round(100 * c.width / total, 2) for c in self.columns]

    @property
    def cells(self) -> list[list[tuple[object, Kolom]]]:
        return [list(zip(row, self.columns, strict=True)) for row in self.rows]

    @property
    def groups(self) -> list[tuple[str, int, list[Kolom]]]:
        """Consecutive columns sharing a group: (group, first index, columns)."""
        out: list[tuple[str, int, list[Kolom]]] = []
        for i, col in enumerate(self.columns):
            if out and col.group and out[-1][0] == col.group:
                out[-1][2].append(col)
            else:
                out.append((col.group, i, [col]))
        return out


PERMOHONAN_COLUMNS = [
    Kolom("No.", width=6),
    Kolom("Nomor pendaftaran", width=35, nowrap=True),
    Kolom("Tanggal", width=17),
    Kolom("Nama", width=16),
    Kolom("Alamat", width=18),
    Kolom("Nomor kontak", width=18),
    Kolom("Pekerjaan", width=14),
    Kolom("Informasi yang diminta", width=22),
    Kolom("Tujuan penggunaan informasi", width=16),
    Kolom("Di bawah penguasaan", "Status informasi", 13),
    Kolom("Tidak di bawah penguasaan", "Status informasi", 13),
    Kolom("Belum didokumentasikan", "Status informasi", 13),
    Kolom("Softcopy", "Bentuk informasi yang dikuasai", 12),
    Kolom("Hardcopy", "Bentuk informasi yang dikuasai", 12),
    Kolom("Melihat/mengetahui", "Jenis permohonan", 13),
    Kolom("Meminta salinan", "Jenis permohonan", 13),
    Kolom("Keputusan", width=17),
    Kolom("Alasan penolakan", width=22),
    Kolom("Pemberitahuan tertulis", "Hari dan tanggal", 17),
    Kolom("Pemberian informasi", "Hari dan tanggal", 17),
    Kolom("Biaya dan cara pembayaran", width=14),
]

KEBERATAN_COLUMNS = [
    Kolom("No.", width=5),
    Kolom("Nomor registrasi keberatan", width=32, nowrap=True),
    Kolom("Tanggal diterima", width=17),
    Kolom("Nama", "Identitas pemohon", 20),
    Kolom("Alamat", "Identitas pemohon", 26),
    Kolom("Nomor kontak", "Identitas pemohon", 18),
    Kolom("Nomor pendaftaran permohonan", width=30, nowrap=True),
    Kolom("Informasi yang diminta", width=30),
    Kolom("Tujuan penggunaan informasi", width=24),
    Kolom("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)", width=30),
    Kolom("Keputusan atasan PPID", width=30),
    Kolom("Hari dan tanggal tanggapan", width=17),
    Kolom("Nama dan posisi atasan PPID", width=22),
    Kolom("Tanggapan pemohon informasi", width=24),
]

PPID_COLUMN = Kolom("PPID", width=16)

_SOFT = ("soft", "pdf", "elektronik", "digital", "e-mail", "email")
_HARD = ("hard", "cetak", "fotokopi", "salinan kertas")


def _mark(flag: bool) -> str:
    return CHECK if flag else ""


def _local_date(value: dt.datetime | None) -> dt.date | None:
    return timezone.localtime(value).date() if value else None


def bentuk_dikuasai(p: Permohonan) -> tuple[bool, bool]:
    """(softcopy, hardcopy) held: from the form named in the notice, else from the form asked."""
    text = p.bentuk_informasi.lower()
    soft, hard = any(w in text for w in _SOFT), any(w in text for w in _HARD)
    if not (soft or hard):
        soft = p.cara_memperoleh == Permohonan.CaraMemperoleh.SOFTCOPY
        hard = p.cara_memperoleh == Permohonan.CaraMemperoleh.HARDCOPY
    return soft, hard


def alasan_penolakan(p: Permohonan) -> str:
    K = Permohonan.Keputusan
    if p.keputusan in (K.DITOLAK_DIKECUALIKAN, K.SEBAGIAN) and p.pasal_17:
        return _("Dikecualikan: %(dasar)s") % {"dasar": p.dasar_pengecualian}
    if p.keputusan == K.DITOLAK_TIDAK_DIKUASAI:
        return _("Informasi tidak dikuasai/belum didokumentasikan")
    return ""


def permohonan_row(n: int, p: Permohonan, *, citywide: bool = False) -> list:
    K = Permohonan.Keputusan
    decided = not p.is_open
    dikuasai = decided and p.keputusan in (K.DIPENUHI, K.SEBAGIAN, K.DITOLAK_DIKECUALIKAN)
    soft, hard = bentuk_dikuasai(p) if dikuasai else (False, False)
    salinan = p.cara_memperoleh != Permohonan.CaraMemperoleh.MELIHAT
    biaya = ""
    if decided:
        biaya = _("Gratis") if not p.biaya else f"Rp {p.biaya:,}".replace(",", ".")
    row = [
        n,
        p.nomor,
        _local_date(p.received_at),
        p.nama,
        p.alamat,
        " / ".join(x for x in (p.telepon, p.email) if x),
        p.pekerjaan,
        p.rincian,
        p.tujuan,
        _mark(dikuasai),
        (f"{CHECK} {p.diteruskan_ke}".strip() if p.keputusan == K.DITERUSKAN else ""),
        _mark(p.keputusan == K.DITOLAK_TIDAK_DIKUASAI),
        _mark(soft),
        _mark(hard),
        _mark(not salinan),
        _mark(salinan),
        p.get_keputusan_display() if decided else p.get_status_display(),
        alasan_penolakan(p),
        p.dijawab_tanggal,
        p.dijawab_tanggal if p.is_granted else None,
        biaya,
    ]
    if citywide:
        row.append(p.nama_tujuan)
    return row


def _atasan_label(k: Keberatan) -> str:
    user = k.dijawab_oleh
    if user is None:
        return ""
    roles = {r.peran for r in user.peran_ppid.all() if r.aktif}
    posisi = (
        PetugasPPID.Peran.ATASAN.label
        if PetugasPPID.Peran.ATASAN in roles
        else PetugasPPID.Peran.UTAMA.label
        if PetugasPPID.Peran.UTAMA in roles
        else _("Atasan PPID")
    )
    return f"{user.get_full_name() or user.get_username()} ({posisi})"


def keberatan_row(n: int, k: Keberatan, *, citywide: bool = False) -> list:
    p = k.permohonan
    keputusan = f"{k.get_hasil_display()}: {k.tanggapan}" if k.hasil else _("Belum ditanggapi")
    row = [
        n,
        k.nomor,
        _local_date(k.received_at),
        p.nama,
        p.alamat,
        " / ".join(x for x in (p.telepon, p.email) if x),
        p.nomor,
        p.rincian,
        p.tujuan,
        _("huruf %(h)s: %(alasan)s") % {"h": k.alasan, "alasan": k.get_alasan_display()},
        keputusan,
        _local_date(k.dijawab_pada),
        _atasan_label(k),
        k.tanggapan_pemohon,
    ]
    if citywide:
        row.append(p.nama_tujuan)
    return row


# --- scope and access ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Scope:
    key: str  # an OPD slug, UTAMA or SEMUA
    opd: OPD | None
    label: str

    @property
    def citywide(self) -> bool:
        return self.key == SEMUA


def sees_all(user) -> bool:
    """PPID Utama, atasan PPID and Kominfo (superuser) keep the city-wide books."""
    return (
        user.is_superuser
        or PetugasPPID.objects.filter(
            user=user,
            aktif=True,
            peran__in=[PetugasPPID.Peran.UTAMA, PetugasPPID.Peran.ATASAN],
        ).exists()
    )


def own_opds(user) -> QuerySet[OPD]:
    return OPD.objects.filter(
        petugas_ppid__user=user,
        petugas_ppid__aktif=True,
        petugas_ppid__peran=PetugasPPID.Peran.PELAKSANA,
    ).order_by("name")


def scopes_for(user) -> list[Scope]:
    """The books a user may download: a PPID Pelaksana only its own OPD's; the PPID Utama every
    OPD's, its own and the city-wide one."""
    if sees_all(user):
        opds = OPD.objects.active().order_by("name")
        head = [
            Scope(SEMUA, None, _("Seluruh PPID (kota/kabupaten)")),
            Scope(UTAMA, None, _("PPID Utama")),
        ]
    else:
        opds, head = own_opds(user), []
    return head + [Scope(o.slug, o, o.name) for o in opds]


def resolve_scope(user, key: str | None) -> Scope:
    """The book asked for, or PermissionDenied when it is not the user's to see."""
    allowed = scopes_for(user)
    if not allowed:
        raise PermissionDenied
    if not key:
        return allowed[0]
    for scope in allowed:
        if scope.key == key:
            return scope
    raise PermissionDenied


def _requests_in(user, scope: Scope) -> QuerySet[Permohonan]:
    qs = selectors.visible_requests(user)  # the role filter applies again, whatever the scope
    if scope.key == UTAMA:
        return qs.filter(opd__isnull=True)
    if scope.opd is not None:
        return qs.filter(opd=scope.opd)
    return qs


def register_permohonan(user, scope: Scope, start: dt.date, end: dt.date) -> Register:
    qs = (
        _requests_in(user, scope)
        .filter(received_at__date__range=(start, end))
        .order_by("received_at", "id")
    )
    columns = [*PERMOHONAN_COLUMNS, *([PPID_COLUMN] if scope.citywide else [])]
    return Register(
        jenis="permohonan",
        title=_("Register Permohonan Informasi Publik"),
        scope_label=scope.label,
        start=start,
        end=end,
        columns=columns,
        rows=[permohonan_row(n, p, citywide=scope.citywide) for n, p in enumerate(qs, 1)],
    )


def register_keberatan(user, scope: Scope, start: dt.date, end: dt.date) -> Register:
    qs = (
        Keberatan.objects.filter(permohonan__in=_requests_in(user, scope))
        .filter(received_at__date__range=(start, end))
        .select_related("permohonan", "permohonan__opd", "dijawab_oleh")
        .prefetch_related("dijawab_oleh__peran_ppid")
        .order_by("received_at", "id")
    )
    columns = [*KEBERATAN_COLUMNS, *([PPID_COLUMN] if scope.citywide else [])]
    return Register(
        jenis="keberatan",
        title=_("Register Keberatan Informasi Publik"),
        scope_label=scope.label,
        start=start,
        end=end,
        columns=columns,
        rows=[keberatan_row(n, k, citywide=scope.citywide) for n, k in enumerate(qs, 1)],
    )


BUILDERS = {"permohonan": register_permohonan, "keberatan": register_keberatan}
