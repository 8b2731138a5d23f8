"""The cross-site search: pages of every site and public documents, filtered and merged by score.

Matching and ranking are Wagtail's search backend (PostgreSQL full-text search with the
``indonesian`` configuration in production, SQLite FTS5 in development). The number of queries
is fixed: a count and a slice per source, one query per page type shown, one for the OPDs.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass
from heapq import merge
from itertools import islice

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils.html import strip_tags
from django.utils.safestring import SafeString
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField
from wagtail.models import Collection, Page, PageViewRestriction, get_page_models

from balai.opd.models import OPD
from balai.opd.selectors import opd_path_prefix
from balai.search import registry
from balai.search.highlight import excerpt, highlight

MAX_QUERY_LENGTH = 200
# Fields whose text can serve as a page's excerpt, in order of preference.
TEXT_FIELDS = ("summary", "search_description", "body", "intro", "description", "biography",
               "visi", "misi")  # fmt: skip
# StreamField keys that hold references or settings, not readable text.
STREAM_SKIP_KEYS = {"type", "id", "image", "document", "page", "url", "alignment", "video"}


@dataclass(frozen=True)
class Scope:
    """Where to search: one OPD, the portal's own pages, or everything (``opd is None``)."""

    opd: OPD | None = None
    portal_only: bool = False


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


def _year_page_ids(year: int):
    """Ids of pages belonging to ``year``: by their own date where they have one (news date,
    event start), by first publication otherwise."""
    dated = Q()
    dated_cts = []
    for search_type, model in registry.typed_page_models():
        if not search_type.date_field:
            continue
        dated_cts.append(ContentType.objects.get_for_model(model).pk)
        ids = model.objects.filter(**{f"{search_type.date_field}__year": year}).values("pk")
        dated |= Q(pk__in=ids)
    undated = Q(first_published_at__year=year) & ~Q(content_type__in=dated_cts)
    return Page.objects.filter(dated | undated).values("pk")


def _other_page_cts() -> list[int]:
    typed = {model for _t, model in registry.typed_page_models()}
    others = [m for m in get_page_models() if m not in typed and m is not Page]
    return [ct.pk for ct in ContentType.objects.get_for_models(*others).values()]


def _inactive_opds() -> list[OPD]:
    return list(OPD.objects.provisioned().filter(is_active=False).select_related("site__root_page"))


def page_queryset(scope: Scope, type_key: str = "", year: int | None = None):
    pages = Page.objects.live().filter(depth__gte=2)
    if PageViewRestriction.objects.exists():
        pages = pages.filter(pk__in=Page.objects.public().values("pk"))
    if scope.opd is not None:
        pages = pages.filter(path__startswith=scope.opd.site.root_page.path)
    elif scope.portal_only:
        portal = Page.objects.filter(sites_rooted_here__is_default_site=True).first()
        pages = pages.filter(path__startswith=portal.path) if portal else pages.none()
    else:
        hidden = Q()
        for opd in _inactive_opds():
            hidden |= Q(path__startswith=opd.site.root_page.path)
        if hidden:
            pages = pages.filter(pk__in=Page.objects.exclude(hidden).values("pk"))
    if type_key == registry.OTHER_PAGES:
        pages = pages.filter(content_type__in=_other_page_cts())
    elif type_key:
        search_type = registry.type_by_key(type_key)
        models = [registry.page_model(m) for m in search_type.models] if search_type else []
        pages = pages.type(*models) if models else pages.none()
    if year:
        pages = pages.filter(pk__in=_year_page_ids(year))
    return pages


def document_queryset(scope: Scope, year: int | None = None):
    documents = get_document_model().objects.filter(is_public=True)
    if scope.opd is not None:
        if scope.opd.collection_id is None:
            return documents.none()
        collections = Collection.objects.get(pk=scope.opd.collection_id).get_descendants(
            inclusive=True
        )
        documents = documents.filter(collection__in=list(collections.values_list("pk", flat=True)))
    elif scope.portal_only:
        opd_collections = OPD.objects.exclude(collection=None).values_list("collection", flat=True)
        allowed = Collection.objects.exclude(pk__in=opd_collections).values_list("pk", flat=True)
        documents = documents.filter(collection__in=list(allowed))
    else:
        hidden = [o.collection_id for o in _inactive_opds() if o.collection_id]
        if hidden:
            allowed = Collection.objects.exclude(pk__in=hidden).values_list("pk", flat=True)
            documents = documents.filter(collection__in=list(allowed))
    if year:
        documents = documents.filter(year=year)
    return documents


