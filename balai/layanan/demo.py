# ruff: noqa: E501  (demo catalogue: long literal strings read better unwrapped)
"""Demo data for layanan: real-sounding services per demo OPD (some complete, some missing
components), maklumat pelayanan for most OPDs, and SKM responses spread over periods.
Idempotent: services are keyed by (OPD, slug); responses are only added once per service."""

from __future__ import annotations

import datetime as dt
import random

from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from balai.layanan.ikm import UNSUR_FIELDS
from balai.layanan.models import Layanan, Maklumat, SurveyResponse
from balai.opd.models import OPD

PENGADUAN = (
    "Sampaikan pengaduan melalui kotak saran di loket, SMS/WhatsApp {phone}, e-mail {email}, "
    "atau kanal Aspirasi di situs ini. Pengaduan ditanggapi paling lambat 5 hari kerja."
)
# (name, category, kanal, days, unit, biaya (None = gratis), produk, persyaratan, prosedur)
CATALOG = {
    "disdukcapil": [
        (
            "Penerbitan KTP-el",
            "kependudukan",
            "offline",
            1,
            "hari_kerja",
            None,
            "KTP elektronik",
            "Telah berusia 17 tahun atau sudah/pernah kawin\nFotokopi Kartu Keluarga",
            "Ambil nomor antrean\nVerifikasi berkas oleh petugas\nPerekaman foto, sidik jari dan iris\nPencetakan KTP-el\nPenyerahan KTP-el",
        ),
        (
            "Penerbitan Kartu Keluarga",
            "kependudukan",
            "keduanya",
            1,
            "hari_kerja",
            None,
            "Kartu Keluarga",
            "Formulir F-1.01\nKK lama\nBuku nikah/akta perkawinan",
            "Isi formulir permohonan\nVerifikasi dan validasi data\nPenandatanganan elektronik\nCetak KK",
        ),
        (
            "Akta Kelahiran",
            "kependudukan",
            "keduanya",
            1,
            "hari_kerja",
            None,
            "Kutipan akta kelahiran",
            "Surat keterangan lahir dari rumah sakit/bidan\nKartu Keluarga\nKTP-el orang tua",
            "Ajukan permohonan di loket atau daring\nVerifikasi berkas\nPencatatan dan penerbitan akta",
        ),
        (
            "Surat Pindah Datang",
            "kependudukan",
            "offline",
            1,
            "hari_kerja",
            None,
            "Surat Keterangan Pindah (SKPWNI)",
            "KK asal\nKTP-el\nSurat pengantar RT/RW",
            "",
        ),
        (
            "Akta Kematian",
            "kependudukan",
            "offline",
            3,
            "hari_kerja",
            None,
            "Kutipan akta kematian",
            "Surat keterangan kematian\nKK dan KTP-el almarhum",
            "Ajukan permohonan\nVerifikasi\nPenerbitan akta",
        ),
    ],
    "dinkes": [
        (
            "Penerbitan Surat Izin Praktik Tenaga Kesehatan",
            "perizinan",
            "online",
            5,
            "hari_kerja",
            0,
            "Surat Izin Praktik (SIP)",
            "STR yang masih berlaku\nRekomendasi organisasi profesi\nSurat keterangan sehat",
            "Daftar akun di aplikasi perizinan\nUnggah berkas\nVerifikasi dinas\nTerbit SIP elektronik",
        ),
        (
            "Layanan Ambulans Gawat Darurat 119",
            "kesehatan",
            "offline",
            30,
            "jam",
            None,
            "Penjemputan dan rujukan pasien",
            "Menghubungi nomor 119",
            "Telepon 119\nTriase oleh petugas\nPengiriman ambulans",
        ),
        (
            "Sertifikat Laik Higiene Sanitasi Rumah Makan",
            "perizinan",
            "offline",
            14,
            "hari",
            250000,
            "Sertifikat laik higiene sanitasi",
            "Fotokopi KTP pemilik\nDenah lokasi usaha\nHasil uji laboratorium",
            "",
        ),
        (
            "Imunisasi Dasar Lengkap",
            "kesehatan",
            "offline",
            1,
            "jam",
            None,
            "Imunisasi dan buku KIA",
            "Buku KIA anak",
            "Daftar di puskesmas\nPemeriksaan\nImunisasi\nPencatatan di buku KIA",
        ),
    ],
    "disdikbud": [
        (
            "Penerimaan Peserta Didik Baru (PPDB)",
            "pendidikan",
            "online",
            30,
            "hari",
            None,
            "Pengumuman penerimaan",
            "Akta kelahiran\nKartu Keluarga\nRapor/ijazah terakhir",
            "Daftar akun PPDB\nIsi formulir dan unggah berkas\nVerifikasi sekolah\nPengumuman seleksi\nDaftar ulang",
        ),
        (
            "Legalisir Ijazah",
            "pendidikan",
            "offline",
            1,
            "hari_kerja",
            None,
            "Salinan ijazah terlegalisir",
            "Ijazah asli\nFotokopi ijazah",
            "Serahkan berkas\nPemeriksaan keaslian\nPenandatanganan legalisir",
        ),
        (
            "Surat Keterangan Pengganti Ijazah",
            "pendidikan",
            "offline",
            7,
            "hari_kerja",
            None,
            "",
            "Surat kehilangan dari kepolisian\nFotokopi KTP",
            "",
        ),
        (
            "Izin Operasional PAUD",
            "perizinan",
            "online",
            14,
            "hari_kerja",
            None,
            "Izin operasional",
            "Akta yayasan\nData pendidik\nDenah bangunan",
            "Ajukan daring\nVisitasi\nPenerbitan izin",
        ),
    ],
    "dpmptsp": [
        (
            "Persetujuan Bangunan Gedung (PBG)",
            "perizinan",
            "online",
            28,
            "hari_kerja",
            1500000,
            "Dokumen PBG",
            "Data pemohon\nDokumen rencana teknis\nBukti kepemilikan tanah",
            "Ajukan melalui SIMBG\nPemeriksaan dokumen teknis\nPenilaian tim profesi ahli\nPembayaran retribusi\nPenerbitan PBG",
        ),
        (
            "Nomor Induk Berusaha (NIB) Usaha Mikro",
            "perizinan",
            "online",
            1,
            "jam",
            None,
            "NIB",
            "NIK\nAlamat usaha",
            "Daftar di OSS\nIsi data usaha\nNIB terbit otomatis",
        ),
        (
            "Izin Reklame",
            "perizinan",
            "keduanya",
            5,
            "hari_kerja",
            350000,
            "Izin reklame",
            "KTP/NIB\nDesain reklame\nFoto lokasi",
            "Ajukan permohonan\nSurvei lokasi\nPenetapan pajak\nPenerbitan izin",
        ),
        (
            "Konsultasi Perizinan",
            "perizinan",
            "keduanya",
            1,
            "jam",
            None,
            "Informasi perizinan",
            "Tidak ada persyaratan khusus",
            "Datang ke meja konsultasi atau hubungi layanan daring",
        ),
    ],
    "dinsos": [
        (
            "Rekomendasi Bantuan Sosial PKH",
            "sosial",
            "offline",
            5,
            "hari_kerja",
            None,
            "Surat rekomendasi",
            "KTP dan KK\nSurat keterangan tidak mampu dari kelurahan",
            "Ajukan di loket\nVerifikasi lapangan\nPenerbitan rekomendasi",
        ),
        (
            "Pendaftaran DTKS",
            "sosial",
            "keduanya",
            14,
            "hari_kerja",
            None,
            "Terdaftar di DTKS",
            "KTP dan KK",
            "Daftar melalui kelurahan\nMusyawarah kelurahan\nVerifikasi dinas\nUsulan ke Kemensos",
        ),
        (
            "Surat Keterangan Terdaftar Lembaga Kesejahteraan Sosial",
            "sosial",
            "offline",
            14,
            "hari_kerja",
            None,
            "",
            "",
            "",
        ),
    ],
    "diskominfo": [
        (
            "Layanan Informasi Publik (PPID)",
            "informasi",
            "keduanya",
            10,
            "hari_kerja",
            None,
            "Informasi publik yang diminta",
            "Identitas pemohon",
            "Ajukan permohonan\nPencatatan\nPemberian informasi",
        ),
        (
            "Pembuatan Subdomain Resmi OPD",
            "informasi",
            "online",
            3,
            "hari_kerja",
            None,
            "Subdomain .go.id aktif",
            "Surat permohonan kepala OPD",
            "Ajukan surat\nVerifikasi\nAktivasi subdomain",
        ),
        (
            "Peliputan Kegiatan Pemerintah",
            "informasi",
            "offline",
            1,
            "hari",
            None,
            "Berita dan dokumentasi",
            "Surat permohonan liputan",
            "",
        ),
    ],
    "bappeda": [
        (
            "Rekomendasi Izin Penelitian",
            "administrasi",
            "offline",
            3,
            "hari_kerja",
            None,
            "Surat rekomendasi penelitian",
            "Surat pengantar kampus\nProposal penelitian\nFotokopi KTP",
            "Ajukan berkas\nVerifikasi\nPenerbitan rekomendasi",
        ),
        (
            "Layanan Data Pembangunan Daerah",
            "informasi",
            "online",
            5,
            "hari_kerja",
            None,
            "Data statistik",
            "Surat permohonan data",
            "Ajukan daring\nPenyiapan data\nPengiriman data",
        ),
        ("Fasilitasi Musrenbang", "administrasi", "offline", None, "hari", None, "", "", ""),
    ],
    "bpbd": [
        (
            "Penanganan Darurat Bencana",
            "kebencanaan",
            "offline",
            1,
            "jam",
            None,
            "Evakuasi dan bantuan",
            "Laporan kejadian",
            "Lapor ke pusdalops\nAsesmen cepat\nPengerahan tim\nPenyaluran bantuan",
        ),
        (
            "Sosialisasi Kesiapsiagaan Bencana",
            "kebencanaan",
            "offline",
            14,
            "hari",
            None,
            "Kegiatan sosialisasi",
            "Surat permohonan",
            "Ajukan surat\nPenjadwalan\nPelaksanaan sosialisasi",
        ),
        (
            "Permintaan Data Kejadian Bencana",
            "kebencanaan",
            "online",
            3,
            "hari_kerja",
            None,
            "Data kejadian",
            "Surat permohonan",
            "",
        ),
    ],
    "dpupr": [
        (
            "Keterangan Rencana Kota (KRK)",
            "perizinan",
            "keduanya",
            7,
            "hari_kerja",
            None,
            "Dokumen KRK",
            "Fotokopi sertifikat tanah\nKTP pemohon\nPeta lokasi",
            "Ajukan permohonan\nSurvei lokasi\nPenerbitan KRK",
        ),
        (
            "Pengaduan Jalan Rusak",
            "infrastruktur",
            "online",
            14,
            "hari_kerja",
            None,
            "Perbaikan jalan",
            "Foto dan lokasi kerusakan",
            "Laporkan melalui Aspirasi\nVerifikasi lapangan\nPenjadwalan perbaikan",
        ),
        (
            "Peminjaman Alat Berat",
            "infrastruktur",
            "offline",
            5,
            "hari_kerja",
            750000,
            "Alat berat dan operator",
            "Surat permohonan",
            "",
        ),
    ],
    "hukum": [
        (
            "Layanan Konsultasi Hukum Masyarakat",
            "administrasi",
            "offline",
            1,
            "hari_kerja",
            None,
            "Pendapat hukum",
            "KTP",
            "Daftar di loket\nKonsultasi dengan analis hukum",
        ),
        (
            "Penyediaan Salinan Produk Hukum Daerah",
            "informasi",
            "online",
            1,
            "hari_kerja",
            None,
            "Salinan perda/perwako",
            "Tidak ada",
            "Cari di JDIH\nUnduh atau minta salinan",
        ),
        (
            "Bantuan Hukum bagi Masyarakat Miskin",
            "sosial",
            "offline",
            14,
            "hari_kerja",
            None,
            "",
            "Surat keterangan tidak mampu",
            "",
        ),
    ],
}
WILAYAH = [
    ("Surat Keterangan Domisili", "administrasi", "offline", 1, "hari_kerja", None, "Surat keterangan domisili",
     "Fotokopi KTP dan KK\nSurat pengantar RT/RW", "Serahkan berkas\nVerifikasi\nPenandatanganan"),
    ("Surat Keterangan Tidak Mampu", "sosial", "offline", 1, "hari_kerja", None, "SKTM",
     "Fotokopi KTP dan KK\nSurat pengantar RT/RW", "Serahkan berkas\nVerifikasi\nPenandatanganan"),
    ("Surat Pengantar Nikah", "kependudukan", "offline", 1, "hari_kerja", None, "Surat pengantar nikah (N1–N4)",
     "KTP dan KK calon pengantin\nPas foto", ""),
    ("Rekomendasi Izin Keramaian", "perizinan", "offline", 2, "hari_kerja", None, "", "KTP penyelenggara", ""),
]  # fmt: skip

