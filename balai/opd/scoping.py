"""Scope admin querysets and views to the OPDs a user works in.

Every Balai model that belongs to an OPD is shown in the admin through a viewset built on
``OPDScopedViewSet``: its list, edit, delete, inspect, history and usage views only ever see rows of
the user's own OPDs (others are 404), and its forms only offer the user's own OPDs.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from balai.opd.models import OPD


def _lookups(opd_lookup: str | tuple[str, ...]) -> tuple[str, ...]:
    return (opd_lookup,) if isinstance(opd_lookup, str) else tuple(opd_lookup)


def scope_queryset(queryset: QuerySet, user, opd_lookup: str | tuple[str, ...] = "opd") -> QuerySet:
    """Rows of ``queryset`` that belong to the user's OPDs (all rows for Kominfo).

    ``opd_lookup`` may name several paths (e.g. a lead OPD and related OPDs): a row belongs to the
    user when any of them is one of the user's OPDs. Many-valued paths go through a ``pk__in``
    subquery so a row never appears twice.
    """
    if user.is_superuser:
        return queryset
    mine = OPD.objects.for_user(user)
    lookups = _lookups(opd_lookup)
    if len(lookups) == 1:
        return queryset.filter(**{f"{lookups[0]}__in": mine})
    condition = Q()
    for lookup in lookups:
        condition |= Q(**{f"{lookup}__in": mine})
    matching = queryset.model._default_manager.filter(condition).values("pk")
    return queryset.filter(pk__in=matching)


class OPDScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, and an instance is only reachable inside the user's OPDs."""

    def __init__(self, model, opd_lookup: str | tuple[str, ...] = "opd", **kwargs):
        super().__init__(model, **kwargs)
        self.opd_lookup = opd_lookup

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return scope_queryset(self.model._default_manager.all(), user, self.opd_lookup)

    def user_has_permission_for_instance(self, user, action, instance):
        if not self.user_has_permission(user, action):
            return False
        return (
            self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


class _Scoped:
    opd_lookup = "opd"

    def scope(self, queryset: QuerySet) -> QuerySet:
        return scope_queryset(queryset, self.request.user, self.opd_lookup)


class _ScopedFormMixin(_Scoped):
    def get_form(self, form_class=None):
        form = super().get_form(form_class)
        field = form.fields.get(_lookups(self.opd_lookup)[0])
        if field is not None and hasattr(field, "queryset") and not field.disabled:
            field.queryset = OPD.objects.for_user(self.request.user)
            if field.queryset.count() == 1 and not self.request.user.is_superuser:
                field.initial = field.queryset.first()
        return form


class ScopedIndexView(_Scoped, generic.IndexView):
    def get_base_queryset(self):
        return self.scope(super().get_base_queryset())


class ScopedCreateView(_ScopedFormMixin, generic.CreateView):
    pass


class ScopedEditView(_ScopedFormMixin, generic.EditView):
    def get_queryset(self):
        return self.scope(super().get_queryset())


class ScopedDeleteView(_Scoped, generic.DeleteView):
    def get_queryset(self):
        return self.scope(super().get_queryset())


class ScopedInspectView(_Scoped, generic.InspectView):
    def get_object(self, queryset=None):
        return get_object_or_404(
            self.scope(self.model._default_manager.all()), pk=unquote(str(self.pk))
        )


class ScopedHistoryView(_Scoped, generic.HistoryView):
    def get_base_object_queryset(self):
        return self.scope(super().get_base_object_queryset())


class ScopedUsageView(_Scoped, generic.UsageView):
    def get_base_object_queryset(self):
        return self.scope(super().get_base_object_queryset())


class OPDScopedViewSet(ModelViewSet):
    """A ModelViewSet whose every view is confined to the user's OPDs."""

    opd_lookup = "opd"
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(opd_lookup=self.opd_lookup, **kwargs)
