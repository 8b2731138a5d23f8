"""Demo city, part 2: what every OPD site publishes (news, announcements, agenda, albums,
documents, profiles) and the portal's own news, pins and city profile.

Idempotent: an OPD whose news section already has items is left alone. Pages are created live
without a revision each (a new page's first revision is made when an operator first edits it),
which keeps the whole load well under two minutes on SQLite.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, time, timedelta

from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import timezone
from wagtail.models import Collection, Page
from wagtail.rich_text import RichText

from balai.content import demo_media as media
from balai.content import demo_text as text
from balai.content.models import (
    AgendaPage,
    AlbumPage,
    AlbumPhoto,
    BeritaGalleryImage,
    BeritaPage,
    KategoriBerita,
    PengumumanPage,
    PinnedItem,
)
from balai.documents.models import BalaiDocument, DocumentCategory
from balai.images.models import BalaiImage
from balai.opd.models import OPD, PemdaSettings, SiteBranding

# OPDs that publish nothing for more than six months (for the monitoring to find).
STALE = {"hukum", "tanjungsari"}
# An OPD that never filled in its profile pages.
EMPTY_PROFILE = {"mekarsari"}
# Days ago of each news item of an active OPD: spread over the past twelve months.
ACTIVE_SPREAD = [2, 9, 23, 41, 67, 96, 131, 170, 214, 262, 311, 352]
STALE_SPREAD = [196, 224, 251, 279, 303, 327, 344, 361]


def _when(days_ago: int, hour: int = 9) -> datetime:
    day = timezone.localdate() - timedelta(days=days_ago)
    return timezone.make_aware(datetime.combine(day, time(hour, 0)))


def _add(parent: Page, page: Page, when: datetime) -> Page:
    """Add a live page without a revision, as if published at ``when``."""
    page.live = True
    page.has_unpublished_changes = False
    page.first_published_at = when
    page.last_published_at = when
    parent.add_child(instance=page)
    return page


def _image(title: str, data: bytes, name: str, collection: Collection, credit: str = ""):
    existing = BalaiImage.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    return BalaiImage.objects.create(
        title=title,
        file=ImageFile(ContentFile(data), name=name),
        collection=collection,
        credit=credit,
        description=title,
    )


def _document(opd_or_none, collection, title, category, year, number, lines):
    existing = BalaiDocument.objects.filter(title=title, collection=collection).first()
    if existing:
        return existing
    pdf = media.simple_pdf(title, lines)
    doc = BalaiDocument(
        title=title,
        collection=collection,
        category=category,
        year=year,
        number=number,
        description=lines[0] if lines else "",
    )
    doc.file.save(
        hashlib.sha256(title.encode()).hexdigest()[:10] + ".pdf", ContentFile(pdf), save=False
    )
    doc.file_size = len(pdf)
    doc.save()
    return doc


def _fill(template: str, values: dict) -> str:
    return template.format(**values)


def _body(paragraphs: list[str], values: dict) -> list:
    return [("paragraph", RichText(f"<p>{_fill(p, values)}</p>")) for p in paragraphs]


def _news_items(opd: OPD) -> list[tuple[str, str, str, list[str]]]:
    generic = text.GENERIC_NEWS["default"]
    if opd.jenis in ("kelurahan", "kecamatan"):
        generic = text.GENERIC_NEWS["kelurahan"] + generic
    items = list(text.SPECIFIC.get(opd.slug, [])) + list(generic)
    return items[: max(9, len(text.SPECIFIC.get(opd.slug, [])) + 6)]


def _section(home: Page, slug: str) -> Page | None:
    return home.get_children().filter(slug=slug).first()


def _load_opd(opd: OPD, categories: dict[str, KategoriBerita], index: int = 0) -> int:
    home = opd.site.root_page
    berita = _section(home, "berita")
    if berita is None or berita.get_children().exists():
        return 0
    colour = SiteBranding.for_site(opd.site).primary_colour
    values = {
        "name": opd.name,
        "short": opd.short_name,
        "kepala": opd.kepala_nama or "Kepala",
        "jabatan": opd.kepala_jabatan or "kepala",
        "area": text.AREAS.get(opd.slug, "pemerintahan dan pelayanan kemasyarakatan"),
    }
    collection = opd.collection
    if not opd.logo_id:
        skip = {"dan", "kota", "daerah", "sekretariat"}
        words = [w for w in opd.name.split() if w.lower() not in skip and w[0].isalpha()]
        initials = "".join(w[0] for w in words)
        opd.logo = _image(
            f"Logo {opd.short_name}",
            media.logo_png(initials[:3].upper(), colour),
            f"logo-{opd.slug}.png",
            collection,
        )
        opd.save(update_fields=["logo"])
    stale = opd.slug in STALE
    spread = STALE_SPREAD if stale else ACTIVE_SPREAD
    created = 0

    # News
    photos = [
        _image(
            f"Kegiatan {opd.short_name} {i + 1}",
            media.scene_jpeg(f"{opd.slug}{i}", colour, f"Kegiatan {opd.short_name}"),
            f"{opd.slug}-{i + 1}.jpg",
            collection,
            credit=f"Humas {opd.short_name}",
        )
        for i in range(3)
    ]
    for i, (title, cat, summary, paragraphs) in enumerate(_news_items(opd)):
        days = spread[i % len(spread)] + (index * 3) % 11
        page = BeritaPage(
            title=_fill(title, values),
            date=(timezone.localdate() - timedelta(days=days)),
            summary=_fill(summary, values),
            body=_body(paragraphs, values),
            category=categories.get(cat),
            author=f"Humas {opd.short_name}",
            featured_image=photos[i % 3] if i % 4 != 3 else None,
            featured_image_alt=(
                f"Suasana kegiatan {opd.short_name}: {_fill(title, values).lower()}"
                if i % 4 != 3
                else ""
            ),
        )
        page.tags.add(cat.replace("-", " "), opd.short_name.lower())
        if i == 0:
            page.gallery_images = [
                BeritaGalleryImage(
                    image=p,
                    alt=f"Foto kegiatan {opd.short_name} ke-{n + 1}",
                    caption=f"Dokumentasi {opd.short_name}",
                )
                for n, p in enumerate(photos)
            ]
        _add(berita, page, _when(days))
        created += 1

    # Announcements: one in force, one open-ended, one expired (stale OPDs: all old).
    pengumuman = _section(home, "pengumuman")
    picks = [text.ANNOUNCEMENTS[(index + k) % len(text.ANNOUNCEMENTS)] for k in range(3)]
    for i, (title, summary) in enumerate(picks):
        days = spread[i * 2] if stale else [5 + index % 9, 30 + index, 120][i]
        start = timezone.localdate() - timedelta(days=days)
        until = start + timedelta(days=[45, 0, 30][i]) if i != 1 else None
        page = PengumumanPage(
            title=title,
            date=start,
            valid_from=start,
            valid_until=until,
            summary=summary,
            body=_body(
                [
                    summary,
                    "Informasi lebih lanjut dapat ditanyakan melalui kontak "
                    "{name} atau kanal aspirasi.",
                ],
                values,
            ),
        )
        _add(pengumuman, page, _when(days, 8))
        created += 1

    # Agenda: two coming up, one past (stale OPDs: only long past).
    agenda = _section(home, "agenda")
    offsets = (
        [-(spread[0] + 3), -(spread[2] + 5), -(spread[4] + 2)]
        if stale
        else [2 + index % 7, 9 + index % 13, -20 - index]
    )
    agenda_picks = [text.AGENDA[(index + k) % len(text.AGENDA)] for k in range(3)]
    for i, (title, place) in enumerate(agenda_picks):
        start = _when(-offsets[i], 8 + (index + i) % 6)
        page = AgendaPage(
            title=title,
            start=start,
            end=start + timedelta(hours=3),
            location=f"{place}, {opd.name}",
            organiser=opd.name,
            summary=f"{title} bersama pemangku kepentingan dan perwakilan masyarakat.",
        )
        _add(agenda, page, _when(max(1, -offsets[i] + 14) if offsets[i] < 0 else 1, 8))
        created += 1

    # Album with photos and a click-to-load video
    galeri = _section(home, "galeri")
    album_days = spread[1]
    album = AlbumPage(
        title=f"Dokumentasi Kegiatan {opd.short_name}",
        date=timezone.localdate() - timedelta(days=album_days),
        description=RichText(f"<p>Foto-foto kegiatan {opd.name}.</p>"),
        videos=[
            (
                "video",
                {
                    "url": "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
                    "title": f"Profil singkat {opd.short_name}",
                },
            )
        ],
    )
    album.photos = [
        AlbumPhoto(
            image=p,
            alt=f"Kegiatan {opd.short_name}, foto {n + 1}",
            caption=f"Kegiatan {opd.short_name}",
        )
        for n, p in enumerate(photos)
    ]
    _add(galeri, album, _when(album_days))
    created += 1

    # Documents (real PDFs) in the OPD's collection
    year = timezone.localdate().year
    for title, cat, number in [
        (
            f"SOP Pelayanan {opd.short_name}",
            DocumentCategory.SOP,
            f"800/{10 + len(opd.slug)}/SOP/{year}",
        ),
        (f"Maklumat Pelayanan {opd.short_name}", DocumentCategory.MAKLUMAT, ""),
        # The SKM report is the real one, rendered from the survey answers (balai.layanan.demo).
    ]:
        _document(
            opd,
            collection,
            title,
            cat,
            year if cat != DocumentCategory.LAPORAN else year - 1,
            number,
            [
                f"{title}.",
                f"Diterbitkan oleh {opd.name}.",
                "Dokumen ini tersedia untuk umum sesuai UU 14/2008 tentang KIP.",
            ],
        )

    if opd.slug not in EMPTY_PROFILE:
        _fill_profile(opd, home, values, photos[0])
    return created


def _fill_profile(opd: OPD, home: Page, values: dict, photo) -> None:
    profil = _section(home, "profil")
    if profil is None:
        return
    for child in profil.get_children().specific():
        name = type(child).__name__
        if name == "VisiMisiPage" and not child.is_filled:
            child.visi = _fill(text.PROFIL["visi"], values)
            child.misi = _fill(text.PROFIL["misi"], values)
        elif name == "TugasFungsiPage" and not child.is_filled:
            child.body = _fill(text.PROFIL["tugas"], values)
            child.legal_basis = "Peraturan Wali Kota Contoh tentang Kedudukan, Susunan Organisasi, Tugas dan Fungsi serta Tata Kerja Perangkat Daerah"  # noqa: E501
        elif name == "ProfilPimpinanPage" and not child.is_filled:
            child.leader_name = opd.kepala_nama
            child.position = opd.kepala_jabatan
            child.biography = _fill(text.PROFIL["bio"], values)
        elif name == "StrukturOrganisasiPage" and not child.is_filled:
            child.body = (
                f"<p>Susunan organisasi {opd.name} terdiri atas kepala, sekretariat, "
                "bidang-bidang, kelompok jabatan fungsional dan UPT.</p>"
            )
        else:
            continue
        child.save_revision(log_action=False).publish(log_action=False)


def _load_portal(categories: dict[str, KategoriBerita]) -> None:
    from wagtail.models import Site

    site = Site.objects.get(is_default_site=True)
    home = site.root_page.specific
    berita = _section(home, "berita")
    pemda = PemdaSettings.load()
    collection = Collection.get_first_root_node().get_children().filter(name="Portal").first()
    collection = collection or Collection.get_first_root_node()
    if not pemda.logo_id:
        pemda.logo = _image(
            "Lambang Kota Contoh", media.logo_png("KC", "#0b5394"), "lambang-kota.png", collection
        )
        pemda.save()
    if berita is not None and not berita.get_children().exists():
        for i, (title, cat, summary, paragraphs) in enumerate(text.PORTAL_NEWS):
            photo = _image(
                f"Portal {i + 1}",
                media.scene_jpeg(f"portal{i}", "#0b5394", title[:40]),
                f"portal-{i + 1}.jpg",
                collection,
                credit="Humas Pemko",
            )
            page = BeritaPage(
                title=title,
                date=timezone.localdate() - timedelta(days=1 + i * 6),
                summary=summary,
                body=_body(paragraphs, {}),
                category=categories.get(cat),
                author="Bagian Protokol dan Komunikasi Pimpinan",
                featured_image=photo,
                featured_image_alt=f"Foto kegiatan: {title.lower()}",
            )
            _add(berita, page, _when(1 + i * 6))
    profil = _section(home, "profil-kota")
    if profil is not None:
        profil = profil.specific
        if not profil.body:
            profil.summary = "Sekilas tentang Kota Contoh: wilayah, penduduk dan pemerintahan."
            profil.body = [("paragraph", RichText(p)) for p in text.CITY_PROFILE]
            profil.save_revision(log_action=False).publish(log_action=False)
    if not home.pinned_items.exists():
        picks = [
            ("disdikbud", "Penting"),
            ("disdukcapil", "Layanan baru"),
            ("bpbd", "Siaga"),
        ]
        for order, (slug, label) in enumerate(picks):
            opd = OPD.objects.filter(slug=slug).select_related("site__root_page").first()
            if opd is None or opd.site is None:
                continue
            first = (
                BeritaPage.objects.live()
                .descendant_of(opd.site.root_page)
                .order_by("-date")
                .first()
            )
            if first is not None:
                PinnedItem.objects.create(home=home, page=first, label=label, sort_order=order)
    if not home.intro or not home.hero_image_id:
        home.intro = home.intro or (
            "<p>Satu pintu informasi Pemerintah Kota Contoh: berita, pengumuman dan agenda "
            "seluruh perangkat daerah, layanan publik, serta saluran aspirasi warga.</p>"
        )
        home.hero_image = home.hero_image or _image(
            "Panorama Kota Contoh",
            media.scene_jpeg("panorama", "#0b5394", "Kota Contoh", size=(1440, 600)),
            "panorama-kota.jpg",
            collection,
            credit="Humas Pemko",
        )
        home.save_revision(log_action=False).publish(log_action=False)


def load(out) -> list[tuple[str, str, str]]:
    categories = {}
    for name, slug in text.CATEGORIES:
        categories[slug], _ = KategoriBerita.objects.get_or_create(
            slug=slug, defaults={"name": name}
        )
    total = 0
    opds = OPD.objects.provisioned().select_related("site__root_page", "collection")
    for index, opd in enumerate(opds.order_by("pk")):
        total += _load_opd(opd, categories, index)
    _load_portal(categories)
    out.write(f"  Konten: {total} halaman baru")
    return []
