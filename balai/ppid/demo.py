# ruff: noqa: E501 (demo data rows)
"""Demo data for the PPID: officers in every role, a DIP for each demo OPD, and a year of requests
in every state (some overdue, some extended, a few objections). Idempotent."""

from __future__ import annotations

import datetime as dt
import random

from django.contrib.auth import get_user_model
from django.utils import timezone

from balai.kalender.calendar import WorkingCalendar
from balai.opd.models import OPD
from balai.opd.operators import create_operator
from balai.ppid import services
from balai.ppid.models import InformasiPublik, Kategori, Permohonan, PetugasPPID

DEMO_PASSWORD = "Balai-Demo-2026!"  # noqa: S105

# (username, opd slug for admin access, PPID role, PetugasPPID.opd slug or None, full name)
OFFICERS = [
    ("ppid-utama", "diskominfo", PetugasPPID.Peran.UTAMA, None, "Fitri Handayani"),
    ("atasan-ppid", "diskominfo", PetugasPPID.Peran.ATASAN, None, "H. Zulkarnain"),
    ("ppid-dinkes", "dinkes", PetugasPPID.Peran.PELAKSANA, "dinkes", "Rina Marlina"),
    ("ppid-disdukcapil", "disdukcapil", PetugasPPID.Peran.PELAKSANA, "disdukcapil", "Yoga Pratama"),
]

COMMON_DIP = [
    (
        Kategori.BERKALA,
        "Profil dan struktur organisasi",
        "Profil, tugas pokok, fungsi dan struktur organisasi beserta nama pejabat.",
        "Sekretariat",
        40,
    ),
    (
        Kategori.BERKALA,
        "Laporan Kinerja Instansi Pemerintah (LKjIP) 2025",
        "Capaian kinerja terhadap Renstra dan Perjanjian Kinerja tahun 2025.",
        "Subbagian Perencanaan",
        90,
    ),
    (
        Kategori.BERKALA,
        "Laporan realisasi anggaran semester I 2026",
        "Realisasi belanja per program dan kegiatan sampai Juni 2026.",
        "Subbagian Keuangan",
        150,
    ),
    (
        Kategori.BERKALA,
        "Rencana Kerja (Renja) 2025",
        "Program, kegiatan dan pagu indikatif tahun 2025.",
        "Subbagian Perencanaan",
        300,
    ),
    (
        Kategori.SETIAP_SAAT,
        "Standar operasional prosedur pelayanan",
        "SOP seluruh layanan publik beserta persyaratan dan waktu penyelesaian.",
        "Sekretariat",
        20,
    ),
    (
        Kategori.SETIAP_SAAT,
        "Rencana Strategis 2025–2029",
        "Dokumen Renstra beserta indikator kinerja utama.",
        "Subbagian Perencanaan",
        60,
    ),
    (
        Kategori.SETIAP_SAAT,
        "Daftar aset dan inventaris",
        "Kartu inventaris barang per 31 Desember 2025.",
        "Subbagian Umum",
        100,
    ),
]
SPECIFIC_DIP = {
    "dinkes": [
        (
            Kategori.SERTA_MERTA,
            "Peringatan peningkatan kasus demam berdarah",
            "Sebaran kasus DBD per kelurahan dan langkah pencegahan 3M Plus.",
            "Bidang P2P",
            5,
            "",
            "",
        ),
        (
            Kategori.DIKECUALIKAN,
            "Rekam medis dan data pasien",
            "Data identitas dan riwayat kesehatan pasien puskesmas.",
            "Bidang Yankes",
            30,
            "UU 14/2008 Pasal 17 huruf h angka 2",
            "Membuka data ini mengungkap rahasia pribadi pasien; kerugian lebih besar daripada manfaat bagi publik.",
        ),
    ],
    "disdukcapil": [
        (
            Kategori.DIKECUALIKAN,
            "Data pribadi penduduk (NIK, KK, biometrik)",
            "Database kependudukan beserta elemen data pribadi.",
            "Bidang PIAK",
            30,
            "UU 14/2008 Pasal 17 huruf h; UU 24/2013 Pasal 79",
            "Data pribadi dilindungi undang-undang; pembukaan berisiko penyalahgunaan identitas.",
        ),
        (
            Kategori.BERKALA,
            "Data agregat kependudukan semester I 2026",
            "Jumlah penduduk per kecamatan, jenis kelamin dan kelompok umur.",
            "Bidang PIAK",
            100,
            "",
            "",
        ),
    ],
    "bpbd": [
        (
            Kategori.SERTA_MERTA,
            "Peringatan dini banjir dan jalur evakuasi",
            "Peta rawan banjir, titik kumpul dan jalur evakuasi.",
            "Bidang Kedaruratan",
            10,
            "",
            "",
        ),
    ],
}

