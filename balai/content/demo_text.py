# ruff: noqa: E501 - prose data: one paragraph per line reads better than wrapped strings
"""Texts of the demo city "Kota Contoh": news, announcements, agenda and profiles per OPD.

Written as an Indonesian Pemda writes them; ``{name}``/``{short}``/``{kepala}`` are filled per OPD.
"""

from __future__ import annotations

CATEGORIES = [
    ("Kesehatan", "kesehatan"), ("Pendidikan", "pendidikan"),
    ("Pelayanan Publik", "pelayanan-publik"), ("Pembangunan", "pembangunan"),
    ("Kebencanaan", "kebencanaan"), ("Sosial", "sosial"), ("Pemerintahan", "pemerintahan"),
    ("Kemasyarakatan", "kemasyarakatan"),
]  # fmt: skip

# (title, category slug, summary, [paragraphs]) specific to one OPD.
SPECIFIC: dict[str, list[tuple[str, str, str, list[str]]]] = {
    "dinkes": [
        (
            "Imunisasi Kejar untuk 1.200 Balita di 14 Puskesmas",
            "kesehatan",
            "Dinas Kesehatan menggelar imunisasi kejar bagi balita yang belum lengkap status imunisasinya.",
            [
                "Sebanyak 1.200 balita menjadi sasaran imunisasi kejar yang digelar serentak di 14 puskesmas se-Kota Contoh. Kegiatan ini menyasar anak yang tertinggal jadwal imunisasi dasar selama dua tahun terakhir.",
                "Orang tua cukup membawa buku KIA atau kartu imunisasi ke puskesmas terdekat. Layanan tidak dipungut biaya.",
            ],
        ),
        (
            "Puskesmas Sukamaju Kini Buka Layanan Sore",
            "pelayanan-publik",
            "Warga yang bekerja pada siang hari kini dapat berobat hingga pukul 20.00 WIB.",
            [
                "Mulai bulan ini Puskesmas Sukamaju membuka layanan poli umum pada sore hari, Senin sampai Kamis pukul 16.00–20.00 WIB.",
                "Pendaftaran dapat dilakukan langsung di loket atau melalui nomor WhatsApp puskesmas.",
            ],
        ),
        (
            "Waspada Demam Berdarah di Musim Hujan, Lakukan 3M Plus",
            "kesehatan",
            "Kasus DBD meningkat seiring datangnya musim hujan. Warga diminta aktif memberantas sarang nyamuk.",
            [
                "Dinas Kesehatan mencatat kenaikan kasus demam berdarah dengue dalam empat pekan terakhir. Warga diimbau melakukan gerakan 3M Plus: menguras, menutup, dan mendaur ulang barang bekas.",
                "Juru pemantau jentik akan berkeliling ke rumah warga setiap Jumat pagi.",
            ],
        ),
    ],
    "disdikbud": [
        (
            "Pendaftaran Peserta Didik Baru SD dan SMP Dibuka Secara Daring",
            "pendidikan",
            "Pendaftaran SPMB tahun ajaran baru dibuka melalui laman resmi, dengan jalur domisili, afirmasi, mutasi dan prestasi.",
            [
                "Dinas Pendidikan dan Kebudayaan membuka pendaftaran peserta didik baru untuk jenjang SD dan SMP negeri. Pendaftaran dilakukan secara daring dan dapat dibantu di posko sekolah.",
                "Orang tua disarankan menyiapkan kartu keluarga dan akta kelahiran anak sebelum mendaftar.",
            ],
        ),
        (
            "Festival Budaya Pelajar Tampilkan 40 Sanggar Seni",
            "pendidikan",
            "Pelajar SD hingga SMP menampilkan tari, musik tradisional dan randai di lapangan kantor wali kota.",
            [
                "Sebanyak 40 sanggar seni sekolah tampil dalam Festival Budaya Pelajar yang berlangsung dua hari. Festival ini menjadi ruang pelajar mengenal dan melestarikan budaya daerah."
            ],
        ),
    ],
    "disdukcapil": [
        (
            "Layanan Adminduk Jemput Bola ke Sekolah untuk KTP-el Pemula",
            "pelayanan-publik",
            "Petugas Disdukcapil merekam KTP-el siswa yang telah berusia 17 tahun langsung di sekolah.",
            [
                "Disdukcapil melakukan perekaman KTP-el bagi pemilih pemula di 12 SMA/SMK. Siswa cukup membawa fotokopi kartu keluarga.",
                "Layanan jemput bola ini juga menyasar panti sosial dan warga lanjut usia yang sulit datang ke kantor.",
            ],
        ),
        (
            "Kini Akta Kelahiran Bisa Dicetak Sendiri di Rumah",
            "pelayanan-publik",
            "Dokumen kependudukan bertanda tangan elektronik dapat dicetak di kertas HVS biasa.",
            [
                "Warga tidak perlu lagi mengambil akta kelahiran ke kantor. Dokumen dikirim dalam bentuk PDF bertanda tangan elektronik dan sah dicetak sendiri."
            ],
        ),
    ],
    "bpbd": [
        (
            "BPBD Latih Relawan Tangguh Bencana di Kelurahan Rawan Banjir",
            "kebencanaan",
            "Sebanyak 60 relawan dilatih evakuasi, pertolongan pertama dan pengelolaan posko.",
            [
                "BPBD Kota Contoh melatih 60 relawan dari empat kelurahan rawan banjir. Pelatihan mencakup evakuasi warga, pertolongan pertama, dan pendataan pengungsi.",
                "Warga dapat melaporkan kejadian bencana melalui Pusdalops BPBD yang siaga 24 jam.",
            ],
        ),
        (
            "Simulasi Evakuasi Gempa dan Tsunami Diikuti Ribuan Pelajar",
            "kebencanaan",
            "Sirene peringatan dini dibunyikan serentak pukul 10.00 WIB sebagai bagian dari simulasi.",
            [
                "Simulasi diikuti pelajar dari 25 sekolah di kawasan pesisir. Jalur evakuasi dan titik kumpul yang baru dipasang diuji langsung oleh peserta."
            ],
        ),
    ],
    "dpmptsp": [
        (
            "Mal Pelayanan Publik Layani 1.500 Pengunjung per Hari",
            "pelayanan-publik",
            "Sebanyak 27 instansi membuka gerai di Mal Pelayanan Publik Kota Contoh.",
            [
                "Sejak dibuka, Mal Pelayanan Publik rata-rata dikunjungi 1.500 orang per hari. Layanan yang paling banyak diakses adalah perizinan berusaha, kependudukan dan perpajakan."
            ],
        ),
        (
            "Perizinan Usaha Mikro Cukup Lewat OSS, Petugas Siap Mendampingi",
            "pelayanan-publik",
            "Pelaku usaha mikro dapat memperoleh NIB dalam hitungan menit dengan pendampingan gratis.",
            [
                "DPMPTSP menyediakan meja pendampingan OSS bagi pelaku usaha mikro dan kecil. Pelaku usaha cukup membawa KTP-el dan alamat e-mail aktif."
            ],
        ),
    ],
    "dpupr": [
        (
            "Perbaikan Jalan Lingkar Utara Sepanjang 3,2 Km Rampung",
            "pembangunan",
            "Pengerjaan ruas jalan lingkar utara selesai lebih cepat dua pekan dari jadwal.",
            [
                "Dinas PUPR menuntaskan perbaikan Jalan Lingkar Utara sepanjang 3,2 kilometer. Pekerjaan meliputi pelapisan ulang aspal, perbaikan drainase dan marka jalan."
            ],
        ),
        (
            "Normalisasi Saluran Drainase untuk Kurangi Genangan",
            "pembangunan",
            "Alat berat dikerahkan ke delapan titik rawan genangan menjelang puncak musim hujan.",
            [
                "Normalisasi dilakukan dengan mengangkat sedimen dan sampah dari saluran primer dan sekunder. Warga diminta tidak membuang sampah ke saluran air."
            ],
        ),
    ],
    "dinsos": [
        (
            "Penyaluran Bantuan Pangan untuk 4.800 Keluarga Penerima Manfaat",
            "sosial",
            "Bantuan beras 10 kg disalurkan melalui kantor pos dan kantor kelurahan.",
            [
                "Dinas Sosial bersama PT Pos menyalurkan bantuan pangan kepada 4.800 keluarga penerima manfaat. Penerima diminta membawa KTP-el dan kartu keluarga."
            ],
        ),
        (
            "Pemutakhiran DTKS: Warga Dapat Mengusulkan Diri Lewat Kelurahan",
            "sosial",
            "Usulan masuk Data Terpadu Kesejahteraan Sosial dibuka sepanjang tahun.",
            [
                "Warga yang merasa layak menerima bantuan sosial dapat mengusulkan diri melalui kantor kelurahan. Petugas akan melakukan verifikasi ke rumah."
            ],
        ),
    ],
    "bappeda": [
        (
            "Musrenbang Kota Tetapkan Prioritas Pembangunan Tahun Depan",
            "pembangunan",
            "Infrastruktur dasar, penurunan stunting dan layanan digital menjadi prioritas.",
            [
                "Musyawarah Perencanaan Pembangunan tingkat kota menghimpun 1.140 usulan dari kecamatan. Usulan prioritas akan dimuat dalam Rencana Kerja Pemerintah Daerah."
            ],
        ),
    ],
    "diskominfo": [
        (
            "Wi-Fi Gratis Kini Tersedia di 35 Taman dan Ruang Publik",
            "pelayanan-publik",
            "Warga dapat mengakses internet gratis di taman kota, terminal dan kantor kelurahan.",
            [
                "Diskominfo menambah titik Wi-Fi publik menjadi 35 lokasi. Akses dibatasi dua jam per perangkat per hari agar merata."
            ],
        ),
        (
            "Seluruh OPD Kini Punya Situs Resmi yang Diperbarui Berkala",
            "pemerintahan",
            "Satu platform untuk portal kota dan semua situs perangkat daerah memudahkan warga mencari informasi.",
            [
                "Diskominfo meluncurkan platform situs terpadu bagi seluruh perangkat daerah. Setiap OPD mengelola berita, pengumuman, dokumen dan layanannya sendiri, sementara portal kota menampilkan semuanya di satu tempat."
            ],
        ),
    ],
    "hukum": [
        (
            "Sosialisasi Peraturan Daerah tentang Ketertiban Umum",
            "pemerintahan",
            "Bagian Hukum menyosialisasikan perda baru kepada camat, lurah dan Satpol PP.",
            [
                "Sosialisasi membahas pokok-pokok perubahan perda ketertiban umum, termasuk pengaturan pedagang kaki lima dan sanksi administratif."
            ],
        ),
    ],
}

