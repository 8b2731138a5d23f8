"""The relevance test set: queries a citizen types and the results they expect, on a fixed
corpus, through ``/cari/`` on the portal. The same expectations hold on SQLite (FTS5 bm25) and
PostgreSQL (ts_rank_cd): word forms, typos, synonyms, the text inside documents, container
pages kept out, recency breaking ties, hostile input.

The corpus is built once for the module inside a transaction that is rolled back at the end;
each test runs in a savepoint of its own.
"""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re
from dataclasses import dataclass

import pytest
from django.core.files.base import ContentFile
from django.db import transaction

from balai.search.tests import files

pytestmark = pytest.mark.django_db

PORTAL = "localhost"
TODAY = dt.date(2026, 6, 1)


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _section(opd, slug):
    return opd.site.root_page.get_children().get(slug=slug).specific


def _news(opd, title, summary="", body="", date=None):
    from balai.content.models import BeritaPage

    page = BeritaPage(
        title=title,
        summary=summary,
        date=date or TODAY,
        body=[("paragraph", f"<p>{body}</p>")] if body else [],
    )
    return _publish(_section(opd, "berita"), page)


def _announcement(opd, title, summary, date):
    from balai.content.models import PengumumanPage

    return _publish(
        _section(opd, "pengumuman"), PengumumanPage(title=title, summary=summary, date=date)
    )


def _layanan(opd, name, slug, summary, persyaratan="", produk=""):
    from balai.layanan.models import Layanan

    return Layanan.objects.create(
        opd=opd,
        name=name,
        slug=slug,
        category="kependudukan",
        summary=summary,
        persyaratan=persyaratan,
        produk=produk,
        prosedur="Ambil antrean\nSerahkan berkas",
        jangka_waktu=3,
        biaya_gratis=True,
        pengaduan="SMS 0812",
        is_published=True,
    )


def _document(opd, title, name, data, description="", category="lainnya"):
    from balai.documents.models import BalaiDocument
    from balai.documents.tasks import extract_document_text

    document = BalaiDocument(
        title=title,
        collection_id=opd.collection_id,
        category=category,
        year=2026,
        description=description,
    )
    document.file.save(name, ContentFile(data), save=False)
    document.file_size = len(data)
    document.save()
    extract_document_text.call(document.pk)  # what the worker does after the upload
    return document


