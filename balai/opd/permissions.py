"""Which pages, documents and images belong to the OPDs a user works in."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q, QuerySet
from wagtail.models import Page

from balai.opd.models import OPD


def pages_of_user_opds(user) -> QuerySet[Page]:
    """Every page in the subtrees of the user's OPD sites (all pages for Kominfo)."""
    if user.is_superuser:
        return Page.objects.all()
    paths = list(
        OPD.objects.for_user(user).provisioned().values_list("site__root_page__path", flat=True)
    )
    if not paths:
        return Page.objects.none()
    return Page.objects.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))
