"""The cross-site search: what matches, in which order, with typo correction, and how results
are shown.

Matching and ranking: ``backends`` (one index table, ``ts_rank_cd`` on PostgreSQL, FTS5 bm25 on
SQLite, the same Indonesian stems on both). A search costs a fixed number of queries whatever
the number of results: OPDs, view restrictions, one count per type, one page of ids, then one
query per source shown (entries, pages for their URLs, documents for their files).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from wagtail.documents import get_document_model
from wagtail.models import Page

from balai.opd.models import OPD
from balai.opd.selectors import private_page_paths
from balai.search import analysis, registry
from balai.search.backends import COUNT_CAP, SUGGEST_MIN_SIMILARITY, Filters, backend
from balai.search.highlight import excerpt, highlight, page_number
from balai.search.models import SearchEntry, SearchWord
from balai.search.query import ParsedQuery, parse

MAX_QUERY_LENGTH = 200
MIN_CORRECTABLE_LENGTH = 4


@dataclass(frozen=True)
class Scope:
    """Where to search: one OPD, the portal's own pages, or everything (``opd is None``)."""

    opd: OPD | None = None
    portal_only: bool = False
    hidden_opd_ids: tuple[int, ...] | None = None  # inactive OPDs, when the caller knows them


@dataclass
class Result:
    type_key: str
    type_label: str
    title: SafeString
    url: str
    excerpt: SafeString
    source: str  # the OPD's name, or the city portal
    date: dt.date | None
    year: int | None = None
    file_extension: str = ""
    file_size: int | None = None
    page: int | None = None  # documents: the page of the excerpt
    note: str = ""  # e.g. a scanned PDF whose content cannot be searched


@dataclass
class Hits:
    """The matches of one query: counts per type and a sliceable, countable list of entry
    ids (a Paginator's object list)."""

    parsed: ParsedQuery
    filters: Filters
    counts: dict[str, int] = field(default_factory=dict)

    def count(self) -> int:
        if self.filters.kind:
            return self.counts.get(self.filters.kind, 0)
        return sum(self.counts.values())

    def __len__(self) -> int:
        return self.count()

    @property
    def capped(self) -> bool:
        """Whether some type has more matches than were counted (shown as "1.000+")."""
        return any(n > COUNT_CAP for n in self.counts.values())

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("Hits supports slices only")
        start, stop = item.start or 0, item.stop
        if not self.parsed or stop is None or stop <= start:
            return []
        return backend().ranked_ids(self.parsed, self.filters, self.count(), start, stop - start)


@dataclass
class Search:
    """What the results page needs: the hits, and the query they are for."""

    query: str  # what was searched (the correction, when the original found nothing)
    hits: Hits
    suggestion: str = ""  # "Mungkin maksud Anda …"
    corrected: bool = False  # the hits are for ``suggestion``; the original found nothing
    too_common: bool = False  # only words that are not searched (dan, yang, di …)


def filters_for(scope: Scope, type_key: str = "", year: int | None = None) -> Filters:
    filters = Filters(kind=type_key, year=year)
    if scope.opd is not None:
        filters.opd_id = scope.opd.pk
    elif scope.portal_only:
        filters.portal_only = True
    else:
        if scope.hidden_opd_ids is not None:
            filters.hidden_opd_ids = list(scope.hidden_opd_ids)
        else:
            filters.hidden_opd_ids = list(
                OPD.objects.filter(is_active=False).values_list("pk", flat=True)
            )
    filters.hidden_paths = private_page_paths()
    return filters


def _hits(parsed: ParsedQuery, filters: Filters) -> Hits:
    hits = Hits(parsed, filters)
    if parsed:
        hits.counts = backend().counts(parsed, filters)
    return hits


def correct(parsed: ParsedQuery) -> str:
    """The query with each unknown word replaced by the most similar known one ("" when
    nothing changes). Known words: those of titles and summaries in the index."""
    words = [w for w in parsed.words if len(w) >= MIN_CORRECTABLE_LENGTH and not w.isdigit()]
    if not words:
        return ""
    known = set(SearchWord.objects.filter(word__in=words).values_list("word", flat=True))
    search_backend = backend()
    changed = False
    corrected = []
    for word in parsed.words:
        replacement = word
        if word in words and word not in known:
            candidates = search_backend.similar_words(word)
            if candidates and candidates[0][1] >= SUGGEST_MIN_SIMILARITY:
                replacement = candidates[0][0]
                changed = True
        corrected.append(replacement)
    return " ".join(corrected) if changed else ""


