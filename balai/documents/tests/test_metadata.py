"""A photo uploaded as a document loses its EXIF/XMP (GPS position) before it is stored."""

from __future__ import annotations

import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from balai.aspirasi import services
from balai.core.tests.photos import assert_no_metadata, gps_jpeg
from balai.documents.models import BalaiDocument
from balai.documents.tests.test_documents import add_document

pytestmark = pytest.mark.django_db


def test_jpeg_document_is_served_without_gps(client, client_as, operator_a, opd_a):
    original = gps_jpeg()
    with Image.open(io.BytesIO(original)) as img:  # the test photo does carry a position
        assert img.getexif().get_ifd(0x8825)[2] == (3.0, 35.0, 12.5)
    response = client_as(operator_a).post(
        reverse("wagtaildocs:add"),
        {
            "title": "Foto kegiatan",
            "file": SimpleUploadedFile("foto.jpg", original, "image/jpeg"),
            "collection": opd_a.collection_id,
            "category": "lainnya",
            "year": 2026,
        },
    )
    assert response.status_code == 302, response.content[:2000]
    document = BalaiDocument.objects.get(title="Foto kegiatan")
    with document.file.open("rb") as stored:
        assert_no_metadata(stored.read(), size=(20, 40))  # upright: rotated as EXIF said
    served = client.get(document.url, HTTP_HOST=opd_a.hostname)
    assert served.status_code == 200
    assert_no_metadata(b"".join(served.streaming_content), size=(20, 40))
    assert document.file_size == document.file.size  # the size is the stored file's


def test_photos_stored_before_are_cleaned_by_the_command(client, opd_a):
    """Files stored before uploads were cleaned: one command cleans them, and is idempotent."""
    document = add_document(opd_a, "Foto lama", name="lama.jpg", data=gps_jpeg())
    pdf = add_document(opd_a, "Peraturan")
    ticket = services.create_ticket(channel="web", opd=opd_a, text="Lampu mati")
    ticket.attachment.save("lama.jpg", ContentFile(gps_jpeg()))  # bypasses the cleaning
    out = io.StringIO()
    call_command("strip_photo_metadata", stdout=out)
    assert "1 dokumen dan 1 lampiran aspirasi dibersihkan" in out.getvalue()
    document.refresh_from_db()
    served = client.get(document.url, HTTP_HOST=opd_a.hostname)
    assert_no_metadata(b"".join(served.streaming_content), size=(20, 40))
    assert document.file_size == document.file.size
    ticket.refresh_from_db()
    with ticket.attachment.open("rb") as stored:
        assert_no_metadata(stored.read(), size=(20, 40))
    pdf_bytes = pdf.file.open("rb").read()
    out = io.StringIO()
    call_command("strip_photo_metadata", stdout=out)
    assert "0 dokumen dan 0 lampiran" in out.getvalue()
    pdf.refresh_from_db()
    assert pdf.file.open("rb").read() == pdf_bytes
