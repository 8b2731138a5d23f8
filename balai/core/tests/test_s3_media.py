"""Media on S3-compatible storage, end to end against a local S3 emulator (moto in server mode on
a loopback port): uploads through the admin, renditions served from the bucket, documents through
Balai's /documents/ view, PDF text read by the worker (issue 11, point 6)."""

from __future__ import annotations

import io
import json
import re
import urllib.error
import urllib.request
import uuid

import boto3
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from balai.documents.models import BalaiDocument
from balai.documents.tests.pdf import make_pdf
from balai.images.models import BalaiImage

pytestmark = pytest.mark.django_db
ACCESS_KEY, SECRET_KEY, REGION = "balai-uji", "balai-uji-rahasia", "us-east-1"


@pytest.fixture(scope="module")
def s3_endpoint():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def s3_media(s3_endpoint, settings):
    return s3_bucket(s3_endpoint, settings)


def s3_bucket(s3_endpoint, settings):
    """Default storage in a fresh bucket of the emulator, configured as ``S3_*`` variables
    configure it (see test_s3_settings_come_from_the_environment)."""
    bucket = f"balai-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )
    client.create_bucket(Bucket=bucket)
    # The bucket policy the README asks for: image renditions public, everything else private.
    policy = (settings.BASE_DIR / "deploy" / "s3-bucket-policy.json").read_text()
    client.put_bucket_policy(Bucket=bucket, Policy=policy.replace("BALAI_BUCKET", bucket))
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": S3_BACKEND}}
    for name, value in s3_settings(bucket, s3_endpoint).items():
        setattr(settings, name, value)

    class S3:
        endpoint = s3_endpoint

        @staticmethod
        def object_keys() -> list[str]:
            listing = client.list_objects_v2(Bucket=bucket)
            return sorted(item["Key"] for item in listing.get("Contents", []))

        @staticmethod
        def get(key: str) -> bytes:
            return client.get_object(Bucket=bucket, Key=key)["Body"].read()

    S3.bucket = bucket
    return S3


S3_BACKEND = "storages.backends.s3.S3Storage"


def s3_settings(bucket: str, endpoint: str) -> dict:
    return {
        "AWS_STORAGE_BUCKET_NAME": bucket,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": ACCESS_KEY,
        "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        "AWS_S3_CUSTOM_DOMAIN": None,
        "AWS_DEFAULT_ACL": None,
        "AWS_QUERYSTRING_AUTH": False,
        "AWS_S3_FILE_OVERWRITE": False,
    }


def test_s3_settings_come_from_the_environment():
    from balai.core.tests.test_health_and_settings import _settings_in_subprocess

    endpoint = "http://127.0.0.1:9000"
    names = list(s3_settings("b", endpoint))
    out = _settings_in_subprocess(
        {
            "SECRET_KEY": "x" * 50,
            "S3_BUCKET": "media-kota",
            "S3_ENDPOINT_URL": endpoint,
            "S3_REGION": REGION,
            "S3_ACCESS_KEY_ID": ACCESS_KEY,
            "S3_SECRET_ACCESS_KEY": SECRET_KEY,
        },
        "[settings.STORAGES['default'], " + ", ".join(f"settings.{n}" for n in names) + "]",
    )
    assert json.loads(out) == [
        {"BACKEND": S3_BACKEND},
        *s3_settings("media-kota", endpoint).values(),
    ]


def anonymous_status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def jpeg(colour=(20, 120, 60)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (900, 600), colour).save(out, "JPEG")
    return out.getvalue()


