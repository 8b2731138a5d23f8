"""A small city with one of every public page kind, for the speed tests (issue 11)."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlparse

from django.core.files.base import ContentFile

from balai.content.tests import factories as f


@dataclass
class City:
    opd: object
    portal_host: str
    news_path: str


def dip_item(opd, judul: str = "Laporan keuangan 2025", **extra):
    from balai.ppid.models import InformasiPublik

    data = {
        "judul": judul,
        "ringkasan": "Ringkasan",
        "unit_penguasa": "Sekretariat",
        "penanggung_jawab": "Kepala Dinas",
        "waktu_pembuatan": "2026",
        "tempat_pembuatan": "Kota Contoh",
        "retensi": "5 tahun",
        "kategori": "berkala",
        **extra,
    }
    return InformasiPublik.objects.create(opd=opd, **data)


def layanan(opd, slug: str = "ktp-el", **extra):
    from balai.layanan.models import Layanan
    from balai.layanan.tests.conftest import COMPLETE

    data = {**COMPLETE, "name": slug.replace("-", " ").title(), **extra}
    return Layanan.objects.create(opd=opd, slug=slug, **data)


def document(opd, title: str = "SOP Pelayanan KTP", **fields):
    from balai.documents.models import BalaiDocument

    doc = BalaiDocument(title=title, collection=opd.collection, **fields)
    doc.file.save("sop.pdf", ContentFile(b"%PDF-1.4 uji"), save=False)
    doc._set_document_file_metadata()
    doc.save()
    return doc


def build(opd, portal_host: str) -> City:
    news = f.news(opd, "Kabar imunisasi Alfa")
    layanan(opd)
    dip_item(opd)
    document(opd)
    return City(opd=opd, portal_host=portal_host, news_path=urlparse(news.full_url).path)


def public_pages(city: City) -> dict[str, tuple[str, str]]:
    """Every kind of public page: name → (host, path)."""
    opd, portal = city.opd.hostname, city.portal_host
    return {
        "portal home": (portal, "/"),
        "OPD home": (opd, "/"),
        "news list": (opd, "/berita/"),
        "article": (opd, city.news_path),
        "layanan directory": (portal, "/layanan/"),
        "layanan": (opd, "/layanan/ktp-el/"),
        "DIP": (opd, "/ppid/dip/"),
        "documents list": (opd, "/dokumen/"),
        "RSS feed": (opd, "/feed/rss/"),
        "Atom feed": (portal, "/feed/atom/"),
        "sitemap": (opd, "/sitemap.xml"),
        "transparansi": (portal, "/transparansi/"),
        "search": (portal, "/cari/?q=imunisasi"),
    }