def build_corpus(make_opd):
    dukcapil = make_opd("disdukcapil", name="Dinas Kependudukan dan Pencatatan Sipil")
    dinkes = make_opd("dinkes", name="Dinas Kesehatan")
    dpmptsp = make_opd("dpmptsp", name="Dinas Penanaman Modal dan PTSP")
    dinsos = make_opd("dinsos", name="Dinas Sosial")
    disdik = make_opd("disdik", name="Dinas Pendidikan")

    _news(
        dukcapil,
        "Kini Akta Kelahiran Bisa Dicetak Sendiri di Rumah",
        "Warga dapat mencetak akta kelahiran sendiri dengan kertas HVS.",
        "Dokumen kependudukan kini ditandatangani secara elektronik.",
    )
    _news(
        dukcapil,
        "Layanan Adminduk Jemput Bola ke Sekolah untuk KTP-el Pemula",
        "Petugas merekam KTP-el siswa yang berusia 17 tahun di sekolah.",
    )
    _news(
        disdik,
        "Pendaftaran Peserta Didik Baru SD dan SMP Dibuka",
        "Pendaftaran dibuka secara daring.",
        "Orang tua menyiapkan akta kelahiran anak dan kartu keluarga sebagai syarat.",
    )
    _news(
        dinkes,
        "Imunisasi Kejar untuk 1.200 Balita di 14 Puskesmas",
        "Dinas Kesehatan menggelar imunisasi kejar bagi balita.",
    )
    _news(
        dinkes,
        "Pusat Kesehatan Masyarakat Sukamaju Kini Buka Sore",
        "Warga dapat berobat sampai pukul 20.00.",
    )
    _news(
        dpmptsp,
        "Perizinan Usaha Mikro Cukup Lewat OSS, Petugas Siap Mendampingi",
        "Pelaku usaha cukup membawa KTP-el dan alamat e-mail aktif.",
    )
    _news(
        dpmptsp,
        "Persetujuan Bangunan Gedung Kini Diajukan Secara Daring",
        "Permohonan persetujuan bangunan diajukan lewat SIMBG.",
    )
    _news(
        dpmptsp,
        "Cara Kirim Berkas Permohonan Secara Daring",
        "Unggah berkas permohonan dalam format PDF.",
    )
    _news(
        dinsos,
        "Penyaluran Bantuan Pangan untuk 4.800 Keluarga",
        "Penerima diminta membawa KTP-el dan kartu keluarga.",
    )
    _announcement(
        dpmptsp,
        "Jadwal Pelayanan Libur Nasional",
        "Loket pelayanan tutup pada hari libur nasional.",
        dt.date(2025, 12, 20),
    )
    _announcement(
        dinsos,
        "Jadwal Pelayanan Libur Nasional",
        "Loket pelayanan tutup pada hari libur nasional.",
        dt.date(2026, 3, 20),
    )

    _layanan(
        dukcapil,
        "Akta Kelahiran",
        "akta-kelahiran",
        "Penerbitan akta kelahiran bagi anak yang lahir di Kota Contoh.",
        "Surat keterangan lahir\nKartu Keluarga",
        "Akta kelahiran",
    )
    _layanan(
        dukcapil,
        "Penerbitan KTP-el",
        "ktp-el",
        "Pencetakan kartu tanda penduduk.",
        "Fotokopi kartu keluarga",
        "KTP-el",
    )
    _layanan(
        dukcapil,
        "Penerbitan Kartu Keluarga",
        "kartu-keluarga",
        "Kartu keluarga baru, berubah, hilang atau rusak.",
        "Surat pengantar RT/RW",
        "Kartu keluarga",
    )
    _layanan(
        dinkes,
        "Pendaftaran Peserta JKN",
        "jkn",
        "Pendaftaran jaminan kesehatan bagi warga tidak mampu.",
        "Kartu keluarga",
    )

    _document(
        dpmptsp,
        "Standar Pelayanan Perizinan Berusaha",
        "sp.pdf",
        files.pdf(["Standar pelayanan perizinan.", "Retribusi menara telekomunikasi.", "Penutup."]),
        category="sop",
    )
    _document(
        dinkes,
        "Jadwal Posyandu 2026",
        "posyandu.docx",
        files.docx(
            ["Jadwal kegiatan posyandu."], [["Bulan", "Kegiatan"], ["Agustus", "Imunisasi campak"]]
        ),
    )
    _document(
        dinsos,
        "Rekap Penerima Bantuan",
        "rekap.xlsx",
        files.xlsx({"Penerima": [["Kelurahan", "Jumlah"], ["Tanjungsari", 120]]}),
    )
    _document(
        dpmptsp,
        "Peraturan Daerah Retribusi Perizinan (pindaian)",
        "perda.pdf",
        files.pdf(["", ""]),
        category="peraturan",
    )


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker, tmp_path_factory):
    """The fixed corpus, built once and rolled back after the module."""
    from django.conf import settings

    from balai.opd.provisioning import OPDSpec, provision_opd, provision_portal

    media = tmp_path_factory.mktemp("relevance-media")
    with django_db_blocker.unblock(), transaction.atomic():
        original_media, settings.MEDIA_ROOT = settings.MEDIA_ROOT, str(media)
        try:
            provision_portal()

            def make_opd(slug, name):
                return provision_opd(
                    OPDSpec(name=name, short_name=slug.title(), slug=slug, jenis="dinas")
                ).opd

            build_corpus(make_opd)
            yield
        finally:
            settings.MEDIA_ROOT = original_media
            transaction.set_rollback(True)


@dataclass
class Hit:
    title: str
    meta: str  # type, OPD, date
    excerpt: str  # HTML, with <mark>
    text: str  # everything the result shows, as plain text


def search(client, q: str, **params) -> tuple[list[Hit], str]:
    response = client.get("/cari/", {"q": q, **params}, HTTP_HOST=PORTAL)
    assert response.status_code == 200
    body = response.content.decode()
    hits = []
    for item in re.finditer(r'<li class="search-result">(.*?)</li>', body, re.S):
        block = item.group(1)
        title = re.search(r"<h2><a [^>]*>(.*?)</a></h2>", block, re.S).group(1)
        meta = re.search(r'<p class="meta">(.*?)</p>', block, re.S).group(1)
        excerpt = re.search(r'<p class="search-excerpt">(.*?)</p>', block, re.S)
        hits.append(
            Hit(_plain(title), _plain(meta), excerpt.group(1) if excerpt else "", _plain(block))
        )
    return hits, body