# Generic items by OPD type; every active OPD gets enough of these to reach 8+ news.
GENERIC_NEWS = {
    "default": [
        (
            "{short} Gelar Rapat Evaluasi Kinerja Triwulan",
            "pemerintahan",
            "Seluruh bidang memaparkan capaian program dan kendala pelaksanaan anggaran.",
            [
                "{kepala} memimpin rapat evaluasi kinerja triwulan yang diikuti seluruh kepala bidang dan UPT. Setiap bidang memaparkan capaian indikator kinerja serta realisasi anggaran.",
                "Dalam arahannya, {kepala} meminta seluruh jajaran mempercepat kegiatan yang tertunda dan memperbarui informasi layanan di situs resmi.",
            ],
        ),
        (
            "Survei Kepuasan Masyarakat {short} Raih Nilai Baik",
            "pelayanan-publik",
            "Hasil survei kepuasan masyarakat semester ini menunjukkan peningkatan dibanding tahun lalu.",
            [
                "Survei kepuasan masyarakat diikuti 400 responden pengguna layanan. Unsur yang mendapat nilai tertinggi adalah perilaku petugas, sedangkan waktu penyelesaian layanan masih perlu ditingkatkan.",
                "Hasil lengkap survei dapat dilihat pada halaman Dokumen.",
            ],
        ),
        (
            "{short} Terima Kunjungan Studi Tiru dari Daerah Tetangga",
            "pemerintahan",
            "Rombongan mempelajari inovasi pelayanan dan tata kelola informasi publik.",
            [
                "Rombongan dari pemerintah kabupaten tetangga diterima di ruang rapat. Diskusi berfokus pada inovasi pelayanan publik dan pengelolaan informasi melalui PPID."
            ],
        ),
        (
            "Apel Kesiapsiagaan dan Penandatanganan Pakta Integritas",
            "pemerintahan",
            "Seluruh ASN {short} menandatangani pakta integritas menuju Wilayah Bebas dari Korupsi.",
            [
                "Apel pagi dirangkai dengan penandatanganan pakta integritas oleh seluruh aparatur. {kepala} menegaskan komitmen pelayanan yang bersih, cepat dan tanpa pungutan liar."
            ],
        ),
        (
            "Maklumat Pelayanan {short} Diperbarui",
            "pelayanan-publik",
            "Maklumat memuat janji layanan, standar waktu dan saluran pengaduan.",
            [
                "{name} memperbarui maklumat pelayanan sesuai standar pelayanan terbaru. Maklumat dipasang di ruang tunggu dan dapat diunduh pada halaman Dokumen."
            ],
        ),
        (
            "Peringatan Hari Kesadaran Nasional di Lingkungan {short}",
            "pemerintahan",
            "Upacara diikuti seluruh pegawai dan dilanjutkan dengan senam bersama.",
            [
                "Upacara peringatan Hari Kesadaran Nasional berlangsung khidmat di halaman kantor. Kegiatan dilanjutkan dengan senam bersama dan pemeriksaan kesehatan gratis bagi pegawai."
            ],
        ),
        (
            "{short} Buka Kanal Pengaduan Melalui SMS dan WhatsApp",
            "pelayanan-publik",
            "Warga dapat menyampaikan aspirasi dan pengaduan tanpa harus datang ke kantor.",
            [
                "Selain melalui situs, pengaduan kini dapat dikirim lewat SMS dan WhatsApp. Setiap pengaduan dicatat, diberi nomor tiket dan ditindaklanjuti paling lambat lima hari kerja."
            ],
        ),
        (
            "Bimbingan Teknis Penyusunan Laporan Kinerja Instansi",
            "pemerintahan",
            "Pegawai perencana mengikuti bimtek penyusunan LKjIP bersama Inspektorat.",
            [
                "Bimbingan teknis diikuti pegawai perencana dan pengelola keuangan. Materi meliputi penyusunan indikator kinerja, pengukuran capaian dan penyajian laporan."
            ],
        ),
        (
            "Donor Darah Rutin Kumpulkan 80 Kantong",
            "kemasyarakatan",
            "Kegiatan bekerja sama dengan Palang Merah Indonesia Kota Contoh.",
            [
                "Donor darah rutin diikuti pegawai dan warga sekitar. Sebanyak 80 kantong darah terkumpul dan diserahkan ke unit transfusi darah."
            ],
        ),
    ],
    "kelurahan": [
        (
            "Gotong Royong Bersihkan Saluran Air di {short}",
            "kemasyarakatan",
            "Warga, ketua RT dan RW turun bersama membersihkan saluran menjelang musim hujan.",
            [
                "Ratusan warga mengikuti gotong royong membersihkan saluran air dan memangkas rumput di sepanjang jalan utama. Kegiatan ini rutin digelar setiap Minggu pertama.",
                "{kepala} mengapresiasi partisipasi warga dan mengajak menjaga kebersihan lingkungan.",
            ],
        ),
        (
            "Posyandu Balita dan Lansia Kembali Digelar di Setiap RW",
            "kesehatan",
            "Kader posyandu menimbang balita dan memeriksa tekanan darah warga lanjut usia.",
            [
                "Posyandu digelar serentak di seluruh RW. Selain penimbangan, kader juga membagikan makanan tambahan bergizi untuk balita."
            ],
        ),
        (
            "Musrenbang {short} Tampung 96 Usulan Warga",
            "pembangunan",
            "Usulan terbanyak berkaitan dengan perbaikan jalan lingkungan dan drainase.",
            [
                "Musyawarah perencanaan pembangunan tingkat kelurahan dihadiri perwakilan RT, RW, tokoh masyarakat dan perempuan. Usulan prioritas dibawa ke musrenbang kecamatan."
            ],
        ),
        (
            "Pelayanan Surat Keterangan Kini Bisa Diajukan dari Rumah",
            "pelayanan-publik",
            "Warga cukup mengirim berkas melalui situs; surat diambil tanpa antre.",
            [
                "Pengajuan surat keterangan domisili, usaha dan tidak mampu dapat dilakukan dari rumah. Warga akan menerima SMS saat surat siap diambil."
            ],
        ),
    ],
}

