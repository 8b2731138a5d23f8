"""Wiring: content changes reach the public search index (``indexing``) in their transaction.

Registered here, in the search app, so that the apps whose models are indexed (content,
documents) know nothing about search; apps with records of their own (layanan) register them
with ``index_records``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.models import Page
from wagtail.signals import post_page_move

from balai.search import indexing, query
from balai.search.models import Synonym
from balai.search.sources import RECORD_SOURCES, EntryData, RecordSource

# Page saves that change nothing a visitor sees (drafts, locks, counters): not re-indexed.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "draft_title",
        "has_unpublished_changes",
        "locked",
        "locked_at",
        "locked_by",
        "live_revision",
        "numchild",
        "go_live_at",
        "expire_at",
    }
)


def _page_saved(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Publishing, unpublishing and any other save of a page's live content (publishing saves
    the page with its new content, unpublishing with ``live=False``)."""
    if raw or not isinstance(instance, Page):
        return
    if update_fields is not None and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    indexing.index_page(instance)


def _moved(sender, instance, **kwargs) -> None:
    indexing.move_page(instance)


def _page_deleted(sender, instance, **kwargs) -> None:
    if isinstance(instance, Page):
        indexing.remove_pages([instance.pk])


def _document_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexing.index_document(instance)


def _document_deleted(sender, instance, **kwargs) -> None:
    indexing.remove_document(instance)


def _record_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexing.index_record(instance)


def _record_deleted(sender, instance, **kwargs) -> None:
    indexing.remove_record(instance)


def index_records(
    model: type[Model],
    *,
    source: str,
    to_entry: Callable[[Any], EntryData | None],
    published: Callable[[], QuerySet],
) -> None:
    """Called by an app in its ``ready()`` to make its records searchable (layanan registers
    its services), so that search imports no domain app."""
    RECORD_SOURCES[model] = RecordSource(source=source, to_entry=to_entry, published=published)
    label = model._meta.label_lower
    post_save.connect(_record_saved, sender=model, dispatch_uid=f"balai_search_{label}")
    post_delete.connect(_record_deleted, sender=model, dispatch_uid=f"balai_search_{label}_del")


def _opd_saved(sender, instance, raw=False, **kwargs) -> None:
    if not raw:
        indexing.assign_opd(instance)


def _synonyms_changed(sender, **kwargs) -> None:
    query.forget_synonyms()


def connect() -> None:
    from balai.opd.models import OPD

    post_save.connect(_page_saved, dispatch_uid="balai_search_page_saved")
    post_page_move.connect(_moved, dispatch_uid="balai_search_moved")
    post_delete.connect(_page_deleted, dispatch_uid="balai_search_page_deleted")
    document = get_document_model()
    post_save.connect(_document_saved, sender=document, dispatch_uid="balai_search_doc_saved")
    post_delete.connect(_document_deleted, sender=document, dispatch_uid="balai_search_doc_del")
    post_save.connect(_opd_saved, sender=OPD, dispatch_uid="balai_search_opd_saved")
    post_save.connect(_synonyms_changed, sender=Synonym, dispatch_uid="balai_search_syn_saved")
    post_delete.connect(_synonyms_changed, sender=Synonym, dispatch_uid="balai_search_syn_del")