NAMES = [
    "Siti Aminah",
    "Budi Santoso",
    "Dewi Lestari",
    "Andi Saputra",
    "Rahmat Hidayat",
    "Nurul Fitriani",
    "Yuliana Putri",
    "Agus Salim",
    "Rizal Fauzi",
    "Maria Ulfa",
    "Hendra Gunawan",
    "Wulan Sari",
    "Fajar Nugroho",
    "Indah Permatasari",
    "LSM Suara Warga",
]
JOBS = ["Wartawan", "Mahasiswa", "Peneliti", "Wiraswasta", "Pegawai swasta", "Aktivis LSM"]
TOPICS = {
    "dinkes": [
        "Data jumlah kasus DBD per kecamatan tahun 2025",
        "Daftar puskesmas dan jumlah tenaga kesehatan",
        "Realisasi anggaran BOK 2025",
        "Data cakupan imunisasi dasar lengkap per kelurahan",
        "Rekam medis almarhum ayah saya di Puskesmas Kota Utara",
    ],
    "disdukcapil": [
        "Jumlah penduduk per kelurahan semester II 2025",
        "SOP penerbitan akta kelahiran",
        "Data perekaman KTP-el per kecamatan",
        "Data NIK seluruh warga RT 03 Kelurahan Sukamaju",
    ],
    None: [
        "APBD Kota tahun 2026 beserta lampirannya",
        "Daftar OPD dan pejabat struktural",
        "Laporan penyelenggaraan pemerintahan daerah 2025",
    ],
    "disdikbud": ["Data sekolah dan jumlah guru per kecamatan", "Penerima beasiswa daerah 2025"],
    "dpupr": ["Dokumen kontrak pembangunan jalan lingkar utara", "Rencana tata ruang wilayah"],
}
PURPOSES = [
    "Bahan liputan",
    "Penelitian skripsi",
    "Advokasi kebijakan",
    "Keperluan pribadi",
    "Bahan diskusi warga",
]


def _officers(out) -> list[tuple[str, str, str]]:
    User = get_user_model()
    logins = []
    for username, access_slug, peran, opd_slug, full_name in OFFICERS:
        access_opd = OPD.objects.filter(slug=access_slug).first()
        if access_opd is None:
            continue
        user = User.objects.filter(username=username).first()
        if user is None:
            first, _, last = full_name.partition(" ")
            user = create_operator(
                access_opd,
                username=username,
                password=DEMO_PASSWORD,
                first_name=first,
                last_name=last,
                email=f"{username}@demo.balai.id",
            )
        opd = OPD.objects.filter(slug=opd_slug).first() if opd_slug else None
        PetugasPPID.objects.get_or_create(user=user, peran=peran, opd=opd)
        logins.append(
            (
                str(PetugasPPID.Peran(peran).label) + (f" {opd_slug}" if opd_slug else ""),
                username,
                DEMO_PASSWORD,
            )
        )
    return logins


def _dip(out) -> None:
    today = timezone.localdate()
    created = 0
    for opd in OPD.objects.active():
        rows = [(*row, "", "") for row in COMMON_DIP] + SPECIFIC_DIP.get(opd.slug, [])
        for kategori, judul, ringkasan, unit, age, pasal, uji in rows:
            _, made = InformasiPublik.objects.get_or_create(
                opd=opd,
                judul=judul,
                defaults={
                    "ringkasan": ringkasan,
                    "kategori": kategori,
                    "unit_penguasa": unit,
                    "penanggung_jawab": opd.kepala_jabatan or f"Kepala {opd.name}",
                    "waktu_pembuatan": str(today.year if age < 200 else today.year - 1),
                    "tempat_pembuatan": opd.short_name,
                    "retensi": "5 tahun" if not pasal else "Selama berlaku",
                    "pasal_pengecualian": pasal,
                    "uji_konsekuensi": uji,
                    "masa_pengecualian": "30 tahun" if pasal else "",
                    "bentuk": "keduanya",
                    "diperbarui_pada": today - dt.timedelta(days=age),
                },
            )
            created += made
    out.write(f"  PPID: {created} butir DIP baru")


