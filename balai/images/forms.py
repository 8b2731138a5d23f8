"""Image upload form: content validation, alt text required, EXIF/GPS stripped unless kept."""

from __future__ import annotations

import io

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from balai.core.uploads import IMAGE_KINDS, validate_upload


def strip_metadata(upload: UploadedFile) -> UploadedFile:
    """Re-encode an image without EXIF (GPS position, camera serials) and with upright pixels.

    Re-encoding also drops anything appended after the image data.
    """
    from PIL import Image, ImageOps

    upload.seek(0)
    with Image.open(upload) as img:
        fmt = img.format
        if fmt == "GIF":  # animations would be lost; GIFs carry no EXIF
            upload.seek(0)
            return upload
        img = ImageOps.exif_transpose(img)
        out = io.BytesIO()
        params = {"quality": 90, "optimize": True} if fmt in ("JPEG", "WEBP") else {}
        if fmt == "JPEG" and img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        img.save(out, format=fmt, **params)
    size = out.tell()
    out.seek(0)
    return InMemoryUploadedFile(out, "file", upload.name, upload.content_type, size, None)


class BalaiImageForm(BaseImageForm):
    keep_metadata = forms.BooleanField(
        label=_("Pertahankan metadata foto (EXIF, termasuk lokasi GPS)"),
        required=False,
        help_text=_("Biarkan tidak dicentang: lokasi dan data kamera dihapus sebelum disimpan."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields:
            self.fields["description"].label = _("Teks alternatif (alt)")
            self.fields["description"].help_text = _(
                "Jelaskan isi gambar untuk pembaca layar, misalnya "
                "'Kepala dinas meresmikan puskesmas keliling'. Dipakai bila halaman tidak "
                "menulis teks alternatifnya sendiri."
            )

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_upload(upload, IMAGE_KINDS, settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
            if not self.data.get(self.add_prefix("keep_metadata")):
                upload = strip_metadata(upload)
        return upload
