"""Which pages belong to the OPDs a user works in (kept for callers; the rule is in ``access``)."""

from __future__ import annotations

from django.db.models import QuerySet
from wagtail.models import Page

from balai.opd import access


def pages_of_user_opds(user) -> QuerySet[Page]:
    """Every page in the subtrees of the user's OPD sites (all pages for Kominfo)."""
    return access.visible(user, Page)
