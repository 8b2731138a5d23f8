"""The two ways in: the admin (upload → dry run → import, in the worker) and the command."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from wagtail.models import Page

from balai.content.models import BeritaPage
from balai.migrasi.models import ImportedItem, WordPressImport

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "wordpress-export.xml"

pytestmark = pytest.mark.django_db


def uploads_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        for path in (FIXTURES / "uploads").rglob("*"):
            if path.is_file():
                zf.write(path, "uploads/" + str(path.relative_to(FIXTURES / "uploads")))
    return buffer.getvalue()


def test_opd_admin_uploads_reads_dry_run_and_imports(
    settings, tmp_path, admin_a, opd_a, opd_b, client_as, run_tasks
):
    settings.BALAI_WP_IMPORT_DIR = tmp_path / "wp-imports"
    client = client_as(admin_a)
    page = client.get("/admin/impor-wordpress/")
    assert page.status_code == 200
    assert "Dinas Alfa" in page.content.decode() and "Dinas Beta" not in page.content.decode()
    pages = Page.objects.count()
    response = client.post(
        "/admin/impor-wordpress/",
        {
            "opd": opd_a.pk,
            "pengumuman_category": "Pengumuman",
            "export": SimpleUploadedFile("export.xml", EXPORT.read_bytes()),
            "uploads": SimpleUploadedFile("uploads.zip", uploads_zip()),
        },
    )
    job = WordPressImport.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{job.pk}/")
    assert job.status == "queued"
    waiting = client.get(f"/admin/impor-wordpress/{job.pk}/").content.decode()
    assert "menunggu antrean" in waiting and 'http-equiv="refresh"' in waiting
    run_tasks()
    job.refresh_from_db()
    assert job.status == "checked", job.error
    assert job.processed == job.total == 21  # 20 items + one in the trash
    assert Page.objects.count() == pages  # the dry run stored nothing
    report = client.get(f"/admin/impor-wordpress/{job.pk}/").content.decode()
    assert "Laporan uji coba" in report and "contact-form-7" in report
    assert "Jalankan impor" in report
    assert "<td>dibuat</td><td>tulisan</td>" in report
    client.post(f"/admin/impor-wordpress/{job.pk}/")
    run_tasks()
    job.refresh_from_db()
    assert job.status == "done" and job.report["counts"]["created"] == 20
    assert BeritaPage.objects.descendant_of(opd_a.root_page).live().count() == 3
    assert (
        ImportedItem.objects.filter(opd=opd_a, kind="attachment").exclude(image=None).count() == 5
    )


def test_operators_and_other_opds_admins_cannot_import(
    settings, tmp_path, operator_a, make_user, opd_a, opd_b, client_as
):
    settings.BALAI_WP_IMPORT_DIR = tmp_path / "wp-imports"
    refused = client_as(operator_a).get("/admin/impor-wordpress/")
    assert refused.status_code == 302 and refused["Location"] == "/admin/"  # Wagtail's "no access"
    admin_b = make_user("admin-beta", opd_b, role="admin")
    client = client_as(admin_b)
    response = client.post(
        "/admin/impor-wordpress/",
        {
            "opd": opd_a.pk,
            "export": SimpleUploadedFile("export.xml", EXPORT.read_bytes()),
        },
    )
    assert response.status_code == 200 and not WordPressImport.objects.exists()
    job = WordPressImport.objects.create(opd=opd_a, export_path=str(EXPORT))
    assert client.get(f"/admin/impor-wordpress/{job.pk}/").status_code == 404


def test_not_an_export_is_refused_with_a_message(settings, tmp_path, kominfo, opd_a, client_as):
    settings.BALAI_WP_IMPORT_DIR = tmp_path / "wp-imports"
    response = client_as(kominfo).post(
        "/admin/impor-wordpress/",
        {
            "opd": opd_a.pk,
            "export": SimpleUploadedFile("export.xml", b"%PDF-1.4 bukan xml"),
            "uploads": SimpleUploadedFile("uploads.zip", b"bukan zip"),
        },
    )
    text = response.content.decode()
    assert "Ini bukan berkas ekspor WordPress" in text and "harus berupa ZIP" in text
    assert not WordPressImport.objects.exists()


def test_a_hostile_export_fails_in_the_worker_with_a_clear_message(
    settings, tmp_path, kominfo, opd_a, client_as, run_tasks
):
    settings.BALAI_WP_IMPORT_DIR = tmp_path / "wp-imports"
    bomb = b"""<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa">
<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss><channel><title>&b;</title></channel></rss>"""
    client = client_as(kominfo)
    client.post(
        "/admin/impor-wordpress/",
        {
            "opd": opd_a.pk,
            "export": SimpleUploadedFile("export.xml", bomb),
        },
    )
    run_tasks()
    job = WordPressImport.objects.get()
    assert job.status == "failed" and "entitas" in job.error
    page = client.get(f"/admin/impor-wordpress/{job.pk}/").content.decode()
    assert "gagal" in page and "Jalankan impor" not in page


def test_command_dry_run_then_import(opd_a):
    out = io.StringIO()
    call_command(
        "import_wordpress",
        str(EXPORT),
        "--opd",
        opd_a.slug,
        "--uploads",
        str(FIXTURES / "uploads"),
        "--dry-run",
        stdout=out,
    )
    text = out.getvalue()
    assert "UJI COBA" in text and "20 dibuat" in text and "contact-form-7" in text
    assert not ImportedItem.objects.exists()
    out = io.StringIO()
    call_command(
        "import_wordpress",
        str(EXPORT),
        "--opd",
        opd_a.slug,
        "--uploads",
        str(FIXTURES / "uploads"),
        stdout=out,
    )
    assert "20 dibuat" in out.getvalue()
    with pytest.raises(CommandError, match="tidak ada"):
        call_command("import_wordpress", str(EXPORT), "--opd", "tidak-ada")
