"""The public search index (one row per page, document or service a citizen can find), the
vocabulary used to correct typos, and the synonym list Kominfo keeps.

The full-text part of the index lives beside these tables and is specific to the database
(``backends.py``): on PostgreSQL a weighted ``tsvector`` column of ``SearchEntry`` with a GIN
index, on SQLite an FTS5 table whose rowid is the entry's id. Migration 0002 creates both.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class SearchEntry(models.Model):
    """What the results page shows and filters on, denormalised for one-table queries."""

    class Source(models.TextChoices):
        PAGE = "page", "page"
        DOCUMENT = "document", "document"
        LAYANAN = "layanan", "layanan"

    source = models.CharField(max_length=10, choices=Source.choices)
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20)  # the result type key, see registry.SEARCH_TYPES
    opd = models.ForeignKey(
        "opd.OPD", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )  # None: the city portal
    path = models.CharField(max_length=255, blank=True)  # a page's tree path (view restrictions)
    url = models.CharField(max_length=500, blank=True)  # documents and services; pages at display
    date = models.DateField()  # shown, and the recency tie-breaker
    year = models.PositiveSmallIntegerField(null=True, blank=True)  # the year filter
    title = models.TextField()
    summary = models.TextField(blank=True)
    body = models.TextField(blank=True)
    # Documents: where each page of ``body`` starts (character offsets), for "hlm. N".
    page_starts = models.JSONField(default=list, blank=True)
    label = models.CharField(max_length=100, blank=True)  # e.g. the document category
    note = models.CharField(max_length=20, blank=True)  # e.g. "scan": a PDF without text

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["source", "object_id"], name="search_entry_unique")
        ]
        indexes = [
            models.Index(fields=["-date", "-id"], name="search_entry_recent"),
            models.Index(fields=["opd", "kind"], name="search_entry_scope"),
            models.Index(fields=["kind", "-date"], name="search_entry_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.object_id} {self.title}"


class SearchWord(models.Model):
    """A word of the titles and summaries in the index: the candidates for "Mungkin maksud
    Anda …" (trigram similarity: pg_trgm on PostgreSQL, an FTS5 trigram table on SQLite)."""

    word = models.CharField(max_length=60, unique=True)
    frequency = models.PositiveIntegerField(default=1)

    def __str__(self) -> str:
        return self.word


class Synonym(models.Model):
    """Words and phrases that mean the same thing to a citizen (``KTP, KTP-el, e-KTP``).

    A query containing any of them also finds the others. Kominfo edits the list in the admin
    (Pengaturan → Sinonim pencarian); it takes effect on the next search, no re-indexing.
    """

    terms = models.TextField(
        _("kata dan frasa"),
        help_text=_(
            "Dipisahkan koma, misalnya: KTP, KTP-el, e-KTP, kartu tanda penduduk. Pencarian "
            "salah satunya juga menemukan yang lain."
        ),
    )
    note = models.CharField(_("keterangan"), max_length=200, blank=True)

    class Meta:
        verbose_name = _("sinonim pencarian")
        verbose_name_plural = _("sinonim pencarian")
        ordering = ["terms"]

    def __str__(self) -> str:
        return self.terms

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        from balai.search import analysis

        meaningful = [t for t in self.term_list if analysis.words(t)]
        if len(meaningful) < 2:
            raise ValidationError(
                {
                    "terms": _(
                        "Isi sedikitnya dua kata atau frasa yang dapat dicari, dipisahkan koma."
                    )
                }
            )

    @property
    def term_list(self) -> list[str]:
        return [t.strip() for t in self.terms.replace("\n", ",").split(",") if t.strip()]
