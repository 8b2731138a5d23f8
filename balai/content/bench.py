"""Bench volume: enlarge the demo city to N OPDs, M news items and D documents, fast.

Extra OPDs are provisioned for real (``provision_opd``). The mass of news is inserted in bulk:
tree paths computed as treebeard would, ``wagtailcore_page`` rows by ``bulk_create`` and the
``content_beritapage`` rows by one ``executemany`` (Django cannot bulk-create multi-table
children). These items are real live pages for every list, feed and aggregation; they are not
in the search index unless the indexes are rebuilt afterwards (``load_bench_city`` does).
Documents are rows with their text already read (as the worker would have stored it), sharing
one small PDF file, spread over every OPD's collection.
"""

from __future__ import annotations

import json
import random
import uuid
from datetime import datetime, time, timedelta

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Page

from balai.content.models import BeritaPage, KategoriBerita
from balai.opd.models import OPD
from balai.opd.provisioning import OPDSpec, provision_opd

JENIS_CYCLE = ["dinas", "badan", "kecamatan", "upt", "lainnya"]
TOPICS = [
    "Peningkatan Layanan", "Sosialisasi Program", "Rapat Koordinasi", "Pelatihan Aparatur",
    "Kunjungan Kerja", "Penyerahan Bantuan", "Evaluasi Kinerja", "Pelayanan Keliling",
    "Gotong Royong", "Penandatanganan Kerja Sama",
]  # fmt: skip


def ensure_opds(total: int, out=None) -> int:
    made = 0
    n = OPD.objects.count()
    i = 0
    while n < total:
        i += 1
        slug = f"unit-{i:03d}"
        if OPD.objects.filter(slug=slug).exists():
            continue
        jenis = JENIS_CYCLE[i % len(JENIS_CYCLE)]
        parent = ""
        if jenis == "upt":
            parent = "dinkes" if OPD.objects.filter(slug="dinkes").exists() else ""
            if not parent:
                jenis = "dinas"
        provision_opd(
            OPDSpec(
                name=f"Unit Kerja Uji {i:03d}",
                short_name=f"Unit {i:03d}",
                slug=slug,
                jenis=jenis,
                parent_slug=parent,
                kepala_nama=f"Kepala Unit {i:03d}",
                phone=f"(0751) 55{i:04d}",
                email=f"{slug}@kotacontoh.go.id",
            )
        )
        made += 1
        n += 1
    return made


@transaction.atomic
def ensure_news(total: int, seed: int = 7) -> int:
    """Add news items, spread over every OPD's news section, until there are ``total``."""
    have = BeritaPage.objects.count()
    missing = total - have
    if missing <= 0:
        return 0
    rnd = random.Random(seed)
    indexes = list(
        Page.objects.filter(content_type__model="beritaindexpage", depth=3).order_by("path")
    )
    categories = list(KategoriBerita.objects.values_list("pk", flat=True)) or [None]
    ctype = ContentType.objects.get_for_model(BeritaPage)
    today = timezone.localdate()
    pages: list[Page] = []
    extra_rows: list[tuple] = []
    per_index = {ix.pk: 0 for ix in indexes}
    for k in range(missing):
        per_index[indexes[k % len(indexes)].pk] += 1
    counter = 0
    for ix in indexes:
        count = per_index[ix.pk]
        start = ix.numchild
        for j in range(count):
            counter += 1
            day = today - timedelta(days=rnd.randint(0, 730))
            when = timezone.make_aware(datetime.combine(day, time(8 + j % 9, 0)))
            topic = TOPICS[counter % len(TOPICS)]
            title = f"{topic} {counter:05d}: layanan publik untuk warga"
            slug = f"bench-{counter:05d}-{uuid.uuid4().hex[:6]}"
            pages.append(
                Page(
                    path=Page._get_path(ix.path, ix.depth + 1, start + j + 1),
                    depth=ix.depth + 1,
                    numchild=0,
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=ctype,
                    live=True,
                    has_unpublished_changes=False,
                    url_path=f"{ix.url_path}{slug}/",
                    first_published_at=when,
                    last_published_at=when,
                    locale_id=ix.locale_id,
                    translation_key=uuid.uuid4(),
                    show_in_menus=False,
                )
            )
            body = json.dumps(
                [
                    {
                        "type": "paragraph",
                        "id": str(uuid.uuid4()),
                        "value": f"<p>{title}. Kegiatan ini bagian dari peningkatan layanan.</p>",
                    }
                ]
            )
            extra_rows.append((day, body, rnd.choice(categories)))
        ix.numchild = start + count
    created = Page.objects.bulk_create(pages, batch_size=1000)
    if any(p.pk is None for p in created):  # SQLite < 3.35 returns no ids
        by_path = dict(
            Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk")
        )
        for p in created:
            p.pk = by_path[p.path]
    table = BeritaPage._meta.db_table
    rows = [
        (p.pk, f"Ringkasan {p.title}.", day.isoformat(), "", body, cat, "Humas")
        for p, (day, body, cat) in zip(created, extra_rows, strict=True)
    ]
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} (page_ptr_id, summary, date, featured_image_alt, body, "  # noqa: S608
            "category_id, author) VALUES (%s, %s, %s, %s, %s, %s, %s)",
            rows,
        )
    for ix in indexes:
        Page.objects.filter(pk=ix.pk).update(numchild=ix.numchild)
    return len(created)


