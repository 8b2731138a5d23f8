"""Backup and restore (issue 12, point 6): an archive made by ``manage.py backup`` restores onto an
empty database and empty media with the same pages, document bytes, PPID requests, tickets and
SMS records; a restore never overwrites a database that is not empty unless forced."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from balai.core.tests.scratch_db import scratch_postgres
from balai.documents.models import BalaiDocument

PHONE = "+6281298765432"


def _sha(fieldfile) -> str:
    with fieldfile.open("rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def fingerprint() -> dict:
    """What an operator would check after a restore, as plain JSON-able values."""
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from balai.aspirasi.models import Ticket
    from balai.ppid.models import Lampiran, Permohonan
    from balai.sms.models import InboundSMS, OutboundSMS

    image_model = get_image_model()
    data = {
        "pages": [
            [p.pk, p.title, p.url_path, p.live, p.latest_revision_id]
            for p in Page.objects.order_by("pk")
        ],
        "documents": [
            [d.pk, d.title, d.is_public, d.extracted_text, _sha(d.file)]
            for d in BalaiDocument.objects.order_by("pk")
        ],
        "images": [[i.pk, i.title, _sha(i.file)] for i in image_model.objects.order_by("pk")],
        "renditions": [
            [r.filter_spec, _sha(r.file)]
            for r in image_model.get_rendition_model().objects.order_by("pk")
        ],
        "ppid": [
            [p.nomor, p.status, p.nama, p.nik, p.tenggat.isoformat(), p.keputusan, p.token]
            for p in Permohonan.objects.order_by("pk")
        ],
        "lampiran": [[x.nama, _sha(x.berkas)] for x in Lampiran.objects.order_by("pk")],
        "tickets": [
            [
                t.number,
                t.channel,
                t.text,
                t.status,
                t.phone,
                t.tenggat.isoformat(),
                t.events.count(),
            ]
            for t in Ticket.objects.order_by("pk")
        ],
        "sms_in": [
            [m.phone, m.text, m.status, m.gateway_id, m.ticket_number]
            for m in InboundSMS.objects.order_by("pk")
        ],
        "sms_out": [
            [m.phone, m.text, m.status, m.dedupe_key] for m in OutboundSMS.objects.order_by("pk")
        ],
    }
    return json.loads(json.dumps(data))


def served(host: str) -> dict:
    """The restored site as a reader sees it: the article with its photo, the PDF's bytes."""
    from django.test import Client

    client = Client()
    article = client.get("/berita/hari-jadi-kota/", HTTP_HOST=host)
    document = BalaiDocument.objects.get()
    download = client.get(document.url, HTTP_HOST=host)
    return {
        "article": [article.status_code, "Hari jadi kota" in article.content.decode()],
        "document": [
            download.status_code,
            hashlib.sha256(b"".join(download.streaming_content)).hexdigest(),
        ],
    }


def spoil() -> None:
    """What --force must repair: a ticket deleted, a document's file gone."""
    from balai.aspirasi.models import Ticket

    Ticket.objects.filter(channel="web").delete()
    document = BalaiDocument.objects.get()
    document.file.storage.delete(document.file.name)


def populate(opd) -> None:
    """A little of everything the archive must carry."""
    from balai.aspirasi.services import create_ticket
    from balai.content.tests.factories import make_image, news
    from balai.documents.tests.pdf import make_pdf
    from balai.ppid.services import answer, submit_request
    from balai.ppid.tests.conftest import pemohon
    from balai.sms.inbound import receive

    photo = make_image("Upacara hari jadi")
    news(opd, "Hari jadi kota", featured_image=photo, featured_image_alt="Upacara")
    document = BalaiDocument(title="Renstra 2026", collection=opd.collection)
    document.file.save("renstra.pdf", ContentFile(make_pdf("Rencana strategis")), save=False)
    document._set_document_file_metadata()
    document.save()
    request = submit_request(pemohon(), opd=opd)
    answer(
        request,
        keputusan="dipenuhi",
        jawaban="Terlampir.",
        lampiran=[SimpleUploadedFile("data-dbd.pdf", make_pdf("Kasus DBD 2025"))],
    )
    submit_request(pemohon(nama="Rudi Hartono", nik="1371011506900003"), opd=opd)
    create_ticket(channel="web", text="Trotoar rusak di Jl. Veteran", email="warga@example.id")
    create_ticket(channel="sms", text="Lampu jalan padam", phone=PHONE)
    receive("generic", PHONE, "LAPOR saluran air tersumbat", gateway_id="in-1")


