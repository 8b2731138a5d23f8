"""Uploads are judged by their bytes: disguised programs, HTML, SVG and bombs are refused, through
the admin, and nothing of a refused file is stored."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from balai.documents.models import BalaiDocument
from balai.images.models import BalaiImage

pytestmark = pytest.mark.django_db


def png_bytes(size=(40, 30), exif_gps: bool = False, fmt: str = "PNG") -> bytes:
    img = Image.new("RGB", size, (200, 30, 30))
    out = io.BytesIO()
    if exif_gps:
        exif = Image.Exif()
        exif[0x8825] = {1: "S", 2: (0.0, 57.0, 0.0)}  # GPSInfo
        exif[0x010F] = "KameraUji"  # Make
        img.save(out, format="JPEG", exif=exif)
    else:
        img.save(out, format=fmt)
    return out.getvalue()


def pdf_bytes(text: str = "Laporan") -> bytes:
    from weasyprint import HTML

    return HTML(string=f"<p>{text}</p>").write_pdf()


def docx_bytes() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def zip_bomb() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"0" * (250 * 1024 * 1024))
    return out.getvalue()


def media_files(settings) -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def upload_document(client, collection, name: str, data: bytes):
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Uji",
            "file": SimpleUploadedFile(name, data),
            "collection": collection.pk,
            "category": "lainnya",
            "year": 2026,
            "is_public": "on",
        },
    )


def upload_image(client, collection, name: str, data: bytes, keep=False):
    post = {"title": "Foto", "file": SimpleUploadedFile(name, data), "collection": collection.pk}
    if keep:
        post["keep_metadata"] = "on"
    return client.post(reverse("wagtailimages:add"), post)


REFUSED_DOCUMENTS = [
    ("laporan.pdf", b"MZ\x90\x00\x03\x00\x00\x00" + b"\x00" * 200, "program"),
    ("laporan.pdf", b"<html><body><script>alert(1)</script></body></html>", "HTML"),
    ("gambar.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
     "HTML, SVG"),
    ("shell.php.pdf", b"<?php system($_GET['c']); ?>", "skrip"),
    ("skrip.txt", b"#!/bin/sh\nrm -rf /\n", "program"),
    ("aktif.pdf", b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >>"
     b"\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF", "skrip"),
    ("kosong.pdf", b"", "kosong"),
]  # fmt: skip


@pytest.mark.parametrize(("name", "data", "reason"), REFUSED_DOCUMENTS)
def test_dangerous_documents_are_refused_and_nothing_is_stored(
    client_as, admin_a, opd_a, settings, name, data, reason
):
    client = client_as(admin_a)
    response = upload_document(client, opd_a.collection, name, data)
    assert response.status_code == 200  # the form again, with the error
    assert reason.lower() in response.content.decode().lower()
    assert BalaiDocument.objects.count() == 0
    assert media_files(settings) == []


def test_zip_bomb_disguised_as_docx_is_refused(client_as, admin_a, opd_a, settings):
    response = upload_document(client_as(admin_a), opd_a.collection, "rencana.docx", zip_bomb())
    assert "bom zip" in response.content.decode().lower()
    assert BalaiDocument.objects.count() == 0


def test_pdf_named_as_word_file_is_refused(client_as, admin_a, opd_a):
    response = upload_document(client_as(admin_a), opd_a.collection, "sop.docx", pdf_bytes())
    assert "tidak sesuai dengan isinya" in response.content.decode()
    assert BalaiDocument.objects.count() == 0


@pytest.mark.parametrize(("name", "maker"), [("sop.pdf", pdf_bytes), ("renja.docx", docx_bytes)])
def test_real_documents_are_accepted_under_a_normalised_name(
    client_as, admin_a, opd_a, name, maker
):
    response = upload_document(client_as(admin_a), opd_a.collection, "../../" + name, maker())
    assert response.status_code == 302
    doc = BalaiDocument.objects.get()
    assert doc.collection == opd_a.collection
    assert ".." not in doc.file.name and doc.file.name.endswith(name)


def test_double_extension_is_dropped(client_as, admin_a, opd_a):
    upload_document(client_as(admin_a), opd_a.collection, "Berita.php.pdf", pdf_bytes())
    assert BalaiDocument.objects.get().file.name.endswith("/berita.pdf")


def test_image_with_appended_script_is_refused(client_as, operator_a, opd_a, settings):
    polyglot = png_bytes() + b"<?php system($_GET['c']); ?><script>alert(1)</script>"
    response = upload_image(client_as(operator_a), opd_a.collection, "foto.png", polyglot)
    assert "skrip" in response.content.decode().lower()
    assert BalaiImage.objects.count() == 0
    assert media_files(settings) == []


def test_pdf_disguised_as_image_is_refused(client_as, operator_a, opd_a):
    response = upload_image(client_as(operator_a), opd_a.collection, "foto.jpg", pdf_bytes())
    assert response.status_code == 200
    assert BalaiImage.objects.count() == 0


def test_gps_is_stripped_from_photos_unless_kept(client_as, operator_a, opd_a):
    client = client_as(operator_a)
    assert (
        upload_image(client, opd_a.collection, "a.jpg", png_bytes(exif_gps=True)).status_code == 302
    )
    stripped = BalaiImage.objects.get()
    with stripped.file.open() as fh, Image.open(fh) as img:
        assert not img.getexif().get_ifd(0x8825)
        assert img.getexif().get(0x010F) is None
    assert (
        upload_image(
            client, opd_a.collection, "b.jpg", png_bytes(exif_gps=True), keep=True
        ).status_code
        == 302
    )
    kept = BalaiImage.objects.exclude(pk=stripped.pk).get()
    with kept.file.open() as fh, Image.open(fh) as img:
        assert img.getexif().get(0x010F) == "KameraUji"


def test_internal_documents_are_not_served_to_the_public(client, client_as, admin_a, opd_a):
    upload_document(client_as(admin_a), opd_a.collection, "uji.pdf", pdf_bytes())
    doc = BalaiDocument.objects.get()
    doc.is_public = False
    doc.save()
    client.logout()
    assert client.get(doc.url).status_code == 404
    assert client_as(admin_a).get(doc.url).status_code == 200


def test_public_document_downloads_are_counted_and_not_html(client, client_as, admin_a, opd_a):
    upload_document(client_as(admin_a), opd_a.collection, "uji.pdf", pdf_bytes())
    client.logout()
    doc = BalaiDocument.objects.get()
    response = client.get(doc.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "default-src 'none'" in response["Content-Security-Policy"]
    doc.refresh_from_db()
    assert doc.download_count == 1


def gif_animation(frames: int = 3) -> bytes:
    out = io.BytesIO()
    images = [Image.new("RGB", (40, 30), (80 * i, 40, 200 - 60 * i)) for i in range(frames)]
    images[0].save(out, format="GIF", save_all=True, append_images=images[1:], duration=100)
    return out.getvalue()


def noisy_jpeg(size=(160, 120)) -> bytes:
    out = io.BytesIO()
    Image.effect_noise(size, 60).convert("RGB").save(out, format="JPEG", quality=95)
    return out.getvalue()


def jpeg_js_polyglot() -> bytes:
    """The classic JPEG/JS polyglot: the APP0 length is "/*" (12074 bytes) so the script fits in
    the segment; on a small picture that segment runs past the end of the file."""
    script = b"*/=alert(document.domain);/*"
    return (
        b"\xff\xd8\xff\xe0/*JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
        + script
        + noisy_jpeg()[20:]
    )


BROKEN_IMAGES = {
    # Wagtail's own frame count decodes every frame; a damaged later frame raised OSError (500).
    "animated GIF cut short": ("animasi.gif", gif_animation()[:-5]),
    "JPEG/JS polyglot": ("foto.jpg", jpeg_js_polyglot()),
    # Headers intact, pixel data cut: passes verify(), fails when a thumbnail is made.
    "JPEG with its pixels cut": ("foto.jpg", noisy_jpeg()[: len(noisy_jpeg()) * 2 // 3]),
}


@pytest.mark.parametrize("keep", [False, True], ids=["stripped", "kept"])
@pytest.mark.parametrize("case", list(BROKEN_IMAGES))
def test_broken_and_polyglot_images_are_form_errors_not_500(
    client_as, operator_a, opd_a, settings, case, keep
):
    name, data = BROKEN_IMAGES[case]
    client = client_as(operator_a)
    client.raise_request_exception = False
    response = upload_image(client, opd_a.collection, name, data, keep=keep)
    assert response.status_code == 200
    assert "Berkas gambar rusak" in response.content.decode()
    assert BalaiImage.objects.count() == 0
    assert media_files(settings) == []


def test_broken_gif_through_the_multiple_uploader_is_refused(client_as, operator_a, opd_a):
    client = client_as(operator_a)
    client.raise_request_exception = False
    response = client.post(
        reverse("wagtailimages:add_multiple"),
        {
            "files[]": SimpleUploadedFile("animasi.gif", gif_animation()[:-5]),
            "collection": opd_a.collection.pk,
        },
    )
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is False
    assert "Berkas gambar rusak" in body["error_message"]
    assert BalaiImage.objects.count() == 0


def test_sound_gif_animation_is_accepted_with_its_frames(client_as, operator_a, opd_a):
    response = upload_image(client_as(operator_a), opd_a.collection, "animasi.gif", gif_animation())
    assert response.status_code == 302
    image = BalaiImage.objects.get()
    with image.file.open() as fh, Image.open(fh) as img:
        assert img.format == "GIF" and img.n_frames == 3
