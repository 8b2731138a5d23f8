"""Pictures and PDFs for the demo city, made on the spot (no download): Pillow drawings and a
hand-written minimal PDF."""

from __future__ import annotations

import hashlib
import io
import random
import zlib

from PIL import Image, ImageDraw, ImageFont

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def _font(size: int):
    try:
        return ImageFont.truetype(FONT, size)
    except OSError:
        return ImageFont.load_default()


def _hex(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))  # type: ignore[return-value]


def scene_jpeg(seed: str, colour: str, caption: str, size=(1200, 675)) -> bytes:
    """A simple illustrative scene: sky gradient, hills, buildings and a caption band."""
    rnd = random.Random(hashlib.sha1(seed.encode()).hexdigest())  # noqa: S324 - not security
    w, h = size
    base = _hex(colour)
    img = Image.new("RGB", size)
    draw = ImageDraw.Draw(img)
    top = tuple(min(255, c + 150) for c in base)
    for y in range(h):
        t = y / h
        draw.line([(0, y), (w, y)], fill=tuple(int(top[i] * (1 - t) + 235 * t) for i in range(3)))
    # Sun
    sx, sy = rnd.randint(100, w - 100), rnd.randint(60, 200)
    draw.ellipse([sx - 50, sy - 50, sx + 50, sy + 50], fill=(255, 214, 102))
    # Hills
    for layer in range(3):
        shade = tuple(max(0, int(c * (0.55 + 0.15 * layer))) for c in (60, 140, 70))
        y0 = int(h * (0.55 + 0.08 * layer))
        pts = [(0, h)]
        for x in range(0, w + 100, 100):
            pts.append((x, y0 + rnd.randint(-40, 40)))
        pts.append((w, h))
        draw.polygon(pts, fill=shade)
    # Buildings
    x = rnd.randint(20, 120)
    while x < w - 80:
        bw, bh = rnd.randint(60, 140), rnd.randint(120, 320)
        shade = tuple(max(0, min(255, c + rnd.randint(-30, 30))) for c in base)
        draw.rectangle([x, h - 110 - bh, x + bw, h - 110], fill=shade)
        for wy in range(h - 100 - bh, h - 130, 28):
            for wx in range(x + 10, x + bw - 14, 22):
                draw.rectangle([wx, wy, wx + 10, wy + 14], fill=(250, 240, 200))
        x += bw + rnd.randint(10, 60)
    # Caption band
    draw.rectangle([0, h - 110, w, h], fill=tuple(int(c * 0.6) for c in base))
    draw.text((40, h - 82), caption[:60], font=_font(44), fill=(255, 255, 255))
    out = io.BytesIO()
    img.save(out, "JPEG", quality=78, optimize=True)
    return out.getvalue()


def logo_png(initials: str, colour: str, size: int = 256) -> bytes:
    img = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(img)
    draw.ellipse([4, 4, size - 4, size - 4], fill=_hex(colour), outline=(255, 204, 0), width=10)
    font = _font(size // (3 if len(initials) <= 3 else 4))
    box = draw.textbbox((0, 0), initials, font=font)
    tw, th = box[2] - box[0], box[3] - box[1]
    draw.text(
        ((size - tw) / 2 - box[0], (size - th) / 2 - box[1]),
        initials,
        font=font,
        fill=(255, 255, 255),
    )
    out = io.BytesIO()
    img.save(out, "PNG", optimize=True)
    return out.getvalue()


def _pdf_text(text: str) -> str:
    safe = text.encode("latin-1", "replace").decode("latin-1")
    return safe.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def simple_pdf(title: str, lines: list[str]) -> bytes:
    """A valid one-page PDF 1.4 with a title and text lines (Helvetica)."""
    content = ["BT", "/F2 16 Tf", "56 780 Td", f"({_pdf_text(title)}) Tj", "/F1 11 Tf", "0 -28 Td"]
    for line in lines:
        content += [f"({_pdf_text(line)}) Tj", "0 -16 Td"]
    content.append("ET")
    stream = zlib.compress("\n".join(content).encode("latin-1"))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(
        b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    )
    return out.getvalue()