def test_media_on_s3_end_to_end(s3_media, client, client_as, admin_a, opd_a, run_tasks, settings):
    from balai.content.tests.factories import news

    staff = client_as(admin_a)
    # An operator uploads a photo and a PDF in the admin; both land in the bucket.
    response = staff.post(
        reverse("wagtailimages:add"),
        {
            "title": "Posyandu",
            "collection": opd_a.collection.pk,
            "file": SimpleUploadedFile("posyandu.jpg", jpeg()),
        },
    )
    assert response.status_code == 302
    pdf = make_pdf("Jadwal imunisasi kelurahan Sukamaju")
    response = staff.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Jadwal imunisasi",
            "collection": opd_a.collection.pk,
            "category": "laporan",
            "year": 2026,
            "is_public": "on",
            "file": SimpleUploadedFile("jadwal.pdf", pdf),
        },
    )
    assert response.status_code == 302
    image, document = BalaiImage.objects.get(), BalaiDocument.objects.get()
    assert s3_media.object_keys() == sorted([image.file.name, document.file.name])
    assert s3_media.get(document.file.name) == pdf
    assert not any(path.is_file() for path in settings.MEDIA_ROOT.rglob("*"))  # nothing on disk

    # The worker reads the PDF from the bucket; search finds its text.
    run_tasks()
    document.refresh_from_db()
    assert "imunisasi kelurahan Sukamaju" in document.extracted_text
    found = client.get("/cari/", {"q": "Sukamaju"}, HTTP_HOST=opd_a.hostname).content.decode()
    assert "Jadwal imunisasi" in found

    # A public article shows the photo; its rendition is generated into the bucket and the
    # browser loads it from there.
    news(opd_a, "Posyandu keliling", featured_image=image, featured_image_alt="Kader posyandu")
    page = client.get("/berita/posyandu-keliling/", HTTP_HOST=opd_a.hostname)
    assert page.status_code == 200
    urls = re.findall(
        re.escape(s3_media.endpoint) + r"/" + s3_media.bucket + r"/images/[^\s\"',]+",
        page.content.decode(),
    )
    assert urls, "no rendition URL of the bucket in the page"
    with urllib.request.urlopen(urls[0], timeout=10) as served:  # noqa: S310 - loopback
        assert served.status == 200
        with Image.open(io.BytesIO(served.read())) as rendition:
            assert rendition.width <= 1200
    assert any(key.startswith("images/") for key in s3_media.object_keys())
    # Originals and documents are not public in the bucket: only Balai serves them.
    for key in (image.file.name, document.file.name):
        assert anonymous_status(f"{s3_media.endpoint}/{s3_media.bucket}/{key}") == 403

    # The document is downloaded through Balai (its checks, its headers, its counter), with the
    # bytes from the bucket; an internal document stays hidden from the public.
    client.logout()
    response = client.get(document.url, HTTP_HOST=opd_a.hostname)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    document.refresh_from_db()
    assert document.download_count == 1
    document.is_public = False
    document.save()
    assert client.get(document.url, HTTP_HOST=opd_a.hostname).status_code == 404
    staff = client_as(admin_a)  # the same test client, logged in again
    assert staff.get(document.url, HTTP_HOST=opd_a.hostname).status_code == 200


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_carries_the_bucket_and_restores_it_into_an_empty_one(
    s3_endpoint, settings, tmp_path
):
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage

    from balai.core.backup import create_backup, restore_backup

    first = s3_bucket(s3_endpoint, settings)
    files = {
        "documents/renstra.pdf": make_pdf("Renstra"),
        "original_images/foto.jpg": jpeg(),
        "images/foto.width-480.jpg": jpeg((1, 2, 3)),
        "aspirasi/2026/12/lampiran.pdf": make_pdf("Lampiran"),
    }
    for name, data in files.items():
        assert default_storage.save(name, ContentFile(data)) == name
    summary = create_backup(tmp_path / "cadangan.tar.gz")
    assert summary.media_files == len(files)

    second = s3_bucket(s3_endpoint, settings)  # the new machine's empty bucket
    restore_backup(summary.path, media_only=True)  # a lost bucket; the database is fine
    assert second.object_keys() == first.object_keys() == sorted(files)
    assert all(second.get(name) == data for name, data in files.items())
