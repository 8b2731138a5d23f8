"""Upload validation by content, not by name: the one gate every uploaded file passes.

Rules (shared/domain/security.md): the type is read from the bytes (magic numbers, Pillow for
images, pypdf for PDFs, the ZIP directory for office files); each field has an allow-list of kinds;
sizes are limited, also after decompression; executables, HTML, SVG and scripts are refused however
they are named; file names are normalised and the extension is the one of the detected kind.
"""

from __future__ import annotations

import io
import os
import re
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

# Kinds a field can allow. Each maps to the extension the stored file gets.
PDF = "pdf"
JPEG = "jpeg"
PNG = "png"
GIF = "gif"
WEBP = "webp"
DOCX = "docx"
XLSX = "xlsx"
PPTX = "pptx"
ODT = "odt"
ODS = "ods"
ODP = "odp"
OLE = "ole"  # legacy .doc/.xls/.ppt
CSV = "csv"
TXT = "txt"
ZIP = "zip"

IMAGE_KINDS = frozenset({JPEG, PNG, GIF, WEBP})
DOCUMENT_KINDS = frozenset({PDF, DOCX, XLSX, PPTX, ODT, ODS, ODP, OLE, CSV, TXT, ZIP}) | IMAGE_KINDS
ATTACHMENT_KINDS = frozenset({PDF, JPEG, PNG, WEBP})  # what citizens may attach to a form

EXTENSIONS = {
    PDF: {"pdf"},
    JPEG: {"jpg", "jpeg"},
    PNG: {"png"},
    GIF: {"gif"},
    WEBP: {"webp"},
    DOCX: {"docx"},
    XLSX: {"xlsx"},
    PPTX: {"pptx"},
    ODT: {"odt"},
    ODS: {"ods"},
    ODP: {"odp"},
    OLE: {"doc", "xls", "ppt"},
    CSV: {"csv"},
    TXT: {"txt"},
    ZIP: {"zip"},
}

MAX_UNZIPPED_BYTES = 200 * 1024 * 1024
MAX_ZIP_RATIO = 150  # a ratio above this smells of a zip bomb
MAX_ZIP_ENTRIES = 5000
# Pixels decoded per image, summed over an animation's frames; the same figure as
# WAGTAILIMAGES_MAX_IMAGE_PIXELS (settings/base.py), which Wagtail checks after us.
MAX_IMAGE_PIXELS = 40_000_000

# Markers of content that a browser or server would run. Checked in text files and in the first
# and last bytes of binaries (where polyglot payloads sit).
_ACTIVE_MARKERS = re.compile(
    rb"<\?php|<script|<html|<!doctype html|<svg|<iframe|<body|<object|<embed|javascript:",
    re.IGNORECASE,
)
_EXECUTABLE_MAGIC = (b"MZ", b"\x7fELF", b"#!", b"\xca\xfe\xba\xbe", b"\xcf\xfa\xed\xfe")


@dataclass(frozen=True)
class Sniffed:
    kind: str
    extension: str


def _read_all(upload: UploadedFile) -> bytes:
    upload.seek(0)
    data = upload.read()
    upload.seek(0)
    return data


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _is_active_content(head: bytes) -> bool:
    return bool(_ACTIVE_MARKERS.search(head))