ANNOUNCEMENTS = [
    (
        "Pemeliharaan Sistem Layanan Daring pada Sabtu Malam",
        "Layanan daring tidak dapat diakses pada Sabtu pukul 22.00 hingga Minggu pukul 04.00 WIB.",
    ),
    (
        "Pengumuman Penerima Beasiswa Prestasi",
        "Daftar nama penerima beasiswa prestasi dan jadwal penandatanganan perjanjian.",
    ),
    (
        "Jadwal Pelayanan Selama Libur Nasional dan Cuti Bersama",
        "Pelayanan tatap muka tutup pada hari libur nasional dan cuti bersama; layanan daring tetap berjalan.",
    ),
    (
        "Pengumuman Hasil Seleksi Administrasi Tenaga Pendukung",
        "Daftar peserta yang lulus seleksi administrasi dan jadwal wawancara.",
    ),
    (
        "Perubahan Jam Layanan Selama Bulan Ramadan",
        "Pelayanan dibuka Senin–Kamis pukul 08.00–14.00 WIB dan Jumat pukul 08.00–11.00 WIB.",
    ),
]

AGENDA = [
    ("Rapat Koordinasi Pelayanan Publik", "Ruang Rapat Lantai 2"),
    ("Sosialisasi Standar Pelayanan kepada Masyarakat", "Aula Kantor"),
    ("Forum Konsultasi Publik Rancangan Standar Pelayanan", "Aula Kantor Wali Kota"),
    ("Bimbingan Teknis Pengelolaan Situs dan PPID", "Ruang Rapat Diskominfo"),
    ("Penyusunan Rencana Kerja Tahun Anggaran Berikutnya", "Ruang Rapat Bappeda"),
    ("Pelayanan Keliling di Kelurahan", "Kantor Kelurahan setempat"),
    ("Rapat Evaluasi Survei Kepuasan Masyarakat", "Ruang Rapat Kepala"),
]