def _plain(markup: str) -> str:
    return " ".join(htmllib.unescape(re.sub(r"<[^>]+>", "", markup)).split())


def titles(client, q: str, **params) -> list[str]:
    return [hit.title for hit in search(client, q, **params)[0]]


# --- ranking ---------------------------------------------------------------------------------


def test_title_matches_rank_above_body_matches(client, corpus):
    """akta kelahiran: the service and Disdukcapil's news first, the school-registration news
    that only mentions it in its body after them (it came first before, by date)."""
    found = titles(client, "akta kelahiran")
    assert set(found[:2]) == {"Akta Kelahiran", "Kini Akta Kelahiran Bisa Dicetak Sendiri di Rumah"}
    assert "Pendaftaran Peserta Didik Baru SD dan SMP Dibuka" in found[2:]


def test_recency_breaks_ties(client, corpus):
    hits, _ = search(client, "jadwal pelayanan libur")
    assert [h.title for h in hits[:2]] == ["Jadwal Pelayanan Libur Nasional"] * 2
    assert "Dinas Sosial" in hits[0].meta and "20 Maret 2026" in hits[0].meta
    assert "Dinas Penanaman Modal" in hits[1].meta


def test_container_pages_never_flood_results(client, corpus):
    """Every OPD has a "Layanan", "Berita", "Kontak" page without text of its own: none of
    them is a result; the services are, under their own tab."""
    hits, body = search(client, "layanan")
    assert hits and "Layanan" not in [h.title for h in hits]
    assert not any(h.title in ("Berita", "Kontak", "Dokumen") for h in search(client, "berita")[0])
    assert not any(h.title == "Kontak" for h in search(client, "kontak")[0])
    layanan_tab = titles(client, "kartu", jenis="layanan")
    assert set(layanan_tab) >= {"Penerbitan KTP-el", "Penerbitan Kartu Keluarga"}


# --- Indonesian word forms -------------------------------------------------------------------


def test_word_forms_izin_usaha_finds_perizinan_usaha(client, corpus):
    assert set(titles(client, "izin usaha")[:2]) == {
        "Perizinan Usaha Mikro Cukup Lewat OSS, Petugas Siap Mendampingi",
        "Standar Pelayanan Perizinan Berusaha",
    }


def test_word_forms_pelayanan_finds_layanan(client, corpus):
    assert "Layanan Adminduk Jemput Bola ke Sekolah untuk KTP-el Pemula" in titles(
        client, "pelayanan adminduk"
    )


def test_word_forms_mengirim_finds_kirim(client, corpus):
    """meN- changes the first letter of the root (mengirim → kirim): Sastrawi restores it."""
    assert titles(client, "mengirim berkas")[0] == "Cara Kirim Berkas Permohonan Secara Daring"


def test_word_forms_pencetakan_finds_dicetak(client, corpus):
    assert "Kini Akta Kelahiran Bisa Dicetak Sendiri di Rumah" in titles(client, "pencetakan akta")


# --- typos -------------------------------------------------------------------------------------


def test_one_letter_typo_finds_the_item_with_did_you_mean(client, corpus):
    hits, body = search(client, "imunsasi")
    assert hits[0].title == "Imunisasi Kejar untuk 1.200 Balita di 14 Puskesmas"
    assert "Mungkin maksud Anda:" in body
    assert 'data-testid="search-suggestion"><strong>imunisasi</strong>' in body


def test_typo_in_one_word_of_two(client, corpus):
    hits, body = search(client, "akta kelahran")
    assert hits[0].title in ("Akta Kelahiran", "Kini Akta Kelahiran Bisa Dicetak Sendiri di Rumah")
    assert "<strong>akta kelahiran</strong>" in body


def test_no_suggestion_when_the_query_finds_something(client, corpus):
    assert "Mungkin maksud Anda" not in search(client, "imunisasi")[1]


# --- synonyms ----------------------------------------------------------------------------------