def _sniff_zip(data: bytes) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, ValueError) as exc:
        raise _refuse(_("Berkas ZIP/Office rusak dan tidak dapat dibaca."), "corrupt") from exc
    if len(infos) > MAX_ZIP_ENTRIES:
        raise _refuse(_("Berkas terkompresi berisi terlalu banyak bagian."), "zip_bomb")
    total = sum(info.file_size for info in infos)
    if total > MAX_UNZIPPED_BYTES or total > max(len(data), 1) * MAX_ZIP_RATIO:
        raise _refuse(
            _("Berkas terkompresi terlalu besar setelah dibuka (kemungkinan bom ZIP)."),
            "zip_bomb",
        )
    names = {info.filename for info in infos}
    for name in names:
        if name.startswith("/") or ".." in name.split("/"):
            raise _refuse(_("Berkas ZIP memuat jalur berkas yang tidak aman."), "zip_path")
    if "[Content_Types].xml" in names:
        if any(n.startswith("word/") for n in names):
            return DOCX
        if any(n.startswith("xl/") for n in names):
            return XLSX
        if any(n.startswith("ppt/") for n in names):
            return PPTX
    if "mimetype" in names:
        mimetype = archive.read("mimetype").strip()
        odf = {
            b"application/vnd.oasis.opendocument.text": ODT,
            b"application/vnd.oasis.opendocument.spreadsheet": ODS,
            b"application/vnd.oasis.opendocument.presentation": ODP,
        }
        if mimetype in odf:
            return odf[mimetype]
    for name in names:
        ext = name.rsplit(".", 1)[-1].lower() if "." in name else ""
        if ext in {
            "exe",
            "bat",
            "cmd",
            "com",
            "scr",
            "js",
            "vbs",
            "php",
            "phtml",
            "sh",
            "jar",
            "html",
            "htm",
            "svg",
            "ps1",
            "msi",
            "apk",
        }:
            raise _refuse(
                _("Berkas ZIP berisi program atau halaman web (%(name)s) dan ditolak.")
                % {"name": name},
                "zip_executable",
            )
    return ZIP


def _sniff_image(data: bytes) -> str:
    """Identify an image and decode every frame of it.

    ``verify()`` reads only the headers; a GIF whose later frames are damaged, or a JPEG/JS
    polyglot whose "/*" segment length runs past the end of the file, passes it and then fails
    in Wagtail's size and frame count or when a thumbnail is made. Decoding it all here turns
    that into a form error instead of an HTTP 500.
    """
    from PIL import Image, ImageFile, ImageSequence, UnidentifiedImageError

    # WeasyPrint sets Pillow's global LOAD_TRUNCATED_IMAGES on import, after which a cut image
    # decodes silently with grey filler; judge the upload strictly whatever was imported before.
    lenient = ImageFile.LOAD_TRUNCATED_IMAGES
    ImageFile.LOAD_TRUNCATED_IMAGES = False
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format
            img.verify()
        with Image.open(io.BytesIO(data)) as img:
            decoded = 0
            for frame in ImageSequence.Iterator(img):
                decoded += frame.width * frame.height
                if decoded > MAX_IMAGE_PIXELS:
                    raise Image.DecompressionBombError(decoded)
                frame.load()
    except Image.DecompressionBombError as exc:
        raise _refuse(_("Gambar terlalu besar (jumlah piksel melebihi batas)."), "bomb") from exc
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError) as exc:
        raise _refuse(_("Berkas gambar rusak atau bukan gambar."), "corrupt") from exc
    finally:
        ImageFile.LOAD_TRUNCATED_IMAGES = lenient
    kinds = {"JPEG": JPEG, "PNG": PNG, "GIF": GIF, "WEBP": WEBP}
    if fmt not in kinds:
        raise _refuse(_("Format gambar ini tidak diterima."), "kind")
    return kinds[fmt]