PROFIL = {
    "visi": "Terwujudnya pelayanan {area} yang prima, transparan dan berkeadilan bagi seluruh warga Kota Contoh.",
    "misi": "<ol><li>Meningkatkan kualitas dan jangkauan pelayanan {area}.</li><li>Mewujudkan tata kelola yang bersih, akuntabel dan berbasis data.</li><li>Memperluas partisipasi masyarakat dalam perencanaan dan pengawasan.</li></ol>",
    "tugas": "<p>{name} mempunyai tugas membantu Wali Kota melaksanakan urusan pemerintahan di bidang {area} serta tugas pembantuan yang diberikan kepada daerah.</p><p>Dalam melaksanakan tugas tersebut, {name} menyelenggarakan fungsi:</p><ul><li>perumusan kebijakan teknis di bidang {area};</li><li>pelaksanaan kebijakan dan pelayanan umum di bidang {area};</li><li>pemantauan, evaluasi dan pelaporan;</li><li>pelaksanaan administrasi dinas; dan</li><li>pelaksanaan fungsi lain yang diberikan oleh Wali Kota.</li></ul>",
    "bio": "<p>{kepala} menjabat sebagai {jabatan} sejak tiga tahun lalu. Sebelumnya beliau bertugas di beberapa perangkat daerah di lingkungan Pemerintah Kota Contoh.</p><p>Beliau dikenal mendorong pelayanan yang cepat, ramah dan terbuka terhadap masukan warga.</p>",
}

