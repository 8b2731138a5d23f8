"""What each searchable thing becomes in the index: pages, public documents and services.

Which fields of a model are searched is the model's own Wagtail ``search_fields`` declaration
(plus an index page's ``intro``): ``title`` (or a service's ``name``) is the title; ``summary``
and ``search_description`` (a document's description and number) the summary; every other
field the body.

Pages that are only a container (the "Layanan", "Berita" or "Kontak" page of each OPD, a
profile page nobody filled in) are not indexed until they have text of their own: otherwise a
search for ``layanan`` would list sixty identical "Layanan" pages. News, announcements, agenda,
albums and OPD home pages count as content with a title alone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Model, QuerySet
from django.utils import timezone
from wagtail.models import Page
from wagtail.search import index

from balai.search import registry

TITLE_FIELDS = {"title", "name"}
SUMMARY_FIELDS = {"summary", "search_description", "description", "number"}
EXTRA_BODY_FIELDS = ("intro",)  # index pages' introductions (not in their search_fields)
TITLE_IS_CONTENT = {"content.OPDHomePage", "content.PortalHomePage"}
MAX_BODY_CHARS = 300_000


@dataclass
class EntryData:
    source: str
    object_id: int
    kind: str
    title: str
    date: dt.date
    summary: str = ""
    body: str = ""
    opd_id: int | None = None
    path: str = ""
    url: str = ""  # documents: the file's path; services: the path on their OPD's site
    year: int | None = None
    page_starts: list[int] = field(default_factory=list)
    label: str = ""
    note: str = ""


def _text(value) -> str:
    """Plain text of a field's value; the lines of a list-like field (a service's
    requirements, one per line) stay apart as "; " in excerpts."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return "\n".join(_text(v) for v in value)
    if hasattr(value, "all") and callable(value.all):  # a related manager (tags)
        return ", ".join(str(v) for v in value.all())
    lines = [" ".join(line.split()) for line in str(value).splitlines()]
    out = ""
    for line in filter(None, lines):
        out += (" " if not out or out[-1] in ".!?:;," else "; ") + line
    return out.strip()


def field_texts(obj) -> tuple[str, str, str]:
    """(title, summary, body) of any model with ``search_fields``."""
    title, summary, body = [], [], []
    names = set()
    for search_field in type(obj).get_search_fields():
        if isinstance(search_field, index.RelatedFields):
            related = search_field.get_value(obj)
            if related is None:
                continue
            items = related.all() if hasattr(related, "all") else [related]
            for item in items:
                for sub in search_field.fields:
                    if isinstance(sub, index.SearchField):
                        body.append(_text(sub.get_value(item)))
            continue
        if not isinstance(search_field, index.SearchField):
            continue
        name = search_field.field_name
        names.add(name)
        text = _text(search_field.get_value(obj))
        if name in TITLE_FIELDS:
            title.append(text)
        elif name in SUMMARY_FIELDS:
            summary.append(text)
        else:
            body.append(text)
    for name in EXTRA_BODY_FIELDS:
        if name not in names and hasattr(obj, name):
            from wagtail.rich_text import get_text_for_indexing

            body.append(_text(get_text_for_indexing(str(getattr(obj, name) or ""))))
    join = "\n".join
    return join(t for t in title if t), join(t for t in summary if t), join(t for t in body if t)


def _date(value) -> dt.date | None:
    if isinstance(value, dt.datetime):
        return timezone.localtime(value).date() if timezone.is_aware(value) else value.date()
    return value


def page_entry(page: Page, opd_ids_by_root_path: dict[str, int]) -> EntryData | None:
    """The entry of a live, specific page, or None when it is not to be found."""
    if not page.live or page.depth < 2:
        return None
    label = page._meta.label
    search_type = registry.type_of_page_model(type(page))
    title, summary, body = field_texts(page)
    title = title or page.title
    if not (summary or body) and not (search_type.date_field or label in TITLE_IS_CONTENT):
        return None  # a container without text of its own
    when = getattr(page, search_type.date_field, None) if search_type.date_field else None
    when = _date(when) or _date(page.first_published_at) or timezone.localdate()
    from balai.opd.selectors import opd_path_prefix

    return EntryData(
        source="page",
        object_id=page.pk,
        kind=search_type.key,
        title=title,
        summary=summary,
        body=body[:MAX_BODY_CHARS],
        opd_id=opd_ids_by_root_path.get(opd_path_prefix(page)),
        path=page.path,
        date=when,
        year=when.year,
    )


def document_entry(document, opd_ids_by_collection_path: dict[str, int]) -> EntryData | None:
    """A public document: title; description and number; the text read from its file (whose
    page offsets come along) and its tags."""
    if not document.is_public:
        return None
    opd_id = None
    for path, candidate in opd_ids_by_collection_path.items():
        if document.collection.path.startswith(path):
            opd_id = candidate
            break
    tags = ", ".join(tag.name for tag in document.tags.all())
    body = (document.extracted_text or "")[:MAX_BODY_CHARS]
    created = _date(document.created_at) or timezone.localdate()
    return EntryData(
        source="document",
        object_id=document.pk,
        kind=registry.DOCUMENTS,
        title=document.title,
        summary=_text([document.description, document.number]),
        body=f"{body}\n{tags}" if tags else body,
        opd_id=opd_id,
        url=document.url,
        date=created,
        year=document.year,
        page_starts=list(document.text_page_starts or []),
        label=str(document.get_category_display()),
        note=document.text_status,
    )


@dataclass(frozen=True)
class RecordSource:
    """A model other than pages and documents whose rows are search entries (a service, …),
    registered by its own app through ``balai.search.signals.index_records``."""

    source: str  # a SearchEntry.Source value
    to_entry: Callable[[Any], EntryData | None]
    published: Callable[[], QuerySet]


RECORD_SOURCES: dict[type[Model], RecordSource] = {}


def layanan_entry(layanan) -> EntryData | None:
    if not layanan.is_published:
        return None
    title, summary, body = field_texts(layanan)
    updated = _date(layanan.updated_at) or timezone.localdate()
    return EntryData(
        source="layanan",
        object_id=layanan.pk,
        kind=registry.LAYANAN,
        title=title,
        summary=summary,
        body=body,
        opd_id=layanan.opd_id,
        url=f"layanan/{layanan.slug}/",
        date=updated,
        year=updated.year,
        label=str(layanan.get_category_display()),
    )
