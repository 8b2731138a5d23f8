"""Test photos carrying what a phone camera writes: GPS position, camera make, orientation, XMP."""

from __future__ import annotations

import io

from PIL import Image

GPS_IFD = 0x8825
ORIENTATION = 0x0112
MAKE = 0x010F
XMP = (
    b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-'
    b'syntax-ns#"><rdf:Description xmlns:exif="http://ns.adobe.com/exif/1.0/" '
    b'exif:GPSLatitude="3,35.2S"/></rdf:RDF></x:xmpmeta>'
)


def gps_jpeg(width: int = 40, height: int = 20) -> bytes:
    """A JPEG taken "in Medan", stored sideways (orientation 6: to be rotated 90° clockwise)."""
    exif = Image.Exif()
    exif[ORIENTATION] = 6
    exif[MAKE] = "KameraWarga"
    gps = exif.get_ifd(GPS_IFD)
    gps.update({1: "N", 2: (3.0, 35.0, 12.5), 3: "E", 4: (98.0, 40.0, 1.0)})
    out = io.BytesIO()
    Image.new("RGB", (width, height), "red").save(out, "JPEG", exif=exif, xmp=XMP)
    return out.getvalue()


def assert_no_metadata(data: bytes, *, size: tuple[int, int]) -> None:
    """No EXIF tag (GPS above all), no XMP, no camera make; the orientation applied."""
    with Image.open(io.BytesIO(data)) as img:
        assert dict(img.getexif()) == {}
        assert not img.getexif().get_ifd(GPS_IFD)
        assert "xmp" not in img.info
        assert img.size == size
    assert b"KameraWarga" not in data and b"GPSLatitude" not in data