AREAS = {
    "dinkes": "kesehatan", "disdikbud": "pendidikan dan kebudayaan",
    "disdukcapil": "administrasi kependudukan dan pencatatan sipil",
    "diskominfo": "komunikasi, informatika, statistik dan persandian",
    "bappeda": "perencanaan pembangunan daerah", "dpmptsp": "penanaman modal dan perizinan",
    "bpbd": "penanggulangan bencana", "dinsos": "sosial", "dpupr": "pekerjaan umum dan penataan ruang",
    "hukum": "hukum dan perundang-undangan",
}  # fmt: skip

CITY_PROFILE = [
    "<p>Kota Contoh terletak di pesisir barat dengan luas wilayah 231 km² dan berpenduduk sekitar 410.000 jiwa. Kota ini terbagi atas 2 kecamatan dan 4 kelurahan percontohan dalam platform ini.</p>",
    "<p>Sebagai kota jasa dan perdagangan, Kota Contoh menjadi simpul pendidikan dan kesehatan bagi kabupaten di sekitarnya. Pemerintah Kota berkomitmen menghadirkan pelayanan publik yang mudah diakses, termasuk melalui situs resmi setiap perangkat daerah.</p>",
]

PORTAL_NEWS = [
    (
        "Wali Kota Resmikan Mal Pelayanan Publik Kedua",
        "pelayanan-publik",
        "Mal Pelayanan Publik kedua hadir di kawasan selatan untuk mendekatkan layanan kepada warga.",
        [
            "Wali Kota Contoh meresmikan Mal Pelayanan Publik kedua yang berlokasi di kawasan selatan kota. Sebanyak 18 instansi membuka gerai layanan.",
            "Wali Kota berharap warga tidak perlu lagi menempuh perjalanan jauh untuk mengurus dokumen dan perizinan.",
        ],
    ),
    (
        "Pemko Contoh Raih Predikat Kepatuhan Tinggi dari Ombudsman",
        "pemerintahan",
        "Hasil penilaian kepatuhan standar pelayanan publik menempatkan Kota Contoh di zona hijau.",
        [
            "Ombudsman RI menempatkan Pemerintah Kota Contoh dalam zona hijau kepatuhan standar pelayanan publik. Penilaian mencakup ketersediaan standar pelayanan, maklumat, sarana pengaduan dan fasilitas bagi penyandang disabilitas."
        ],
    ),
    (
        "Hari Jadi Kota Contoh Dirayakan dengan Pawai Budaya",
        "kemasyarakatan",
        "Ribuan warga memadati jalan protokol menyaksikan pawai budaya dari seluruh kelurahan.",
        [
            "Pawai budaya memeriahkan peringatan hari jadi kota. Setiap kelurahan menampilkan pakaian adat, kesenian tradisional dan hasil UMKM unggulan."
        ],
    ),
]
