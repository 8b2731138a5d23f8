"""Balai's public search index (see balai/search/models.py and backends.py).

Besides the tables: on PostgreSQL the weighted ``tsvector`` column with its GIN index and the
``pg_trgm`` extension for typo candidates; on SQLite the FTS5 table. Seeds the synonym list.
"""

import django.db.models.deletion
from django.db import migrations, models

SEED_SYNONYMS = [
    ("KTP, KTP-el, e-KTP, KTP elektronik, kartu tanda penduduk", "Kartu Tanda Penduduk"),
    ("KK, kartu keluarga", ""),
    ("IMB, PBG, izin mendirikan bangunan, persetujuan bangunan gedung",
     "PBG menggantikan IMB (PP 16/2021)"),
    ("SIUP, NIB, nomor induk berusaha, izin usaha", "NIB menggantikan SIUP (PP 5/2021, OSS)"),
    ("BPJS, JKN, BPJS Kesehatan, jaminan kesehatan nasional, KIS, kartu indonesia sehat", ""),
    ("puskesmas, pusat kesehatan masyarakat", ""),
    ("RSUD, rumah sakit umum daerah", ""),
    ("SKTM, surat keterangan tidak mampu", ""),
    ("NIK, nomor induk kependudukan", ""),
    ("Disdukcapil, Dukcapil, kependudukan dan pencatatan sipil, capil", ""),
    ("PPDB, SPMB, penerimaan peserta didik baru", ""),
    ("UMKM, usaha mikro kecil menengah", ""),
    ("bansos, bantuan sosial", ""),
    ("DTKS, DTSEN, data terpadu kesejahteraan sosial", ""),
    ("PBB, PBB-P2, pajak bumi dan bangunan", ""),
    ("damkar, pemadam kebakaran", ""),
    ("KIA, kartu identitas anak", ""),
    ("posyandu, pos pelayanan terpadu", ""),
]

POSTGRES_SQL = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "ALTER TABLE balai_search_searchentry ADD COLUMN vector tsvector NOT NULL DEFAULT ''",
    # fastupdate off: entries change one at a time; searches never wait on a pending list.
    "CREATE INDEX search_entry_vector ON balai_search_searchentry USING gin (vector) "
    "WITH (fastupdate = off)",
    "CREATE INDEX search_word_trigram ON balai_search_searchword USING gin (word gin_trgm_ops)",
]
SQLITE_SQL = [
    "CREATE VIRTUAL TABLE balai_search_fts USING fts5(title, summary, body, "
    "tokenize = 'unicode61')",
]


def full_text_structures(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_SQL, "sqlite": SQLITE_SQL}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement)


def drop_full_text_structures(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        schema_editor.execute("DROP TABLE IF EXISTS balai_search_fts")


def seed_synonyms(apps, schema_editor):
    Synonym = apps.get_model("balai_search", "Synonym")
    if not Synonym.objects.exists():
        Synonym.objects.bulk_create(Synonym(terms=t, note=n) for t, n in SEED_SYNONYMS)


class Migration(migrations.Migration):

    dependencies = [
        ('balai_search', '0001_indonesian_search_config'),
        ('opd', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchWord',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('word', models.CharField(max_length=60, unique=True)),
                ('frequency', models.PositiveIntegerField(default=1)),
            ],
        ),
        migrations.CreateModel(
            name='Synonym',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('terms', models.TextField(help_text='Dipisahkan koma, misalnya: KTP, KTP-el, e-KTP, kartu tanda penduduk. Pencarian salah satunya juga menemukan yang lain.', verbose_name='kata dan frasa')),
                ('note', models.CharField(blank=True, max_length=200, verbose_name='keterangan')),
            ],
            options={
                'verbose_name': 'sinonim pencarian',
                'verbose_name_plural': 'sinonim pencarian',
                'ordering': ['terms'],
            },
        ),
        migrations.CreateModel(
            name='SearchEntry',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('source', models.CharField(choices=[('page', 'page'), ('document', 'document'), ('layanan', 'layanan')], max_length=10)),
                ('object_id', models.PositiveBigIntegerField()),
                ('kind', models.CharField(max_length=20)),
                ('path', models.CharField(blank=True, max_length=255)),
                ('url', models.CharField(blank=True, max_length=500)),
                ('date', models.DateField()),
                ('year', models.PositiveSmallIntegerField(blank=True, null=True)),
                ('title', models.TextField()),
                ('summary', models.TextField(blank=True)),
                ('body', models.TextField(blank=True)),
                ('page_starts', models.JSONField(blank=True, default=list)),
                ('label', models.CharField(blank=True, max_length=100)),
                ('note', models.CharField(blank=True, max_length=20)),
                ('opd', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='opd.opd')),
            ],
            options={
                'indexes': [models.Index(fields=['-date', '-id'], name='search_entry_recent'), models.Index(fields=['opd', 'kind'], name='search_entry_scope'), models.Index(fields=['kind', '-date'], name='search_entry_kind')],
                'constraints': [models.UniqueConstraint(fields=('source', 'object_id'), name='search_entry_unique')],
            },
        ),
        migrations.RunPython(full_text_structures, drop_full_text_structures),
        migrations.RunPython(seed_synonyms, migrations.RunPython.noop),
    ]