def _target(tmp_path: Path):
    """An empty database of the suite's engine, and its URL; dropped afterwards (PostgreSQL)."""
    if not settings.IS_POSTGRES:
        return f"sqlite:///{tmp_path / 'dipulihkan.sqlite3'}", lambda: None
    return scratch_postgres("restore")


def _manage(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restores_onto_an_empty_installation_and_never_overwrites_by_mistake(
    opd_a, tmp_path
):
    populate(opd_a)
    before = fingerprint()
    assert before["lampiran"] and before["sms_in"] and before["sms_out"]
    assert before["renditions"] == []
    seen = served(opd_a.hostname)  # renders the article: its renditions now exist too
    before = fingerprint()
    assert before["renditions"] and seen["article"] == [200, True]

    archive = tmp_path / "cadangan" / "balai.tar.gz"
    call_command("backup", "--output", str(archive), verbosity=0)
    assert archive.stat().st_mode & 0o077 == 0  # personal data: readable by its owner only
    with tarfile.open(archive) as tar:
        names = tar.getnames()
    database_file = "database.pgdump" if settings.IS_POSTGRES else "database.sqlite3"
    assert names[:2] == ["manifest.json", database_file]
    document = BalaiDocument.objects.get()
    assert "media/" + document.file.name in names

    # A new machine: an empty database, empty media, the production settings.
    url, drop = _target(tmp_path)
    media = tmp_path / "media-baru"
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_"))},
        "DJANGO_SETTINGS_MODULE": "balai.settings.base",
        "SECRET_KEY": "restore-test",
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(media),
        "BALAI_HTTPS": "0",
    }
    check_env = {**env, "DJANGO_SETTINGS_MODULE": "balai.settings.test"}
    try:
        restored = _manage(env, "manage.py", "restore", str(archive))
        assert restored.returncode == 0, restored.stderr
        assert "Dipulihkan dari" in restored.stdout
        # Read it back, then spoil it (a lost ticket, a lost file) for the forced restore below.
        check = _manage(
            check_env,
            "-c",
            "import django, json; django.setup(); "
            "from balai.core.tests.test_backup import fingerprint, served, spoil; "
            f"print(json.dumps([fingerprint(), served({opd_a.hostname!r}), fingerprint()])); "
            "spoil()",
        )
        assert check.returncode == 0, check.stderr
        after, site, after_visit = json.loads(check.stdout.strip().splitlines()[-1])
        assert after == before
        assert site == seen
        assert after_visit == before  # renditions found in the restored media, not made again

        # The archive never overwrites a database by mistake; with --force it does.
        refused = _manage(env, "manage.py", "restore", str(archive))
        assert refused.returncode == 1
        assert "tidak kosong" in refused.stderr and "--force" in refused.stderr
        forced = _manage(env, "manage.py", "restore", "--force", str(archive))
        assert forced.returncode == 0, forced.stderr
        again = _manage(
            check_env,
            "-c",
            "import django, json; django.setup(); "
            "from balai.core.tests.test_backup import fingerprint; "
            "print(json.dumps(fingerprint()))",
        )
        assert again.returncode == 0, again.stderr
        assert json.loads(again.stdout.strip().splitlines()[-1]) == before
    finally:
        drop()
    with pytest.raises(CommandError, match="tidak kosong.*--force"):
        call_command("restore", str(archive))  # this test's own database is not empty either


@pytest.mark.django_db
def test_restore_refuses_what_is_not_a_balai_archive(tmp_path):
    bogus = tmp_path / "bukan.tar.gz"
    bogus.write_bytes(b"not a tar")
    with pytest.raises(CommandError, match="bukan arsip cadangan Balai"):
        call_command("restore", str(bogus))
    with pytest.raises(CommandError, match="Arsip tidak ditemukan"):
        call_command("restore", str(tmp_path / "tidak-ada.tar.gz"))