def _sniff_pdf(data: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    # Active PDF content: scripts and launch actions run on the reader's machine.
    if re.search(rb"/(JavaScript|JS|Launch|EmbeddedFile)\b", data):
        raise _refuse(
            _("PDF ini memuat skrip atau berkas tersemat dan ditolak demi keamanan."),
            "pdf_active",
        )
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        _pages = len(reader.pages)
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as exc:
        raise _refuse(_("Berkas PDF rusak dan tidak dapat dibaca."), "corrupt") from exc
    return PDF


def _sniff_text(data: bytes, declared_ext: str) -> str:
    if b"\x00" in data[:65536]:
        raise _refuse(_("Jenis berkas tidak dikenali."), "kind")
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        try:
            data.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise _refuse(_("Jenis berkas tidak dikenali."), "kind") from exc
    if _is_active_content(data[:65536]):
        raise _refuse(_("Berkas berisi HTML, SVG atau skrip dan ditolak demi keamanan."), "active")
    return CSV if declared_ext == "csv" else TXT


def sniff(data: bytes, filename: str = "") -> str:
    """Return the kind of file these bytes are, or raise ValidationError with a clear reason."""
    if not data:
        raise _refuse(_("Berkas kosong."), "empty")
    head = data[:4096]
    if head.startswith(_EXECUTABLE_MAGIC) or head.lstrip().startswith(b"<?php"):
        raise _refuse(_("Berkas program atau skrip tidak boleh diunggah."), "executable")
    if head.startswith(b"%PDF-"):
        return _sniff_pdf(data)
    if head.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return OLE
    if head.startswith((b"\xff\xd8\xff", b"\x89PNG\r\n\x1a\n", b"GIF87a", b"GIF89a")) or (
        head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    ):
        kind = _sniff_image(data)
        # A real image with a script appended (polyglot) is still refused.
        if _is_active_content(data[-4096:]) or _is_active_content(head[64:]):
            raise _refuse(
                _("Gambar memuat kode skrip atau HTML dan ditolak demi keamanan."), "active"
            )
        return kind
    if _is_active_content(head):
        raise _refuse(_("Berkas berisi HTML, SVG atau skrip dan ditolak demi keamanan."), "active")
    ext = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if ext in {"csv", "txt"}:
        return _sniff_text(data, ext)
    raise _refuse(_("Jenis berkas tidak dikenali atau tidak diizinkan."), "kind")


def safe_filename(original: str, kind: str) -> str:
    """Normalise a client-supplied name: no path, no control characters, one extension."""
    base = os.path.basename(original.replace("\\", "/"))
    stem = base.split(".", 1)[0] if "." in base else base  # drops every extension, incl. doubles
    stem = unicodedata.normalize("NFKD", stem).encode("ascii", "ignore").decode("ascii")
    stem = re.sub(r"[^A-Za-z0-9_-]+", "-", stem).strip("-_").lower()[:80] or "berkas"
    declared = base.rsplit(".", 1)[-1].lower() if "." in base else ""
    allowed = EXTENSIONS[kind]
    ext = declared if declared in allowed else sorted(allowed)[0]
    if kind == JPEG:
        ext = "jpg" if declared not in allowed else declared
    return f"{stem}.{ext}"


def validate_upload(
    upload: UploadedFile, allowed: Iterable[str], max_bytes: int | None = None
) -> Sniffed:
    """Check an uploaded file against an allow-list of kinds; rename it to a safe name.

    Raises ValidationError (message in Bahasa Indonesia) and leaves nothing stored.
    """
    allowed = frozenset(allowed)
    if max_bytes is not None and upload.size is not None and upload.size > max_bytes:
        raise _refuse(
            _("Berkas terlalu besar: paling besar %(mb)s MB.")
            % {"mb": round(max_bytes / 1024 / 1024, 1)},
            "too_large",
        )
    data = _read_all(upload)
    kind = sniff(data, upload.name or "")
    if kind not in allowed:
        raise _refuse(
            _("Jenis berkas ini tidak diizinkan di sini. Yang diterima: %(kinds)s.")
            % {"kinds": ", ".join(sorted(ext for k in allowed for ext in EXTENSIONS[k]))},
            "kind_not_allowed",
        )
    name = upload.name or ""
    declared = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if declared and declared not in EXTENSIONS[kind]:
        raise _refuse(
            _("Nama berkas (.%(ext)s) tidak sesuai dengan isinya.") % {"ext": declared},
            "extension_mismatch",
        )
    name = safe_filename(name or "berkas", kind)
    upload.name = name
    return Sniffed(kind=kind, extension=name.rsplit(".", 1)[-1])