INTERNAL = {
    "dasar_hukum": "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik\n"
    "Peraturan Menteri PANRB Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan",
    "sarana": "Ruang tunggu ber-AC, loket antrean, komputer, printer, ramp kursi roda",
    "kompetensi": "Pendidikan minimal SMA/SMK, memahami aplikasi layanan, ramah dan komunikatif",
    "pengawasan": "Atasan langsung dan Inspektorat Daerah",
    "jumlah_pelaksana": "4 orang",
    "jaminan_pelayanan": "Pelayanan diberikan sesuai standar pelayanan dan maklumat pelayanan",
    "jaminan_keamanan": "Data pemohon dijaga kerahasiaannya; ruang layanan dilengkapi APAR dan CCTV",
    "evaluasi_kinerja": "Evaluasi triwulanan dan Survei Kepuasan Masyarakat",
}
BIAS = {"disdukcapil": 3.6, "dinkes": 3.3, "disdikbud": 3.1, "dpmptsp": 3.45, "dinsos": 2.8,
        "dpupr": 2.6, "bpbd": 3.5}  # fmt: skip


@transaction.atomic
def load(out) -> list[tuple[str, str, str]]:
    rng = random.Random(2026)
    today = timezone.localdate()
    created = responses = 0
    for opd in OPD.objects.filter(is_active=True).order_by("pk"):
        items = CATALOG.get(opd.slug) or (
            WILAYAH if opd.jenis in ("kecamatan", "kelurahan") else []
        )
        if not items:
            continue
        for i, (name, cat, kanal, days, unit, biaya, produk, syarat, prosedur) in enumerate(items):
            full = i % 3 != 2  # every third service misses internal components too
            fields = dict(
                name=name,
                category=cat,
                kanal=kanal,
                jangka_waktu=days,
                jangka_waktu_satuan=unit,
                biaya_gratis=not biaya,
                biaya=biaya or None,
                biaya_dasar_hukum="Perda Kota Contoh Nomor 4 Tahun 2024 tentang Pajak Daerah dan "
                "Retribusi Daerah"
                if biaya
                else "",
                produk=produk,
                persyaratan=syarat,
                prosedur=prosedur,
                pengaduan=PENGADUAN.format(
                    phone=opd.phone or "0812-6600-1234", email=opd.email or "pengaduan@kota.go.id"
                ),
                summary=f"{name} di {opd.short_name}.",
                lokasi=opd.address[:300],
                jam_layanan="Senin–Kamis 08.00–15.00 WIB, Jumat 08.00–11.00 WIB",
                sk_nomor=f"800/{100 + i}/SK/{opd.short_name[:12].upper()}/2025",
                sk_tanggal=dt.date(2025, 1, 15 + i),
                url_daring=f"https://{opd.hostname}/layanan/" if kanal != "offline" else "",
                is_published=True,
                incomplete_acknowledged=True,
                **(INTERNAL if full else {}),
            )
            layanan, was_created = Layanan.objects.get_or_create(
                opd=opd, slug=slugify(name)[:120], defaults=fields
            )
            created += was_created
            if layanan.responses.exists():
                continue
            mean = BIAS.get(opd.slug, 3.0 + rng.random() * 0.7)
            batch = []
            for _ in range(rng.randint(4, 12)):
                day = today - dt.timedelta(days=rng.randint(0, 600))
                when = timezone.make_aware(dt.datetime.combine(day, dt.time(9 + rng.randint(0, 6))))
                when = min(when, timezone.now() - dt.timedelta(minutes=5))  # answered, so past
                answers = {
                    code: max(1, min(4, round(rng.gauss(mean - (0.4 if code == "u3" else 0), 0.6))))
                    for code in UNSUR_FIELDS
                }
                batch.append(
                    SurveyResponse(
                        layanan=layanan,
                        opd=opd,
                        submitted_at=when,
                        service_date=day,
                        gender=rng.choice("LP"),
                        age=rng.randint(18, 70),
                        education=rng.choice(
                            ["sd", "smp", "sma", "sma", "diploma", "s1", "s1", "s2"]
                        ),
                        occupation=rng.choice([c for c, _ in SurveyResponse.Pekerjaan.choices]),
                        saran=rng.choice(
                            [
                                "",
                                "",
                                "",
                                "Antrean perlu diperjelas.",
                                "Petugas ramah, pertahankan.",
                                "Ruang tunggu panas.",
                            ]
                        ),
                        **answers,
                    )
                )
            SurveyResponse.objects.bulk_create(batch)
            responses += len(batch)
        if opd.slug not in ("dinsos", "hukum") and not hasattr(opd, "maklumat"):
            Maklumat.objects.create(
                opd=opd,
                signed_by=opd.kepala_nama or "Kepala OPD",
                signed_by_nip=opd.kepala_nip,
                signed_by_position=opd.kepala_jabatan or f"Kepala {opd.name}",
                signed_on=dt.date(2025, 1, 2),
                place="Kota Contoh",
            )
    reports = sum(_publish_skm_report(opd, today.year - 1) for opd in OPD.objects.order_by("pk"))
    out.write(
        f"  Layanan: {created} baru, {Layanan.objects.count()} total; "
        f"{responses} jawaban SKM baru, {SurveyResponse.objects.count()} total; "
        f"{reports} laporan SKM terbit"
    )
    return []


