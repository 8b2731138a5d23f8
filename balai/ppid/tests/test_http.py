"""The request lifecycle through HTTP, isolation between OPDs, privacy and bad input."""

from __future__ import annotations

import io

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile

from balai.core.public_forms import make_token
from balai.ppid.models import AksesLog, Keberatan, Lampiran, Permohonan

pytestmark = pytest.mark.django_db

FORM = {
    "nama": "Budi Santoso",
    "nik": "1371011203900001",
    "alamat": "Jl. Sudirman No. 10, Kota Contoh",
    "telepon": "0812 3456 7890",
    "email": "budi@example.com",
    "pekerjaan": "Mahasiswa",
    "rincian": "Realisasi anggaran Dinas Alfa tahun 2025",
    "tujuan": "Penelitian skripsi",
    "cara_memperoleh": "softcopy",
    "cara_mendapatkan": "email",
    "setuju": "on",
}


def _blank_pdf() -> bytes:
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(buffer)
    return buffer.getvalue()


PDF = _blank_pdf()


def post_form(client, host, **changes):
    data = {**FORM, "form_token": make_token("ppid-permohonan"), "website": "", **changes}
    data = {k: v for k, v in data.items() if v is not None}
    return client.post("/ppid/permohonan/", data, HTTP_HOST=host)


def test_full_lifecycle(
    client, client_as, opd_a, ppid_a, atasan, run_tasks, django_capture_on_commit_callbacks
):
    host = opd_a.hostname
    assert client.get("/ppid/permohonan/", HTTP_HOST=host).status_code == 200
    response = post_form(client, host)
    assert response.status_code == 302
    item = Permohonan.objects.get()
    assert item.opd == opd_a and item.kanal == "web" and item.telepon == "+6281234567890"
    tracking = response["Location"]
    page = client.get(tracking, HTTP_HOST=host)
    assert item.nomor in page.content.decode()
    run_tasks()
    assert any(item.nomor in m.subject and tracking in m.body for m in mail.outbox)

    # Tracking by number shows the status, never the requester's data.
    public = client.get("/ppid/lacak/", {"nomor": item.nomor}, HTTP_HOST=host).content.decode()
    assert "Sedang diproses" in public and "Budi" not in public

    officer = client_as(ppid_a)
    queue = officer.get("/admin/ppid/", HTTP_HOST=host).content.decode()
    assert item.nomor in queue
    assert "1371011203900001" not in queue and "137101********01" in queue
    assert "0812****7890" in queue
    detail = officer.get(f"/admin/ppid/permohonan/{item.pk}/", HTTP_HOST=host)
    assert detail.status_code == 200
    old_due = item.tenggat
    officer.post(
        f"/admin/ppid/permohonan/{item.pk}/",
        {
            "aksi": "perpanjang",
            "x-hari_kerja": "5",
            "x-alasan": "Data masih direkap bidang anggaran",
        },
        HTTP_HOST=host,
    )
    item.refresh_from_db()
    assert item.status == "diperpanjang" and item.tenggat > old_due
    response = officer.post(
        f"/admin/ppid/permohonan/{item.pk}/",
        {
            "aksi": "jawab",
            "j-keputusan": "dipenuhi",
            "j-jawaban": "Terlampir realisasi anggaran.",
            "j-bentuk_informasi": "Softcopy PDF",
            "j-biaya": "0",
            "j-waktu_penyediaan": "Hari ini",
            "j-lampiran": SimpleUploadedFile("realisasi.pdf", PDF, "application/pdf"),
        },
        HTTP_HOST=host,
    )
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.status == "selesai" and item.keputusan == "dipenuhi"
    assert AksesLog.objects.filter(permohonan=item, aksi="dilihat", user=ppid_a).exists()

    client.logout()
    page = client.get(tracking, HTTP_HOST=host).content.decode()
    assert "Dipenuhi seluruhnya" in page
    pdf = client.get(tracking + "pemberitahuan.pdf", HTTP_HOST=host)
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")
    doc = Lampiran.objects.get()
    download = client.get(f"{tracking}lampiran/{doc.pk}/", HTTP_HOST=host)
    assert b"".join(download.streaming_content) == PDF

    response = client.post(
        tracking,
        {
            "alasan": "d",
            "uraian": "Data tidak per bulan",
            "form_token": make_token("ppid-keberatan"),
            "website": "",
        },
        HTTP_HOST=host,
    )
    assert response.status_code == 302, response.content.decode()[-3000:]
    keberatan = Keberatan.objects.get()
    boss = client_as(atasan)
    boss.post(
        f"/admin/ppid/keberatan/{keberatan.pk}/",
        {"hasil": "diterima", "tanggapan": "Data per bulan diberikan."},
        HTTP_HOST=host,
    )
    keberatan.refresh_from_db()
    assert keberatan.hasil == "diterima"
    client.logout()
    page = client.get(tracking, HTTP_HOST=host).content.decode()
    assert "Komisi Informasi" in page


