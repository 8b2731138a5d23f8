"""Keeping the public search index up to date: one verb per change, and a full rebuild.

The index follows the content in the same transaction: publishing, unpublishing, moving or
deleting a page, saving or deleting a document or a service updates its entry at once (a page
is found the moment it is published, and a cached results page dropped on publish is rebuilt
from fresh data). Bulk loads (``load_demo``, ``load_bench_city``) suspend the per-object
updates with ``bulk_indexing()`` and rebuild once at the end, in seconds, instead of leaving
thousands of queued index tasks behind.
"""

from __future__ import annotations

import logging
import re
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.documents import get_document_model
from wagtail.models import Page, get_page_models

from balai.opd.selectors import opd_ids_by_root_path
from balai.search import analysis
from balai.search.backends import IndexRow, backend, stems
from balai.search.models import SearchEntry, SearchWord
from balai.search.sources import RECORD_SOURCES, EntryData, document_entry, page_entry

logger = logging.getLogger(__name__)

BATCH = 500
VOCABULARY_WORD = re.compile(r"[a-z]{3,40}")
_state = threading.local()


# --- lookups the sources need ----------------------------------------------------------------


def opd_ids_by_collection_path() -> dict[str, int]:
    """Collection path → OPD, deepest first (an OPD's sub-collections belong to it)."""
    from balai.opd.models import OPD

    pairs = OPD.objects.exclude(collection=None).values_list("collection__path", "pk")
    return dict(sorted(pairs, key=lambda pair: -len(pair[0])))


# --- writing -----------------------------------------------------------------------------------


def _fields(data: EntryData) -> dict:
    return {
        "kind": data.kind,
        "opd_id": data.opd_id,
        "path": data.path,
        "url": data.url,
        "date": data.date,
        "year": data.year,
        "title": data.title,
        "summary": data.summary,
        "body": data.body,
        "page_starts": data.page_starts,
        "label": data.label,
        "note": data.note,
    }


def _index_row(entry_id: int, data: EntryData) -> IndexRow:
    return IndexRow(entry_id, stems(data.title), stems(data.summary), stems(data.body))


def vocabulary(data: EntryData) -> set[str]:
    """The words of a title and summary that may be offered as corrections."""
    text = analysis.normalize(f"{data.title} {data.summary}")
    return {w for w in VOCABULARY_WORD.findall(text) if w not in analysis.STOPWORDS}


def _store(items: list[EntryData]) -> None:
    """Insert or update the entries of ``items`` and their full-text rows."""
    if not items:
        return
    rows = []
    for data in items:
        entry, _created = SearchEntry.objects.update_or_create(
            source=data.source, object_id=data.object_id, defaults=_fields(data)
        )
        rows.append(_index_row(entry.pk, data))
    backend().write(rows)
    words = set().union(*(vocabulary(d) for d in items))
    SearchWord.objects.bulk_create([SearchWord(word=w) for w in words], ignore_conflicts=True)


def _remove(source: str, object_ids: Iterable[int]) -> None:
    entries = SearchEntry.objects.filter(source=source, object_id__in=list(object_ids))
    ids = list(entries.values_list("pk", flat=True))
    if ids:
        backend().delete(ids)
        SearchEntry.objects.filter(pk__in=ids).delete()


def suspended() -> bool:
    return getattr(_state, "suspended", False)


# --- one verb per change -------------------------------------------------------------------------


def index_page(page: Page) -> None:
    """Index a page as it is now (live and with text of its own), or drop it from the index."""
    if suspended():
        return
    page = page.specific if type(page) is Page else page
    data = page_entry(page, opd_ids_by_root_path())
    if data is None:
        _remove(SearchEntry.Source.PAGE, [page.pk])
    else:
        _store([data])


def remove_pages(page_ids: Iterable[int]) -> None:
    if not suspended():
        _remove(SearchEntry.Source.PAGE, page_ids)


def move_page(page: Page) -> None:
    """After a move: the page and everything below it have new tree paths, maybe a new OPD."""
    if suspended():
        return
    from balai.opd.selectors import opd_path_prefix

    paths = dict(Page.objects.descendant_of(page, inclusive=True).values_list("pk", "path"))
    opds = opd_ids_by_root_path()
    entries = list(SearchEntry.objects.filter(source="page", object_id__in=list(paths)))
    for entry in entries:
        entry.path = paths[entry.object_id]
        entry.opd_id = opds.get(opd_path_prefix(entry))
    SearchEntry.objects.bulk_update(entries, ["path", "opd"], batch_size=BATCH)