def _publish_skm_report(opd: OPD, year: int) -> int:
    """The OPD's SKM report for ``year`` as its documents list offers it: the same PDF the
    public report page downloads (PermenPAN-RB 14/2017 layout), only when there were answers."""
    import hashlib

    from django.core.files.base import ContentFile

    from balai.documents.models import BalaiDocument, DocumentCategory
    from balai.layanan import exports, periods

    title = f"Laporan Survei Kepuasan Masyarakat {opd.short_name} {year}"
    if not opd.collection_id or BalaiDocument.objects.filter(title=title).exists():
        return 0
    data = exports.report_data(periods.parse(str(year)), opd=opd, scope_name=opd.name)
    if not data["overall"]:
        return 0
    pdf = exports.report_pdf(data)
    doc = BalaiDocument(
        title=title,
        collection=opd.collection,
        category=DocumentCategory.LAPORAN,
        year=year,
        description=f"Indeks Kepuasan Masyarakat {opd.name} tahun {year}: "
        f"{str(data['overall'].converted).replace('.', ',')} ({data['overall'].category}, {data['overall'].label}), "
        f"{data['overall'].respondents} responden.",
    )
    doc.file.save(
        hashlib.sha256(title.encode()).hexdigest()[:10] + ".pdf", ContentFile(pdf), save=False
    )
    doc.file_size = len(pdf)
    doc.save()
    return 1
