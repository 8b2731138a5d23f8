"""Personal metadata out of uploaded photos (issue 12, point 4; UU 27/2022 on personal data).

A phone photo carries its GPS position, the time it was taken and the camera's serial in EXIF and
XMP. Every photo a citizen or an officer uploads as a document or an aspirasi attachment is
re-encoded here without them, with the EXIF orientation applied to the pixels first so that the
picture still stands upright. Re-encoding also drops anything appended after the image data.
"""

from __future__ import annotations

import io

from django.core.files.uploadedfile import InMemoryUploadedFile, UploadedFile

# What a re-encoded image may keep: colour and display hints, nothing about the person or place.
KEPT_INFO = ("icc_profile", "dpi", "transparency", "duration", "loop", "background")
FORMATS = {"JPEG", "PNG", "WEBP", "GIF"}


def strip_image_metadata(upload: UploadedFile) -> UploadedFile:
    """The same upload re-encoded without EXIF/XMP/comments; a non-image is returned unchanged."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    upload.seek(0)
    try:
        img = Image.open(upload)
        fmt = img.format
    except (UnidentifiedImageError, OSError):
        upload.seek(0)
        return upload
    if fmt not in FORMATS:
        upload.seek(0)
        return upload
    with img:
        out = io.BytesIO()
        if fmt == "GIF":  # keep the animation; GIF metadata lives in comments and XMP blocks
            img.info = {k: v for k, v in img.info.items() if k in KEPT_INFO}
            img.save(out, format="GIF", save_all=True)
        else:
            upright = ImageOps.exif_transpose(img)
            kept = {k: v for k, v in upright.info.items() if k in KEPT_INFO}
            upright.info = {}
            params: dict = {**kept}
            if fmt in ("JPEG", "WEBP"):
                params.update(quality=90)
            if fmt == "JPEG" and upright.mode not in ("RGB", "L"):
                upright = upright.convert("RGB")
            # An empty Exif block: nothing of the original (orientation included) is written.
            upright.save(out, format=fmt, exif=Image.Exif(), **params)
    size = out.tell()
    out.seek(0)
    return InMemoryUploadedFile(
        out, "file", upload.name, getattr(upload, "content_type", None), size, None
    )