def assign_opd(opd) -> None:
    """An OPD got (or changed) its site or collection: what lies under them is the OPD's.
    (Provisioning publishes the OPD's home page before the OPD points at its site.)"""
    if suspended():
        return
    if opd.site_id:
        root_path = opd.site.root_page.path
        SearchEntry.objects.filter(source="page", path__startswith=root_path).exclude(
            opd=opd
        ).update(opd=opd)
    if opd.collection_id:
        from wagtail.models import Collection

        collection = Collection.objects.get(pk=opd.collection_id)
        ids = (
            get_document_model()
            .objects.filter(collection__path__startswith=collection.path)
            .values("pk")
        )
        SearchEntry.objects.filter(source="document", object_id__in=ids).exclude(opd=opd).update(
            opd=opd
        )


def index_document(document) -> None:
    if suspended():
        return
    data = document_entry(document, opd_ids_by_collection_path())
    if data is None:
        _remove(SearchEntry.Source.DOCUMENT, [document.pk])
    else:
        _store([data])


def remove_document(document) -> None:
    if not suspended():
        _remove(SearchEntry.Source.DOCUMENT, [document.pk])


def index_record(record) -> None:
    """A registered record (a service, …) saved: stored while published, removed otherwise."""
    if suspended():
        return
    source = RECORD_SOURCES[type(record)]
    data = source.to_entry(record)
    if data is None:
        _remove(source.source, [record.pk])
    else:
        _store([data])


def remove_record(record) -> None:
    if not suspended():
        _remove(RECORD_SOURCES[type(record)].source, [record.pk])


# --- full rebuild --------------------------------------------------------------------------------


def _chunks(iterable: Iterable, size: int = BATCH) -> Iterator[list]:
    chunk = []
    for item in iterable:
        chunk.append(item)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _all_entries() -> Iterator[EntryData]:
    roots = opd_ids_by_root_path()
    for model in get_page_models():
        if model is Page or model._meta.abstract:
            continue
        content_type = ContentType.objects.get_for_model(model)
        pages = (
            model.get_indexed_objects()
            .filter(content_type=content_type, live=True, depth__gte=2)
            .order_by("pk")
        )
        for page in pages.iterator(chunk_size=BATCH):
            data = page_entry(page, roots)
            if data is not None:
                yield data
    collections = opd_ids_by_collection_path()
    documents = (
        get_document_model()
        .objects.filter(is_public=True)
        .select_related("collection")
        .prefetch_related("tags")
        .order_by("pk")
    )
    for document in documents.iterator(chunk_size=BATCH):
        data = document_entry(document, collections)
        if data is not None:
            yield data
    for source in RECORD_SOURCES.values():
        for record in source.published().order_by("pk").iterator(BATCH):
            data = source.to_entry(record)
            if data is not None:
                yield data


@transaction.atomic
def rebuild() -> int:
    """Index everything that can be found, from scratch. Returns the number of entries."""
    search_backend = backend()
    search_backend.reset()
    SearchEntry.objects.all().delete()
    SearchWord.objects.all().delete()
    words: Counter[str] = Counter()
    total = 0
    for chunk in _chunks(_all_entries()):
        entries = SearchEntry.objects.bulk_create(
            [SearchEntry(source=d.source, object_id=d.object_id, **_fields(d)) for d in chunk]
        )
        search_backend.write([_index_row(e.pk, d) for e, d in zip(entries, chunk, strict=True)])
        for data in chunk:
            words.update(vocabulary(data))
        total += len(chunk)
    SearchWord.objects.bulk_create(
        [SearchWord(word=w, frequency=n) for w, n in words.items()], batch_size=2000
    )
    return total


@contextmanager
def bulk_indexing(admin_index: bool = True):
    """Suspend per-object indexing while loading many objects; rebuild once at the end.

    With ``admin_index``, Wagtail's own index (the admin's search) is suspended too and
    rebuilt with ``update_index``, rather than one queued task per saved object. Nested uses
    rebuild once, when the outermost ends.
    """
    from django.db.models.signals import post_save
    from modelsearch import signal_handlers
    from modelsearch.index import get_indexed_models

    depth = getattr(_state, "depth", 0)
    models = [m for m in get_indexed_models() if getattr(m, "search_auto_update", True)]
    admin_index = admin_index and depth == 0
    if admin_index:
        for model in models:
            post_save.disconnect(signal_handlers.post_save_signal_handler, sender=model)
    _state.depth = depth + 1
    _state.suspended = True
    try:
        yield
    finally:
        _state.depth = depth
        _state.suspended = depth > 0
        if admin_index:
            for model in models:
                post_save.connect(signal_handlers.post_save_signal_handler, sender=model)
    if depth:
        return
    count = rebuild()
    logger.info("Search index rebuilt: %d entries", count)
    if admin_index:
        from django.core.management import call_command

        call_command("update_index", verbosity=0)