def test_synonym_e_ktp_finds_ktp_el(client, corpus):
    hits = search(client, "e-KTP")[0]
    assert hits[0].title == "Penerbitan KTP-el"
    assert "Layanan Adminduk Jemput Bola ke Sekolah untuk KTP-el Pemula" in [
        h.title for h in hits[:3]
    ]
    assert "<mark>KTP-el</mark>" in search(client, "e-KTP")[1]


def test_synonym_kk_finds_kartu_keluarga(client, corpus):
    assert titles(client, "KK hilang")[0] == "Penerbitan Kartu Keluarga"


def test_synonym_imb_finds_pbg(client, corpus):
    assert titles(client, "IMB")[0] == "Persetujuan Bangunan Gedung Kini Diajukan Secara Daring"


def test_synonym_bpjs_finds_jkn(client, corpus):
    assert titles(client, "BPJS")[0] == "Pendaftaran Peserta JKN"


def test_synonym_puskesmas_finds_pusat_kesehatan_masyarakat(client, corpus):
    found = titles(client, "puskesmas")
    assert "Pusat Kesehatan Masyarakat Sukamaju Kini Buka Sore" in found
    assert "Imunisasi Kejar untuk 1.200 Balita di 14 Puskesmas" in found


# --- documents' text ---------------------------------------------------------------------------


def test_pdf_text_is_found_with_its_page_number(client, corpus):
    hits = search(client, "menara telekomunikasi")[0]
    assert hits[0].title == "Standar Pelayanan Perizinan Berusaha"
    assert "hlm. 2" in hits[0].excerpt
    assert "<mark>menara</mark> <mark>telekomunikasi</mark>" in hits[0].excerpt


def test_docx_text_is_found(client, corpus):
    hits = search(client, "campak")[0]
    assert hits[0].title == "Jadwal Posyandu 2026"
    assert "<mark>campak</mark>" in hits[0].excerpt


def test_xlsx_text_is_found(client, corpus):
    assert titles(client, "Tanjungsari")[0] == "Rekap Penerima Bantuan"


def test_scanned_pdf_is_found_by_title_and_marked(client, corpus):
    hits = search(client, "retribusi")[0]
    scan = next(h for h in hits if h.title.startswith("Peraturan Daerah Retribusi"))
    assert "PDF hasil pindaian: isinya belum dapat dicari" in scan.text
    other = next(h for h in hits if h.title == "Standar Pelayanan Perizinan Berusaha")
    assert "pindaian" not in other.text


# --- what each result shows ----------------------------------------------------------------------


def test_each_result_shows_opd_type_date_and_highlighted_snippet(client, corpus):
    hits, body = search(client, "imunisasi")
    news = next(h for h in hits if h.title.startswith("Imunisasi Kejar"))
    assert news.meta.startswith("Berita Dinas Kesehatan")
    assert "1 Juni 2026" in news.meta
    assert "<mark>imunisasi</mark> kejar" in news.excerpt
    assert re.search(r'aria-current="true">Semua <span class="count">\d+</span>', body)
    assert re.search(r'>Berita <span class="count">1</span>', body)
    assert re.search(r'>Dokumen <span class="count">1</span>', body)


# --- hostile input ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "q",
    [
        '"',
        '""',
        "'",
        '"akta',
        "akta OR",
        "NOT",
        "AND OR NOT",
        "(",
        "*",
        "akta*",
        "^a",
        "kelahiran:*",
        "a & b | !c",
        "<script>alert(1)</script>",
        "\\",
        "%",
        "_",
        "--",
        "ktp-",
        "-ktp",
        "e--ktp",
        "🙂",
        "ا",
        "dan yang di",
        "x" * 500,
        "NEAR(a b)",
        "{}:",
        "a\x00b",
    ],
)
def test_hostile_queries_never_fail(client, corpus, q):
    response = client.get("/cari/", {"q": q}, HTTP_HOST=PORTAL)
    # A NUL is refused before any view runs (core.input_guard), with a message, not an error.
    assert response.status_code == (400 if "\x00" in q else 200)
    assert "<script>alert(1)" not in response.content.decode()


def test_a_query_of_function_words_only_says_so(client, corpus):
    assert "terlalu umum" in search(client, "dan yang di")[1]
    assert "terlalu umum" not in search(client, '"')[1]
