"""Strip EXIF/XMP (GPS position) from photos stored before uploads were cleaned (issue 12, point 4):
image documents and aspirasi attachments. Idempotent; --dry-run lists what would change."""

from __future__ import annotations

import io

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.documents import get_document_model

from balai.aspirasi.models import Ticket
from balai.core.metadata import strip_image_metadata

PHOTO_EXTENSIONS = ("jpg", "jpeg", "png", "webp", "gif")


def _has_metadata(data: bytes) -> bool:
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as img:
            return bool(dict(img.getexif())) or "xmp" in img.info or "comment" in img.info
    except (UnidentifiedImageError, OSError):
        return False


def _rewrite(field_file, dry_run: bool) -> bool:
    """Replace the stored file by its stripped copy (a new name; the old file is deleted)."""
    with field_file.open("rb") as handle:
        data = handle.read()
    field_file.close()
    if not _has_metadata(data):
        return False
    if dry_run:
        return True
    old = field_file.name
    basename = old.rsplit("/", 1)[-1]
    clean = strip_image_metadata(ContentFile(data, name=basename))
    field_file.save(basename, clean, save=False)
    field_file.storage.delete(old)
    return True


class Command(BaseCommand):
    help = "Hapus metadata EXIF/XMP (lokasi GPS) dari foto dokumen dan lampiran aspirasi."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true")

    def handle(self, *args, dry_run=False, **options):
        documents = tickets = 0
        Document = get_document_model()
        for document in Document.objects.all().iterator():
            if document.file_extension.lower() not in PHOTO_EXTENSIONS:
                continue
            if _rewrite(document.file, dry_run):
                documents += 1
                if not dry_run:
                    document._set_document_file_metadata()
                    document.save(update_fields=["file", "file_size", "file_hash"])
        for ticket in Ticket.objects.exclude(attachment="").iterator():
            if ticket.attachment.name.rsplit(".", 1)[-1].lower() not in PHOTO_EXTENSIONS:
                continue
            if _rewrite(ticket.attachment, dry_run):
                tickets += 1
                if not dry_run:
                    ticket.save(update_fields=["attachment"])
        verb = "perlu dibersihkan" if dry_run else "dibersihkan"
        self.stdout.write(f"{documents} dokumen dan {tickets} lampiran aspirasi {verb}.")
