"""Importing a real WordPress 6.1 export (fixtures/, made by scripts/wordpress-local.sh)."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

import pytest
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page

from balai.content.models import (
    BeritaPage,
    HalamanPage,
    KontakPage,
    PengumumanPage,
    ProfilPage,
    StrukturOrganisasiPage,
    VisiMisiPage,
)
from balai.migrasi.models import ImportedItem
from balai.migrasi.services import import_wordpress

FIXTURES = Path(__file__).parent / "fixtures"
EXPORT = FIXTURES / "wordpress-export.xml"
UPLOADS = FIXTURES / "uploads"

pytestmark = pytest.mark.django_db


def run(opd, export=EXPORT, uploads=UPLOADS, **kwargs):
    return import_wordpress(opd, str(export), str(uploads) if uploads else None, **kwargs)


def by_title(entries, title):
    return next(e for e in entries if e.title == title)


def test_posts_become_berita_with_date_author_summary_category_tags_and_photo(opd_a):
    report = run(opd_a)
    assert not report.errors
    post = BeritaPage.objects.descendant_of(opd_a.root_page).get(
        slug="bupati-tinjau-pelayanan-puskesmas-sukamaju"
    )
    assert post.live
    assert str(post.date) == "2023-05-10"
    assert post.first_published_at.date().isoformat() == "2023-05-10"
    assert post.author == "Budi Santoso"
    assert post.summary.startswith("Bupati meninjau langsung")
    assert post.category.name == "Berita"
    assert {"puskesmas", "bupati", "Kegiatan"} <= set(post.tags.names())
    assert post.featured_image.collection_id == opd_a.collection_id
    assert post.featured_image_alt == "Bupati di Puskesmas"


def test_pengumuman_category_maps_to_pengumuman_with_its_document(opd_a):
    run(opd_a)
    item = PengumumanPage.objects.descendant_of(opd_a.root_page).get()
    assert item.title == "Pengumuman Seleksi Tenaga Kesehatan 2023"
    assert item.attachment.title == "Laporan Kinerja 2022"
    assert not BeritaPage.objects.filter(title=item.title).exists()


def test_classic_content_caption_gallery_and_hostile_markup(opd_a):
    report = run(opd_a)
    post = BeritaPage.objects.get(slug="bupati-tinjau-pelayanan-puskesmas-sukamaju")
    kinds = [b.block_type for b in post.body]
    assert kinds.count("image") == 3  # [caption] + a two-image [gallery]
    caption = next(b for b in post.body if b.block_type == "image")
    assert caption.value["caption"] == "Bupati meninjau ruang tunggu Puskesmas"
    raw = str(post.body.raw_data)
    assert "script" not in raw and "onclick" not in raw and "evil.example" not in raw
    assert "contact-form-7" not in raw
    # the link to another imported post points at its new address
    assert 'href="/berita/puskesmas-keliling-jangkau-desa-terpencil/"' in raw
    reasons = " ".join(by_title(report.entries, post.title).reasons)
    assert "contact-form-7" in reasons
    assert "evil.example.net" in reasons
    assert "Skrip" in reasons
    assert "onclick" in reasons


def test_gutenberg_blocks(opd_a):
    run(opd_a)
    post = BeritaPage.objects.get(slug="pendaftaran-posyandu-kini-bisa-online")
    kinds = [b.block_type for b in post.body]
    assert kinds == [
        "paragraph",
        "heading",
        "paragraph",
        "image",
        "image",
        "image",
        "table",
        "video",
        "document",
        "video",
    ]
    blocks = list(post.body)
    assert blocks[1].value["text"] == "Cara mendaftar"
    assert "<ol><li>Buka laman pendaftaran</li>" in blocks[2].value.source
    assert blocks[3].value["caption"] == "Penimbangan balita di Posyandu Melati"
    assert blocks[6].value["data"][0] == ["Posyandu", "Jadwal"]
    assert blocks[7].value["url"] == "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    assert blocks[8].value["document"].title == "Laporan Kinerja 2022"


def test_pages_keep_hierarchy_and_profile_pages_use_balai_types(opd_a):
    run(opd_a)
    home = opd_a.root_page
    profil = ProfilPage.objects.child_of(home).get()
    assert "Peraturan Daerah Nomor 5" in profil.body
    visi = VisiMisiPage.objects.child_of(profil).get()
    assert visi.visi == "Masyarakat sehat yang mandiri dan berkeadilan."
    assert "<li>Meningkatkan mutu pelayanan kesehatan</li>" in visi.misi
    struktur = StrukturOrganisasiPage.objects.child_of(profil).get()
    assert struktur.chart_image.title == "Bagan Struktur Organisasi"
    sejarah = HalamanPage.objects.get(title="Sejarah")
    assert sejarah.get_parent().pk == profil.pk
    # the ?page_id= link to Visi & Misi is rewritten to its new address
    assert 'href="/profil/visi-misi/"' in str(sejarah.body.raw_data)
    jadwal = HalamanPage.objects.get(title="Jadwal Puskesmas")
    assert jadwal.get_parent().title == "Layanan"
    assert jadwal.get_parent().slug == "layanan-2"  # /layanan/ is Balai's own service index
    assert "Jl. Merdeka" in KontakPage.objects.child_of(home).get().intro


def test_drafts_private_and_trash_are_never_public(opd_a):
    report = run(opd_a)
    draft = BeritaPage.objects.get(title="Rencana Vaksinasi Massal (draf)")
    assert not draft.live and draft.has_unpublished_changes
    private = BeritaPage.objects.get(title="Catatan Internal Rapat Pimpinan")
    assert not private.live
    assert not Page.objects.filter(title="Berita Salah Ketik").exists()
    assert by_title(report.entries, "Berita Salah Ketik").action == "skipped"
    assert not HalamanPage.objects.get(title="Halaman Baru (draf)").live


def test_attachments_become_images_and_documents_in_the_opd_collection(opd_a):
    run(opd_a)
    images = get_image_model().objects.filter(collection=opd_a.collection)
    assert images.count() == 5
    assert images.get(title="Kunjungan Bupati").description == "Bupati di Puskesmas"
    doc = get_document_model().objects.get(collection=opd_a.collection)
    assert doc.title == "Laporan Kinerja 2022" and doc.year == 2023


def test_second_import_changes_nothing(opd_a):
    run(opd_a)
    pages = Page.objects.count()
    images = get_image_model().objects.count()
    revisions = [p.latest_revision_id for p in Page.objects.order_by("pk")]
    report = run(opd_a)
    assert report.counts["created"] == 0 and report.counts["updated"] == 0
    assert report.counts["unchanged"] == 20
    assert Page.objects.count() == pages and get_image_model().objects.count() == images
    assert [p.latest_revision_id for p in Page.objects.order_by("pk")] == revisions


def test_updated_export_updates_what_changed(opd_a, tmp_path):
    run(opd_a)
    changed = tmp_path / "export.xml"
    changed.write_text(
        EXPORT.read_text().replace(
            "Mobil puskesmas keliling kini melayani 12 desa",
            "Mobil puskesmas keliling kini melayani 15 desa",
        )
    )
    report = run(opd_a, export=changed)
    assert report.counts["updated"] == 1 and report.counts["created"] == 0
    post = BeritaPage.objects.get(slug="puskesmas-keliling-jangkau-desa-terpencil")
    assert "15 desa" in str(post.body.raw_data) and post.live


def test_dry_run_reports_and_changes_nothing(opd_a):
    pages = Page.objects.count()
    report = run(opd_a, dry_run=True)
    assert report.counts["created"] == 20
    assert "contact-form-7" in " ".join(
        by_title(report.entries, "Bupati Tinjau Pelayanan Puskesmas Sukamaju").reasons
    )
    assert Page.objects.count() == pages
    assert not ImportedItem.objects.exists()
    assert not get_image_model().objects.exists()


def test_uploads_from_a_zip_and_missing_files_reported(opd_a, tmp_path):
    archive = tmp_path / "uploads.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for path in UPLOADS.rglob("*"):
            if path.is_file() and "posyandu-2" not in path.name:
                zf.write(path, "wp-content/uploads/" + str(path.relative_to(UPLOADS)))
    report = run(opd_a, uploads=archive)
    assert get_image_model().objects.count() == 4
    missing = by_title(report.entries, "Posyandu Mawar")
    assert missing.action == "skipped" and "2023/08/posyandu-2.png" in missing.reasons[0]


def test_same_file_twice_is_stored_once(opd_a, tmp_path):
    uploads = tmp_path / "uploads"
    shutil.copytree(UPLOADS, uploads)
    shutil.copy(uploads / "2023/08/posyandu-1.jpg", uploads / "2023/05/kunjungan-bupati.jpg")
    report = run(opd_a, uploads=uploads)
    assert get_image_model().objects.count() == 4
    assert any("dipakai bersama" in " ".join(e.reasons) for e in report.entries)
