"""The one answer to "may this user see or change this object" and "which objects may they choose".

Every model that belongs to an OPD is registered here with the path from the model to its OPD
(``register(Ticket, opd_lookup=("opd", "related_opds"))``) or with its own rule (PPID requests
follow the officer's PPID role, not the OPD's groups). The kernel registers what it owns: OPDs,
pages (the OPD's site subtree), collections, documents and images (the OPD's collection). Domain
apps register their models from ``AppConfig.ready`` so this module never imports them.

Admin views (``balai.opd.scoping``), the admin API, choosers, form field choices, reports, exports
and bulk actions ask ``visible``/``can_see``/``choices``/``limit_choices``; Kominfo (a superuser)
sees everything, an anonymous or inactive user nothing, anyone else only their OPDs' rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import reduce
from operator import or_
from typing import Any

from django import forms
from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet

from balai.opd.models import OPD, OPDQuerySet

Rule = Callable[[Any, QuerySet], QuerySet]

_rules: dict[type[Model], Rule] = {}


def is_kominfo(user) -> bool:
    """Kominfo's city-wide administrators are Django superusers."""
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def require_kominfo(user) -> None:
    """Refuse (403) anyone but Kominfo: city-wide screens, SMS gateway, OPD registry import."""
    if not is_kominfo(user):
        raise PermissionDenied


def works_in(user, opd: OPD | int | None) -> bool:
    """Whether the user is staff of this OPD (Kominfo works in every OPD)."""
    if opd is None:
        return False
    if is_kominfo(user):
        return True
    return opds(user).filter(pk=getattr(opd, "pk", opd)).exists()


def opds(user) -> OPDQuerySet:
    """The OPDs a user works in (all for Kominfo, none for an anonymous or inactive user)."""
    return OPD.objects.for_user(user)


def by_opd(*lookups: str) -> Rule:
    """A rule for rows that reach their OPD through ``lookups`` (any of them may match).

    Many-valued paths go through a ``pk__in`` subquery so a row never appears twice.
    """

    def rule(user, queryset: QuerySet) -> QuerySet:
        mine = opds(user)
        if len(lookups) == 1:
            return queryset.filter(**{f"{lookups[0]}__in": mine})
        condition = reduce(or_, (Q(**{f"{lookup}__in": mine}) for lookup in lookups))
        matching = queryset.model._default_manager.filter(condition).values("pk")
        return queryset.filter(pk__in=matching)

    return rule


def register(model: type[Model], *, opd_lookup: str | Iterable[str] | None = None, rule=None):
    """Declare how rows of ``model`` (and its subclasses) belong to OPDs."""
    if rule is None:
        lookups = (opd_lookup,) if isinstance(opd_lookup, str) else tuple(opd_lookup or ())
        if not lookups:
            raise ValueError("register() needs opd_lookup or rule")
        rule = by_opd(*lookups)
    _rules[model] = rule


def rule_for(model: type[Model]) -> Rule | None:
    for klass in model.__mro__:
        if klass in _rules:
            return _rules[klass]
    return None


def is_registered(model: type[Model]) -> bool:
    return rule_for(model) is not None


def visible(user, queryset: QuerySet | type[Model]) -> QuerySet:
    """The rows of ``queryset`` (or of a model) this user may see.

    Models without an OPD (categories, holidays, synonyms…) are left to their model permissions.
    """
    if not isinstance(queryset, QuerySet):
        queryset = queryset._default_manager.all()
    if not (user and user.is_authenticated and user.is_active):
        return queryset.none()
    if user.is_superuser:
        return queryset
    rule = rule_for(queryset.model)
    return queryset if rule is None else rule(user, queryset)


def can_see(user, obj: Model) -> bool:
    """Whether ``obj`` is inside the user's OPDs (always for Kominfo)."""
    if is_kominfo(user):
        return True
    return visible(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can_change(user, obj: Model, action: str = "change") -> bool:
    """``can_see`` plus the model permission for ``action`` (e.g. ``change``, ``delete``)."""
    opts = obj._meta
    return can_see(user, obj) and user.has_perm(f"{opts.app_label}.{action}_{opts.model_name}")


def choices(user, model: type[Model] | QuerySet) -> QuerySet:
    """What the user may pick in a form field or chooser: the same rows they may see."""
    return visible(user, model)


def limit_choices(form: forms.BaseForm, user) -> forms.BaseForm:
    """Confine every model choice field of ``form`` to what ``user`` may choose.

    A single-valued OPD field with only one choice is pre-selected for a non-Kominfo user.
    """
    for field in form.fields.values():
        queryset = getattr(field, "queryset", None)
        if queryset is None or field.disabled:
            continue
        field.queryset = choices(user, queryset)  # type: ignore[attr-defined]
        if (
            queryset.model is OPD
            and isinstance(field, forms.ModelChoiceField)
            and not isinstance(field, forms.ModelMultipleChoiceField)
            and not is_kominfo(user)
            and field.queryset.count() == 1
        ):
            field.initial = field.queryset.first()
    return form


# --- the kernel's own models --------------------------------------------------------------------


def _pages(user, queryset: QuerySet) -> QuerySet:
    paths = list(opds(user).provisioned().values_list("site__root_page__path", flat=True))
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


def _collections(user, queryset: QuerySet) -> QuerySet:
    paths = list(opds(user).exclude(collection=None).values_list("collection__path", flat=True))
    if not paths:
        return queryset.none()
    return queryset.filter(reduce(or_, (Q(path__startswith=p) for p in paths)))


def _in_collections(user, queryset: QuerySet) -> QuerySet:
    from wagtail.models import Collection

    return queryset.filter(collection__in=_collections(user, Collection.objects.all()))


def register_kernel_rules() -> None:
    """Called from ``OPDConfig.ready``."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Collection, Page

    register(OPD, rule=lambda user, queryset: queryset.filter(pk__in=opds(user).values("pk")))
    register(Page, rule=_pages)
    register(Collection, rule=_collections)
    register(get_document_model(), rule=_in_collections)
    register(get_image_model(), rule=_in_collections)
