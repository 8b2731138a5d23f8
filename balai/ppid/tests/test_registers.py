"""The PPID books over HTTP: the register permohonan and register keberatan (Perki SLIP layout) as
XLSX and PDF, per OPD and city-wide, each role seeing only its own; the surat keputusan penolakan
with its uji konsekuensi."""

from __future__ import annotations

import io
import subprocess

import pytest
from openpyxl import load_workbook

from balai.ppid import services
from balai.ppid.exports import HEADER_ROWS
from balai.ppid.models import Permohonan
from balai.ppid.registers import KEBERATAN_COLUMNS, PERMOHONAN_COLUMNS

from .conftest import at

pytestmark = pytest.mark.django_db

UJI = "Membuka rekam medis mengungkap riwayat kesehatan pasien tanpa persetujuannya."
MASA = "Selama pasien tidak memberi persetujuan tertulis"
PERIOD = {"dari": "2026-01-01", "sampai": "2026-12-31"}


def pdf_text(content: bytes, mode: str = "-layout") -> str:
    """Text of a PDF by poppler's pdftotext; ``-raw`` keeps a wrapped table cell together."""
    out = subprocess.run(
        ["pdftotext", mode, "-", "-"], input=content, capture_output=True, check=True
    )
    return out.stdout.decode()