def search(query: str, scope: Scope, type_key: str = "", year: int | None = None) -> Search:
    """Everything matching ``query`` in ``scope``; when nothing matches and the query looks
    misspelt, the matches of the corrected query instead."""
    query = " ".join(query.split())[:MAX_QUERY_LENGTH]
    parsed = parse(query)
    filters = filters_for(scope, type_key, year)
    hits = _hits(parsed, filters)
    only_stopwords = not parsed and bool(analysis.WORD.search(analysis.normalize(query)))
    result = Search(query=query, hits=hits, too_common=only_stopwords)
    if parsed and not sum(hits.counts.values()):
        suggestion = correct(parsed)
        if suggestion:
            corrected = _hits(parse(suggestion), filters)
            if sum(corrected.counts.values()):
                result.hits, result.suggestion, result.corrected = corrected, suggestion, True
    return result


# --- presenting results --------------------------------------------------------------------


def _scan_note() -> str:
    return _("PDF hasil pindaian: isinya belum dapat dicari")


def present(ids: list[int], parsed: ParsedQuery, request, opds: list[OPD]) -> list[Result]:
    """Turn one page of entry ids into display rows (one query per source shown).

    ``opds``: every provisioned OPD with its ``site``.
    """
    entries = {e.pk: e for e in SearchEntry.objects.filter(pk__in=ids)}
    ordered = [entries[i] for i in ids if i in entries]
    page_ids = [e.object_id for e in ordered if e.source == SearchEntry.Source.PAGE]
    pages = {p.pk: p for p in Page.objects.filter(pk__in=page_ids)} if page_ids else {}
    doc_ids = [e.object_id for e in ordered if e.source == SearchEntry.Source.DOCUMENT]
    documents = (
        {d.pk: d for d in get_document_model().objects.filter(pk__in=doc_ids)} if doc_ids else {}
    )
    by_id = {opd.pk: opd for opd in opds}
    types = {t.key: t for t in registry.available_types()}
    terms = parsed.terms
    portal_name = settings.BALAI_CITY_NAME

    rows: list[Result] = []
    for entry in ordered:
        opd = by_id.get(entry.opd_id) if entry.opd_id is not None else None
        search_type = types.get(entry.kind) or types[registry.OTHER_PAGES]
        label = str(search_type.label) + (f" · {entry.label}" if entry.label else "")
        if entry.source == SearchEntry.Source.PAGE:
            page = pages.get(entry.object_id)
            if page is None:  # deleted between the search and the fetch
                continue
            url = page.get_url(request) or ""
        elif entry.source == SearchEntry.Source.LAYANAN:
            url = (opd.url + entry.url) if opd else ""
        else:
            url = entry.url
        text, position, in_body = _excerpt_source(entry, terms)
        document = documents.get(entry.object_id) if entry.source == "document" else None
        rows.append(
            Result(
                type_key=entry.kind,
                type_label=label,
                title=highlight(entry.title, terms),
                url=url,
                excerpt=highlight(text, terms),
                source=opd.name if opd else portal_name,
                date=entry.date if entry.source != SearchEntry.Source.DOCUMENT else None,
                year=entry.year,
                file_extension=document.file_extension.upper() if document else "",
                file_size=document.file_size if document else None,
                page=page_number(entry.page_starts, position) if in_body else None,
                note=_scan_note() if entry.note == "scan" else "",
            )
        )
    return rows


def _excerpt_source(entry: SearchEntry, terms: frozenset[str]) -> tuple[str, int, bool]:
    """The excerpt of an entry: from its summary when the query is there, else from its body
    around the first match, else the summary or the beginning of the body. Also the match
    offset in the body (for the page number) and whether the excerpt comes from the body."""
    if entry.summary:
        text, position = excerpt(entry.summary, terms)
        if position >= 0:
            return text, -1, False
    if entry.body:
        text, position = excerpt(entry.body, terms)
        if position >= 0 or not entry.summary:
            return text, position, True
    return excerpt(entry.summary, terms)[0], -1, False
