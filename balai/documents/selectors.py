"""Reads for the public document lists: which documents a site shows, and their filter values."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.documents import get_document_model
from wagtail.models import Collection

from balai.opd.models import OPD


def site_documents(opd: OPD | None) -> QuerySet:
    """Public documents of an OPD (its collection and sub-collections), or of every active
    OPD and the portal when ``opd`` is None (the portal gathers them all)."""
    documents = get_document_model().objects.filter(is_public=True)
    if opd is not None:
        if opd.collection_id is None:
            return documents.none()
        collection = Collection.objects.get(pk=opd.collection_id)
        return documents.filter(
            collection__in=collection.get_descendants(inclusive=True).values("pk")
        )
    hidden = OPD.objects.filter(is_active=False).exclude(collection=None).values("collection")
    return documents.exclude(collection__in=hidden)


def filter_documents(documents: QuerySet, category: str = "", year: int | None = None):
    if category:
        documents = documents.filter(category=category)
    if year:
        documents = documents.filter(year=year)
    return documents.order_by("-year", "-created_at", "-pk")


def document_years(documents: QuerySet) -> list[int]:
    return list(documents.order_by("-year").values_list("year", flat=True).distinct())


def opd_names_by_collection() -> dict[int, str]:
    return {
        collection: name
        for collection, name in OPD.objects.exclude(collection=None).values_list(
            "collection", "name"
        )
    }