def _requests(out) -> None:
    if Permohonan.objects.exists():
        return
    rng = random.Random(5)
    now = timezone.now()
    cal = WorkingCalendar(
        timezone.localdate() - dt.timedelta(days=400), timezone.localdate() + dt.timedelta(days=60)
    )
    users = {
        u.username: u
        for u in get_user_model().objects.filter(username__in=[o[0] for o in OFFICERS])
    }
    opds = {o.slug: o for o in OPD.objects.filter(slug__in=[k for k in TOPICS if k])}
    made = 0
    for i in range(48):
        slug = rng.choice(
            ["dinkes", "dinkes", "disdukcapil", "disdukcapil", None, "disdikbud", "dpupr"]
        )
        opd = opds.get(slug) if slug else None
        days_ago = (
            2 + int(rng.random() ** 1.3 * 360) if i >= 6 else rng.choice([1, 3, 12, 20, 25, 30])
        )
        received = now - dt.timedelta(days=days_ago, hours=rng.randint(0, 6))
        name = rng.choice(NAMES)
        topic = rng.choice(TOPICS[slug])
        data = services.DataPemohon(
            nama=name,
            nik=f"1371{rng.randint(10, 99)}{rng.randint(10**9, 10**10 - 1)}",
            alamat=f"Jl. {rng.choice(['Merdeka', 'Sudirman', 'Diponegoro', 'Veteran'])} No. "
            f"{rng.randint(1, 120)}, Kota Contoh",
            telepon=f"+62812{rng.randint(10**7, 10**8 - 1)}",
            email=f"{name.split()[0].lower()}{i}@contoh.id",
            pekerjaan=rng.choice(JOBS),
            rincian=topic,
            tujuan=rng.choice(PURPOSES),
            cara_memperoleh=rng.choice(["softcopy", "hardcopy", "melihat"]),
            cara_mendapatkan=rng.choice(["email", "ambil", "pos"]),
        )
        kanal = rng.choice(["web", "web", "web", "langsung", "surat", "email", "telepon"])
        officer = users.get(f"ppid-{slug}") if slug else users.get("ppid-utama")
        item = services.submit_request(
            data, opd=opd, kanal=kanal, received_at=received, notify=False
        )
        made += 1
        today = timezone.localdate()
        if item.tenggat >= today and rng.random() < 0.6:
            continue  # open, still within the deadline
        if rng.random() < 0.4:
            services.extend(
                item,
                "Informasi masih dihimpun dari beberapa bidang.",
                hari_kerja=rng.randint(3, 7),
                notify=False,
            )
        if item.tenggat < today and rng.random() < 0.2:
            continue  # overdue and still open
        receipt = timezone.localtime(received).date()
        span = max(1, cal.working_days_between(receipt, min(item.tenggat, today)))
        took = rng.randint(1, span + (3 if rng.random() < 0.15 else 0))
        answered_on = min(cal.add_working_days(receipt, took), today)
        answered_at = timezone.make_aware(dt.datetime.combine(answered_on, dt.time(10, 30)))
        # Never after now (the demo may load before 10.30) and never before the request came in.
        answered_at = max(min(answered_at, now - dt.timedelta(minutes=5)), received)
        if "Rekam medis" in topic or "NIK seluruh" in topic:
            kwargs = {
                "keputusan": "ditolak_dikecualikan",
                "pasal_17": "h",
                "pasal_pengecualian": "Pasal 17 huruf h angka 2 (riwayat kesehatan)",
                "informasi_dikecualikan": topic,
                "uji_konsekuensi": "Informasi memuat data pribadi; membukanya merugikan pemilik data.",
                "pertimbangan_kepentingan_umum": "Data agregat tanpa identitas tersedia; kepentingan "
                "umum tidak memerlukan data perorangan.",
                "masa_pengecualian": "Selama pemilik data tidak memberi persetujuan tertulis",
                "jawaban": "Informasi yang diminta termasuk informasi yang dikecualikan.",
            }
        elif "kontrak" in topic and rng.random() < 0.5:
            kwargs = {
                "keputusan": "sebagian",
                "jawaban": "Kontrak diberikan; lampiran harga satuan dihitamkan.",
                "pasal_17": "b",
                "uji_konsekuensi": "Harga satuan penyedia adalah rahasia dagang.",
                "masa_pengecualian": "Sampai kontrak selesai",
            }
        elif rng.random() < 0.1:
            kwargs = {
                "keputusan": "diteruskan",
                "diteruskan_ke": "Badan Pusat Statistik Kota",
                "jawaban": "Informasi dikuasai BPS Kota; permohonan diteruskan.",
            }
        elif rng.random() < 0.1:
            kwargs = {
                "keputusan": "ditolak_tidak_dikuasai",
                "jawaban": "Informasi belum didokumentasikan.",
            }
        else:
            kwargs = {
                "keputusan": "dipenuhi",
                "jawaban": "Informasi terlampir dan dikirim sesuai cara yang diminta.",
                "bentuk_informasi": "Softcopy (PDF)",
                "waktu_penyediaan": "Saat pemberitahuan ini",
            }
        services.answer(item, by=None, answered_at=answered_at, notify=False, **kwargs)
        if officer:
            Permohonan.objects.filter(pk=item.pk).update(petugas=officer)
        refused = kwargs["keputusan"] in ("ditolak_dikecualikan", "sebagian")
        filed_at = answered_at + dt.timedelta(days=3)
        if (refused or i % 6 == 0) and filed_at < now:
            keberatan = services.file_objection(
                item,
                alasan="a" if refused else "d",
                received_at=filed_at,
                uraian="Saya keberatan atas keputusan ini.",
            )
            decided_at = filed_at + dt.timedelta(days=14)
            if decided_at < now:
                services.answer_objection(
                    keberatan,
                    hasil=rng.choice(["ditolak", "sebagian", "diterima"]),
                    tanggapan="Atasan PPID telah memeriksa keberatan.",
                    answered_at=decided_at,
                )
    out.write(f"  PPID: {made} permohonan contoh")


def load(out) -> list[tuple[str, str, str]]:
    logins = _officers(out)
    _dip(out)
    _requests(out)
    return logins
