"""Dokumen: the public list (type, size, filters, pagination, download counts), safe serving,
and PDF text that search finds."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from balai.documents.models import BalaiDocument
from balai.documents.tests.pdf import make_pdf

pytestmark = pytest.mark.django_db


def add_document(
    opd, title: str, *, name: str = "dokumen.pdf", data: bytes | None = None, **fields
) -> BalaiDocument:
    data = data if data is not None else make_pdf(title)
    document = BalaiDocument(title=title, collection=opd.collection, **fields)
    document.file.save(name, ContentFile(data), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def documents_page(client, opd, **params):
    return client.get("/dokumen/", params, HTTP_HOST=opd.hostname)


def test_list_shows_own_documents_with_type_size_and_filters(client, opd_a, opd_b, portal_host):
    add_document(
        opd_a,
        "SOP Pelayanan KTP",
        category="sop",
        year=2025,
        number="800/12/2025",
        description="Langkah pelayanan KTP-el.",
    )
    add_document(opd_a, "Renstra 2021-2026", category="renstra", year=2021)
    add_document(
        opd_a,
        "Daftar hadir",
        name="daftar.csv",
        data=b"nama,nip\nA,1\n",
        category="lainnya",
        year=2025,
    )
    add_document(opd_b, "SOP milik Beta", category="sop", year=2025)
    add_document(opd_a, "Nota internal", category="laporan", year=2025, is_public=False)

    html = documents_page(client, opd_a).content.decode()
    assert "SOP Pelayanan KTP" in html and "Renstra 2021-2026" in html
    assert "SOP milik Beta" not in html and "Nota internal" not in html
    assert "3 dokumen" in html
    assert "Nomor 800/12/2025" in html and "Langkah pelayanan KTP-el." in html
    assert ">PDF</abbr>, " in html and ">CSV</abbr>, " in html
    assert "bita" in html or "bytes" in html  # file size, humanised

    sop = documents_page(client, opd_a, kategori="sop").content.decode()
    assert "SOP Pelayanan KTP" in sop and "Renstra 2021" not in sop and "Daftar hadir" not in sop
    year_2021 = documents_page(client, opd_a, tahun="2021").content.decode()
    assert "Renstra 2021-2026" in year_2021 and "SOP Pelayanan KTP" not in year_2021
    assert '<option value="2021"' in year_2021  # years offered are those of the documents
    assert documents_page(client, opd_a, kategori="x", tahun="y").status_code == 200

    # The portal gathers every OPD's public documents and names the OPD of each.
    portal = client.get("/dokumen/", HTTP_HOST=portal_host).content.decode()
    assert "SOP milik Beta" in portal and "SOP Pelayanan KTP" in portal
    assert "Dinas Beta" in portal and "Nota internal" not in portal


def test_list_paginates_with_filters_kept(client, opd_a):
    for i in range(23):
        add_document(
            opd_a, f"Laporan bulanan {i}", name="l.csv", data=b"a\n", category="laporan", year=2024
        )
    first = documents_page(client, opd_a, kategori="laporan").content.decode()
    assert first.count('class="doc-item"') == 20
    assert 'href="?kategori=laporan&amp;page=2"' in first
    second = documents_page(client, opd_a, kategori="laporan", page=2).content.decode()
    assert second.count('class="doc-item"') == 3


def test_downloads_are_counted_and_shown(client, opd_a):
    document = add_document(opd_a, "Maklumat Pelayanan", category="maklumat", year=2026)
    for _ in range(2):
        response = client.get(document.url, HTTP_HOST=opd_a.hostname)
        assert response.status_code == 200
        b"".join(response.streaming_content)
    document.refresh_from_db()
    assert document.download_count == 2
    assert "diunduh 2 kali" in documents_page(client, opd_a).content.decode()


def test_documents_are_served_safely(client, opd_a, operator_a, client_as):
    pdf = add_document(opd_a, "Peraturan", year=2026)
    response = client.get(pdf.url, HTTP_HOST=opd_a.hostname)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"

    # Markup smuggled into an allowed type is downloaded, never rendered in the site's origin.
    text = add_document(opd_a, "Catatan", name="catatan.txt", data=b"<script>alert(1)</script>")
    response = client.get(text.url, HTTP_HOST=opd_a.hostname)
    assert response["Content-Disposition"].startswith("attachment")
    assert response["Content-Type"].startswith("text/plain")
    assert response["X-Content-Type-Options"] == "nosniff"

    # Internal documents do not exist for the public; their OPD's staff can open them.
    internal = add_document(opd_a, "Internal", year=2026, is_public=False)
    assert client.get(internal.url, HTTP_HOST=opd_a.hostname).status_code == 404
    internal.refresh_from_db()
    assert internal.download_count == 0
    staff = client_as(operator_a).get(internal.url, HTTP_HOST=opd_a.hostname)
    assert staff.status_code == 200


def test_uploading_html_or_svg_is_refused(client_as, operator_a, opd_a):
    client = client_as(operator_a)
    for name, data in (
        ("a.html", b"<html><script>alert(1)</script></html>"),
        ("a.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>"),
        ("a.pdf", b"<html><body>bukan pdf</body></html>"),
    ):
        response = client.post(
            reverse("wagtaildocs:add"),
            {
                "title": name,
                "file": SimpleUploadedFile(name, data),
                "collection": opd_a.collection_id,
                "category": "lainnya",
                "year": 2026,
            },
        )
        assert response.status_code == 200  # the form again, with an error
        assert not BalaiDocument.objects.filter(title=name).exists()


def test_uploaded_pdf_text_is_extracted_by_the_worker_and_searchable(
    client_as, operator_a, opd_a, client, run_tasks, make_opd
):
    client = client_as(operator_a)
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Standar Pelayanan Perizinan",
            "file": SimpleUploadedFile("sp.pdf", make_pdf("Retribusi menara telekomunikasi")),
            "collection": opd_a.collection_id,
            "category": "sop",
            "year": 2026,
            "description": "Standar pelayanan izin.",
            "is_public": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document = BalaiDocument.objects.get(title="Standar Pelayanan Perizinan")
    assert document.extracted_text == ""  # not read in the request
    run_tasks()
    document.refresh_from_db()
    assert "Retribusi menara telekomunikasi" in document.extracted_text

    client.logout()
    html = client.get("/cari/", {"q": "menara"}, HTTP_HOST=opd_a.hostname).content.decode()
    assert "Standar Pelayanan Perizinan" in html
    assert "<mark>menara</mark> telekomunikasi" in html
    assert "Berkas PDF" in html
    # Another OPD's search finds it only when asked to search all OPDs.
    beta = make_opd("beta")
    assert (
        "Standar Pelayanan Perizinan"
        not in client.get("/cari/", {"q": "menara"}, HTTP_HOST=beta.hostname).content.decode()
    )
    assert (
        "Standar Pelayanan Perizinan"
        in client.get(
            "/cari/", {"q": "menara", "opd": "semua"}, HTTP_HOST=beta.hostname
        ).content.decode()
    )


def test_list_query_count_does_not_grow_with_documents_shown(client, opd_a, opd_b, portal_host):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count() -> int:
        with CaptureQueriesContext(connection) as ctx:
            assert client.get("/dokumen/", HTTP_HOST=portal_host).status_code == 200
        return len(ctx.captured_queries)

    for opd in (opd_a, opd_b):
        add_document(opd, f"Laporan {opd.slug}", name="l.csv", data=b"a\n", year=2024)
    count()  # warm caches
    few = count()
    for i in range(12):
        add_document(
            opd_a if i % 2 else opd_b, f"Laporan {i}", name="l.csv", data=b"a\n", year=2020 + i % 5
        )
    count()  # new documents invalidate the cached site identity and menu: warm them again
    assert count() == few


def test_documents_created_outside_the_admin_are_measured_when_stored_not_when_listed(
    client, opd_a
):
    document = BalaiDocument(title="Data tanpa ukuran", collection=opd_a.collection, year=2026)
    document.file.save("data.csv", ContentFile(b"a,b\n1,2\n"), save=False)
    document.save()
    document.refresh_from_db()
    assert document.file_size == 8
    assert document.file_hash
    BalaiDocument.objects.filter(pk=document.pk).update(file_size=None)  # an older row
    with CaptureQueriesContext(connection) as queries:
        html = documents_page(client, opd_a).content.decode()
    assert ">CSV</abbr>" in html
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith("UPDATE")]
    assert writes == []  # rendering a list writes nothing


def test_worker_reads_pdf_pages_docx_and_xlsx_and_marks_scans_and_broken_files(opd_a, run_tasks):
    from balai.search.tests import files

    pages = add_document(
        opd_a, "Perda", data=files.pdf(["Bab satu: ketentuan umum.", "Bab dua: retribusi."])
    )
    scan = add_document(opd_a, "Pindaian", data=files.pdf(["", "", ""]))
    broken = add_document(opd_a, "Rusak", data=b"%PDF-1.4 bukan pdf sungguhan")
    docx = files.docx(["Rapat koordinasi."], [["Hadir", "12 orang"]])
    word = add_document(opd_a, "Notulen", name="notulen.docx", data=docx)
    xlsx = files.xlsx({"Januari": [["Kecamatan", "Jumlah"], ["Utara", 7]]})
    sheet = add_document(opd_a, "Rekap", name="rekap.xlsx", data=xlsx)
    image = add_document(opd_a, "Foto", name="foto.png", data=b"\x89PNG\r\n\x1a\n")
    run_tasks()
    for document in (pages, scan, broken, word, sheet, image):
        document.refresh_from_db()
    assert pages.extracted_text == "Bab satu: ketentuan umum. Bab dua: retribusi."
    assert pages.text_page_starts == [0, 26] and pages.text_status == "ok"
    assert scan.extracted_text == "" and scan.get_text_status_display().startswith("hasil pindaian")
    assert broken.text_status == "error"
    assert word.extracted_text == "Rapat koordinasi. Hadir 12 orang" and word.text_status == "ok"
    assert sheet.extracted_text == "Januari Kecamatan Jumlah Utara 7"
    assert image.text_status == "" and image.extracted_text == ""  # not read at all