def sheet(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    return load_workbook(io.BytesIO(response.content)).active


def denied(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard and a message."""
    return (
        response.status_code in (302, 403)
        and "Content-Disposition" not in response
        and response.get("Location", "/admin/") == "/admin/"
    )


def data_rows(ws) -> list[list]:
    return [list(r) for r in ws.iter_rows(min_row=HEADER_ROWS + 1, values_only=True)]


@pytest.fixture
def books(make_request, opd_a, opd_b, ppid_a, atasan):
    """Four requests in 2026: Alfa refused as exempt (with an objection) and granted, Beta
    forwarded, and one to the PPID Utama still open."""
    refused = make_request(received_at=at(2026, 3, 2), rincian="Rekam medis pasien RSUD 2025")
    services.reject(
        refused,
        alasan="Informasi memuat rahasia pribadi pasien.",
        pasal_17="h",
        pasal_pengecualian="Pasal 17 huruf h angka 2",
        informasi_dikecualikan="Rekam medis perorangan pasien RSUD tahun 2025",
        uji_konsekuensi=UJI,
        pertimbangan_kepentingan_umum="Data agregat tersedia tanpa identitas.",
        masa_pengecualian=MASA,
        by=ppid_a,
    )
    granted = make_request(
        received_at=at(2026, 3, 3), nama="Joko Widodo", cara_memperoleh="melihat"
    )
    services.answer(
        granted,
        keputusan="dipenuhi",
        jawaban="Terlampir",
        bentuk_informasi="Hardcopy (fotokopi)",
        biaya=5000,
        by=ppid_a,
    )
    forwarded = make_request(opd=opd_b, received_at=at(2026, 3, 4), nama="Rina Beta")
    services.forward(forwarded, badan="Badan Pusat Statistik Kota")
    utama = make_request(opd=None, received_at=at(2026, 3, 5), nama="Utami Kota")
    keberatan = services.file_objection(refused, alasan="a", received_at=at(2026, 3, 10))
    services.answer_objection(
        keberatan, hasil="ditolak", tanggapan="Menguatkan putusan PPID.", by=atasan
    )
    return {
        "refused": refused,
        "granted": granted,
        "forwarded": forwarded,
        "utama": utama,
        "keberatan": keberatan,
    }


def col(label: str) -> int:
    return [c.label for c in PERMOHONAN_COLUMNS].index(label)


def test_officer_downloads_own_request_register_in_perki_layout(client_as, ppid_a, books):
    ws = sheet(client_as(ppid_a).get("/admin/ppid/register/permohonan.xlsx", PERIOD))
    assert ws["A1"].value == "Register Permohonan Informasi Publik"
    assert "Dinas Alfa" in ws["A2"].value and "01-01-2026 s.d. 31-12-2026" in ws["A2"].value
    # Grouped headings over their columns, the column labels, the column numbers.
    headings = [c.value for c in ws[3]]
    labels = [c.value for c in ws[4]]
    assert headings[col("Di bawah penguasaan")] == "Status informasi"
    assert headings[col("Softcopy")] == "Bentuk informasi yang dikuasai"
    assert headings[col("Melihat/mengetahui")] == "Jenis permohonan"
    assert headings[col("Pemberitahuan tertulis")] == "Hari dan tanggal"
    assert labels[col("Tidak di bawah penguasaan")] == "Tidak di bawah penguasaan"
    assert [c.value for c in ws[5]] == [f"({i})" for i in range(1, len(PERMOHONAN_COLUMNS) + 1)]
    assert ws.max_column == len(PERMOHONAN_COLUMNS) == 21

    rows = data_rows(ws)
    assert [r[1] for r in rows] == [books["refused"].nomor, books["granted"].nomor]
    refused, granted = rows
    assert refused[0] == 1 and refused[3] == "Siti Aminah"
    assert refused[5] == "+6281234567890 / siti@example.com"
    assert refused[7] == "Rekam medis pasien RSUD 2025"
    assert refused[col("Di bawah penguasaan")] == "√"
    assert refused[col("Softcopy")] == "√" and refused[col("Hardcopy")] is None
    assert refused[col("Meminta salinan")] == "√"
    assert refused[col("Keputusan")] == "Ditolak: informasi dikecualikan"
    assert "UU 14/2008 Pasal 17 huruf h" in refused[col("Alasan penolakan")]
    assert refused[col("Pemberian informasi")] is None  # nothing was given
    assert refused[col("Biaya dan cara pembayaran")] == "Gratis"
    assert granted[col("Hardcopy")] == "√" and granted[col("Softcopy")] is None
    assert granted[col("Melihat/mengetahui")] == "√" and granted[col("Meminta salinan")] is None
    assert granted[col("Pemberitahuan tertulis")] is not None
    assert granted[col("Pemberian informasi")] == granted[col("Pemberitahuan tertulis")]
    assert granted[col("Biaya dan cara pembayaran")] == "Rp 5.000"


def test_officer_of_one_opd_cannot_get_another_opds_or_the_city_register(
    client_as, ppid_a, opd_b, books
):
    c = client_as(ppid_a)
    for jenis in ("permohonan", "keberatan"):
        for fmt in ("xlsx", "pdf"):
            url = f"/admin/ppid/register/{jenis}.{fmt}"
            assert denied(c.get(url, {"opd": opd_b.slug}))
            assert denied(c.get(url, {"opd": "semua"}))
            assert denied(c.get(url, {"opd": "utama"}))
    page = c.get("/admin/ppid/register/").content.decode()
    assert "Dinas Alfa" in page and opd_b.name not in page and "Seluruh PPID" not in page


def test_requests_outside_the_period_are_left_out(client_as, ppid_a, books):
    ws = sheet(
        client_as(ppid_a).get(
            "/admin/ppid/register/permohonan.xlsx", {"dari": "2026-03-03", "sampai": "2026-03-31"}
        )
    )
    assert [r[1] for r in data_rows(ws)] == [books["granted"].nomor]


def test_ppid_utama_gets_every_book(client_as, ppid_utama, opd_b, books):
    c = client_as(ppid_utama)
    city = sheet(c.get("/admin/ppid/register/permohonan.xlsx", {**PERIOD, "opd": "semua"}))
    rows = data_rows(city)
    assert city.max_column == len(PERMOHONAN_COLUMNS) + 1
    assert city.cell(row=3, column=city.max_column).value == "PPID"
    assert [r[1] for r in rows] == [
        books[k].nomor for k in ("refused", "granted", "forwarded", "utama")
    ]
    assert [r[-1] for r in rows] == ["Dinas Alfa", "Dinas Alfa", opd_b.name, "PPID Utama"]
    assert (
        rows[3][col("Keputusan")] == "Sedang diproses"
        and rows[3][col("Di bawah penguasaan")] is None
    )

    beta = data_rows(
        sheet(c.get("/admin/ppid/register/permohonan.xlsx", {**PERIOD, "opd": opd_b.slug}))
    )
    assert len(beta) == 1
    assert beta[0][col("Tidak di bawah penguasaan")] == "√ Badan Pusat Statistik Kota"

    own = data_rows(
        sheet(c.get("/admin/ppid/register/permohonan.xlsx", {**PERIOD, "opd": "utama"}))
    )
    assert [r[3] for r in own] == ["Utami Kota"]
    assert denied(c.get("/admin/ppid/register/permohonan.xlsx", {"opd": "tidak-ada"}))


def test_objection_register_rows_and_requester_response(client_as, ppid_a, atasan, books):
    k = books["keberatan"]
    c = client_as(ppid_a)
    response = c.post(
        f"/admin/ppid/keberatan/{k.pk}/",
        {"aksi": "tanggapan-pemohon", "tanggapan_pemohon": "Mengajukan sengketa ke KI Provinsi"},
    )
    assert response.status_code == 302
    ws = sheet(c.get("/admin/ppid/register/keberatan.xlsx", PERIOD))
    assert ws["A1"].value == "Register Keberatan Informasi Publik"
    labels = [c.label for c in KEBERATAN_COLUMNS]
    assert [c.value for c in ws[3]][labels.index("Nama")] == "Identitas pemohon"
    assert ws.max_column == len(KEBERATAN_COLUMNS)
    (row,) = data_rows(ws)
    assert row[1] == k.nomor and row[3] == "Siti Aminah"
    assert row[labels.index("Nomor pendaftaran permohonan")] == books["refused"].nomor
    assert row[labels.index("Alasan keberatan (UU 14/2008 Pasal 35 ayat 1)")].startswith("huruf a:")
    assert row[labels.index("Keputusan atasan PPID")].endswith("Menguatkan putusan PPID.")
    assert row[labels.index("Hari dan tanggal tanggapan")] is not None
    assert row[labels.index("Nama dan posisi atasan PPID")] == "atasan-ppid (Atasan PPID)"
    assert row[-1] == "Mengajukan sengketa ke KI Provinsi"


def test_register_pdfs_read_as_the_printed_form(client_as, ppid_utama, books):
    c = client_as(ppid_utama)
    response = c.get("/admin/ppid/register/permohonan.pdf", {**PERIOD, "opd": "semua"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content, "-raw").split())
    assert "REGISTER PERMOHONAN INFORMASI PUBLIK" in text
    assert "Seluruh PPID" in text and "Status informasi" in text
    for key in ("refused", "granted", "forwarded", "utama"):
        assert books[key].nomor in text
    assert "Badan Pusat Statistik Kota" in text and "Pasal 17 huruf h" in text
    text = " ".join(
        pdf_text(c.get("/admin/ppid/register/keberatan.pdf", PERIOD).content, "-raw").split()
    )
    assert "REGISTER KEBERATAN INFORMASI PUBLIK" in text and books["keberatan"].nomor in text


def test_refusal_decision_pdf_with_consequence_test(client, client_as, ppid_a, ppid_b, books):
    refused = books["refused"]
    response = client_as(ppid_a).get(f"/admin/ppid/permohonan/{refused.pk}/penolakan.pdf")
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = " ".join(pdf_text(response.content).split())
    assert "SURAT KEPUTUSAN PPID" in text and "TENTANG PENOLAKAN PERMOHONAN INFORMASI" in text
    assert refused.nomor in text and "Siti Aminah" in text
    assert "Pasal 17 huruf h — mengungkap rahasia pribadi" in text
    assert "Pasal 17 huruf h angka 2" in text
    assert "PERMOHONAN INFORMASI DITOLAK" in text
    assert "LAMPIRAN: LEMBAR UJI KONSEKUENSI" in text
    assert UJI in text and MASA in text and "Data agregat tersedia tanpa identitas." in text
    assert "Rekam medis perorangan pasien RSUD tahun 2025" in text
    detail = client_as(ppid_a).get(f"/admin/ppid/permohonan/{refused.pk}/").content.decode()
    assert f"/admin/ppid/permohonan/{refused.pk}/penolakan.pdf" in detail

    # Another OPD's officer cannot see it; a granted request has no refusal decision.
    assert (
        client_as(ppid_b).get(f"/admin/ppid/permohonan/{refused.pk}/penolakan.pdf").status_code
        == 404
    )
    granted = books["granted"]
    assert (
        client_as(ppid_a).get(f"/admin/ppid/permohonan/{granted.pk}/penolakan.pdf").status_code
        == 404
    )
    # The requester gets it through the secret tracking link.
    client.logout()
    public = client.get(
        f"/ppid/lacak/{refused.token}/penolakan.pdf", HTTP_HOST=refused.opd.hostname
    )
    assert public.status_code == 200 and "LEMBAR UJI KONSEKUENSI" in pdf_text(public.content)
    page = client.get(f"/ppid/lacak/{refused.token}/", HTTP_HOST=refused.opd.hostname)
    assert "penolakan.pdf" in page.content.decode()


def test_refusal_step_asks_for_the_ground_and_the_consequence_test(client_as, ppid_a, make_request):
    item = make_request()
    c = client_as(ppid_a)
    base = {"aksi": "jawab", "j-keputusan": "ditolak_dikecualikan", "j-jawaban": "Ditolak"}
    page = c.post(f"/admin/ppid/permohonan/{item.pk}/", {**base, "j-uji_konsekuensi": UJI})
    html = page.content.decode()
    assert "Sebutkan pasal pengecualian" in html and "jangka waktu pengecualian" in html
    item.refresh_from_db()
    assert item.is_open
    response = c.post(
        f"/admin/ppid/permohonan/{item.pk}/",
        {
            **base,
            "j-pasal_17": "h",
            "j-uji_konsekuensi": UJI,
            "j-pertimbangan_kepentingan_umum": "Kepentingan pasien lebih besar.",
            "j-masa_pengecualian": MASA,
        },
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.keputusan == Permohonan.Keputusan.DITOLAK_DIKECUALIKAN
    assert item.pasal_17 == "h" and item.masa_pengecualian == MASA
    assert item.dasar_pengecualian == "UU 14/2008 Pasal 17 huruf h"


def test_anonymous_gets_no_register(client, books):
    response = client.get("/admin/ppid/register/permohonan.xlsx")
    assert response.status_code == 302 and "/login/" in response["Location"]