class MergedResults:
    """Search results of several sources as one sequence ordered by score, for a Paginator.

    A slice ``[a:b]`` fetches the best ``b`` of each source (one query each) and merges them;
    pages deep in the list cost more, so the view caps the page number.
    """

    def __init__(self, sources):
        self.sources = sources
        self._count: int | None = None

    def count(self) -> int:
        if self._count is None:
            self._count = sum(source.count() for source in self.sources)
        return self._count

    def __len__(self) -> int:
        return self.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            raise TypeError("MergedResults supports slices only")
        start, stop = item.start or 0, item.stop
        if len(self.sources) == 1:
            return list(self.sources[0][start:stop])
        fetched = [list(source[:stop]) for source in self.sources]
        ranked = merge(*fetched, key=lambda obj: -(getattr(obj, "_score", 0) or 0))
        return list(islice(ranked, start, stop))


def search(query: str, scope: Scope, type_key: str = "", year: int | None = None):
    """Everything matching ``query`` in ``scope``: a sliceable, countable sequence of pages
    (base ``Page`` objects) and documents, best first."""
    query = query.strip()[:MAX_QUERY_LENGTH]
    sources = []
    if type_key != registry.DOCUMENTS:
        sources.append(
            page_queryset(scope, type_key, year)
            .search(query, operator="and")
            .annotate_score("_score")
        )
    if type_key in ("", registry.DOCUMENTS):
        sources.append(
            document_queryset(scope, year).search(query, operator="and").annotate_score("_score")
        )
    return MergedResults(sources)


# --- presenting results --------------------------------------------------------------------


def _html_text(markup: str) -> str:
    """Readable text of stored HTML (rich text): tags removed, entities decoded."""
    return html.unescape(strip_tags(markup))


def _stream_text(data) -> str:
    if isinstance(data, str):
        return _html_text(data)
    if isinstance(data, list):
        return " ".join(_stream_text(item) for item in data)
    if isinstance(data, dict):
        return " ".join(
            _stream_text(value) for key, value in data.items() if key not in STREAM_SKIP_KEYS
        )
    return ""


def page_texts(page) -> list[str]:
    texts = []
    for name in TEXT_FIELDS:
        value = getattr(page, name, None)
        if value is None:
            continue
        raw = getattr(value, "raw_data", None)
        if raw is not None:
            text = _stream_text(list(raw))
        elif isinstance(page._meta.get_field(name), RichTextField):
            text = _html_text(value)
        else:
            text = str(value)
        text = " ".join(text.split())
        if text:
            texts.append(text)
    return texts


def _best_text(texts: list[str], query: str) -> str:
    from balai.search.highlight import query_terms, root

    roots = {root(t) for t in query_terms(query)}
    for text in texts:
        lowered = text.lower()
        if any(r in lowered for r in roots):
            return text
    return texts[0] if texts else ""


def _type_of_content_type() -> dict[int, registry.SearchType]:
    return {
        ContentType.objects.get_for_model(model).pk: search_type
        for search_type, model in registry.typed_page_models()
    }


def present(objects: list, query: str, request) -> list[Result]:
    """Turn one page of search hits into display rows (queries: OPDs, plus one per page type)."""
    document_model = get_document_model()
    page_ids = [obj.pk for obj in objects if isinstance(obj, Page)]
    specific = {}
    if page_ids:
        specific = {p.pk: p for p in Page.objects.filter(pk__in=page_ids).specific()}
    opds = list(OPD.objects.provisioned().select_related("site__root_page"))
    by_path = {opd.site.root_page.path: opd for opd in opds}
    by_collection = {opd.collection_id: opd for opd in opds if opd.collection_id}
    types = _type_of_content_type()
    other = registry.type_by_key(registry.OTHER_PAGES)
    documents = registry.type_by_key(registry.DOCUMENTS)
    portal_name = settings.BALAI_CITY_NAME

    rows: list[Result] = []
    for obj in objects:
        if isinstance(obj, document_model):
            opd = by_collection.get(obj.collection_id)
            text = _best_text([t for t in (obj.description, obj.extracted_text) if t], query)
            rows.append(
                Result(
                    type_key=documents.key,
                    type_label=f"{documents.label} · {obj.get_category_display()}",
                    title=highlight(obj.title, query),
                    url=obj.url,
                    excerpt=highlight(excerpt(text, query), query),
                    source=opd.name if opd else portal_name,
                    date=None,
                    year=obj.year,
                    file_extension=obj.file_extension.upper(),
                    file_size=obj.file_size,
                )
            )
            continue
        page = specific.get(obj.pk)
        if page is None:  # deleted between the search and the fetch
            continue
        search_type = types.get(page.content_type_id, other)
        value = getattr(page, search_type.date_field, None) if search_type.date_field else None
        if value is None:
            value = page.first_published_at
        if isinstance(value, dt.datetime):
            value = value.date()
        opd = by_path.get(opd_path_prefix(page))
        text = _best_text(page_texts(page), query)
        rows.append(
            Result(
                type_key=search_type.key,
                type_label=str(search_type.label),
                title=highlight(page.title, query),
                url=page.get_url(request) or "",
                excerpt=highlight(excerpt(text, query), query),
                source=opd.name if opd else portal_name,
                date=value,
            )
        )
    return rows