DOC_KINDS = [
    ("sop", "SOP Pelayanan {topic}", "Standar operasional prosedur pelayanan {topic} di {opd}."),
    ("maklumat", "Maklumat Pelayanan {opd}", "Maklumat pelayanan {opd}: janji layanan publik."),
    ("laporan", "Laporan Kinerja {topic} {year}", "Laporan kinerja tahunan bidang {topic}."),
    ("peraturan", "Peraturan Wali Kota tentang {topic}", "Peraturan tentang {topic}."),
    ("renstra", "Rencana Kerja {opd} {year}", "Rencana kerja tahunan perangkat daerah."),
]  # fmt: skip
DOC_TOPICS = [
    "Perizinan Bangunan", "Administrasi Kependudukan", "Kesehatan Ibu dan Anak",
    "Pengelolaan Sampah", "Bantuan Sosial", "Pendidikan Dasar", "Usaha Mikro",
    "Penanggulangan Bencana", "Pengaduan Masyarakat", "Keterbukaan Informasi",
]  # fmt: skip


def _doc_text(rnd: random.Random, topic: str, opd: str, pages: int) -> tuple[str, list[int]]:
    """A few pages of plausible text, and where each page starts."""
    sentences = [
        f"Bagian ini mengatur pelayanan {topic.lower()} oleh {opd}.",
        "Pemohon menyerahkan persyaratan lengkap kepada petugas loket pelayanan.",
        "Jangka waktu penyelesaian paling lama lima hari kerja sejak berkas lengkap.",
        "Pengaduan disampaikan melalui kanal aspirasi, SMS, atau datang langsung.",
        "Biaya pelayanan tidak dipungut kecuali diatur dalam peraturan daerah.",
        "Petugas wajib memberikan pelayanan yang ramah, cepat, dan tidak diskriminatif.",
        "Evaluasi kinerja pelaksana dilakukan setiap semester oleh atasan langsung.",
    ]
    parts, starts, size = [], [], 0
    for _page in range(pages):
        text = " ".join(rnd.choice(sentences) for _ in range(rnd.randint(12, 30)))
        starts.append(size)
        parts.append(text)
        size += len(text) + 1
    return " ".join(parts), starts if pages > 1 else []


@transaction.atomic
def ensure_documents(total: int, seed: int = 11) -> int:
    """Add public documents, spread over every OPD's collection, until there are ``total``."""
    from django.core.files.base import ContentFile
    from django.core.files.storage import default_storage
    from wagtail.documents import get_document_model

    from balai.content.demo_media import simple_pdf

    document_model = get_document_model()
    missing = total - document_model.objects.count()
    if missing <= 0:
        return 0
    rnd = random.Random(seed)
    opds = list(OPD.objects.exclude(collection=None).order_by("pk"))
    pdf = simple_pdf("Dokumen uji", ["Dokumen volume untuk pengukuran kinerja pencarian."])
    name = default_storage.save("documents/bench-dokumen.pdf", ContentFile(pdf))
    year = timezone.localdate().year
    documents = []
    for n in range(missing):
        opd = opds[n % len(opds)]
        category, title, description = DOC_KINDS[n % len(DOC_KINDS)]
        topic = DOC_TOPICS[(n // len(DOC_KINDS)) % len(DOC_TOPICS)]
        values = {"topic": topic, "opd": opd.short_name, "year": year - n % 4}
        text, starts = _doc_text(rnd, topic, opd.name, rnd.randint(1, 6))
        documents.append(
            document_model(
                title=f"{title.format(**values)} ({n + 1:04d})",
                file=name,
                file_size=len(pdf),
                collection_id=opd.collection_id,
                category=category,
                year=year - n % 4,
                description=description.format(**values),
                extracted_text=text,
                text_page_starts=starts,
                text_status="ok",
            )
        )
    document_model.objects.bulk_create(documents, batch_size=500)
    return len(documents)