def test_portal_form_addresses_an_opd_or_the_ppid_utama(client, portal_host, opd_a):
    assert post_form(client, portal_host, tujuan_opd=str(opd_a.pk)).status_code == 302
    assert post_form(client, portal_host, tujuan_opd="").status_code == 302
    assert {p.opd_id for p in Permohonan.objects.all()} == {opd_a.pk, None}


def test_officer_of_another_opd_sees_nothing(client_as, opd_a, ppid_b, make_request):
    item = make_request()
    other = client_as(ppid_b)
    assert (
        item.nomor
        not in other.get("/admin/ppid/?tampil=semua", HTTP_HOST=opd_a.hostname).content.decode()
    )
    assert other.get(f"/admin/ppid/permohonan/{item.pk}/").status_code == 404
    assert other.get(f"/admin/ppid/permohonan/{item.pk}/pemberitahuan.pdf").status_code == 404


def test_plain_operator_without_ppid_role_cannot_open_the_queue(
    client_as, operator_a, make_request
):
    make_request()
    response = client_as(operator_a).get("/admin/ppid/")
    assert response.status_code in (302, 403)  # Wagtail turns PermissionDenied into a redirect


def test_ppid_utama_sees_every_opd(client_as, ppid_utama, make_request, opd_b):
    a, b = make_request(), make_request(opd=opd_b)
    page = client_as(ppid_utama).get("/admin/ppid/").content.decode()
    assert a.nomor in page and b.nomor in page


def test_missing_fields_store_nothing(client, opd_a):
    response = post_form(client, opd_a.hostname, nama="", rincian="", email="", telepon="")
    assert response.status_code == 400
    body = response.content.decode()
    assert "Isi e-mail atau nomor telepon" in body and "Periksa kembali" in body
    assert not Permohonan.objects.exists()


def test_replayed_form_is_refused(client, opd_a):
    token = make_token("ppid-permohonan")
    assert post_form(client, opd_a.hostname, form_token=token).status_code == 302
    assert post_form(client, opd_a.hostname, form_token=token).status_code == 400
    assert Permohonan.objects.count() == 1


def test_dangerous_attachment_is_refused_and_nothing_stored(client_as, ppid_a, make_request):
    item = make_request()
    html = SimpleUploadedFile(
        "jawaban.pdf", b"<html><script>alert(1)</script></html>", "application/pdf"
    )
    response = client_as(ppid_a).post(
        f"/admin/ppid/permohonan/{item.pk}/",
        {
            "aksi": "jawab",
            "j-keputusan": "dipenuhi",
            "j-jawaban": "Terlampir",
            "j-lampiran": html,
        },
    )
    assert response.status_code == 200
    item.refresh_from_db()
    assert item.status == "diproses" and not Lampiran.objects.exists()


def test_rejection_as_exempt_needs_article_and_consequence_test(client_as, ppid_a, make_request):
    item = make_request()
    response = client_as(ppid_a).post(
        f"/admin/ppid/permohonan/{item.pk}/",
        {
            "aksi": "jawab",
            "j-keputusan": "ditolak_dikecualikan",
            "j-jawaban": "Ditolak",
        },
    )
    assert "Sebutkan pasal pengecualian" in response.content.decode()
    item.refresh_from_db()
    assert item.is_open


def test_officer_enters_walk_in_request(client_as, ppid_a, opd_a):
    data = {k: v for k, v in FORM.items() if k != "setuju"}
    response = client_as(ppid_a).post("/admin/ppid/baru/", {**data, "kanal": "langsung", "opd": ""})
    assert response.status_code == 302
    item = Permohonan.objects.get()
    assert item.kanal == "langsung" and item.opd == opd_a and item.dicatat_oleh == ppid_a


def test_report_exports(client_as, ppid_utama, make_request):
    make_request()
    c = client_as(ppid_utama)
    assert c.get("/admin/ppid/laporan/").status_code == 200
    xlsx = c.get("/admin/ppid/laporan/?format=xlsx")
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(xlsx.content))
    assert wb["Ringkasan"]["B3"].value == 1
    assert c.get("/admin/ppid/laporan/?format=pdf").content.startswith(b"%PDF")


def test_public_statistics_have_no_personal_data(client, portal_host, make_request):
    make_request()
    page = client.get("/ppid/statistik/", HTTP_HOST=portal_host).content.decode()
    assert "Jumlah permohonan" in page and "Siti" not in page and "1371" not in page


def test_requester_gets_the_receipt_by_sms_through_the_sms_centre(client, opd_a, run_tasks):
    """The PPID's SMS go through the SMS Centre's outbox and are sent by the worker."""
    from balai.sms.models import OutboundSMS

    post_form(client, opd_a.hostname)
    item = Permohonan.objects.get()
    run_tasks()
    sms = OutboundSMS.objects.get(phone="+6281234567890")
    assert item.nomor in sms.text and sms.context == "ppid"
    assert sms.status == OutboundSMS.Status.SENT
