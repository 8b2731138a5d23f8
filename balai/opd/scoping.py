"""Scope admin querysets and views to the OPDs a user works in.

Every Balai model that belongs to an OPD is shown in the admin through a viewset built on
``OPDScopedViewSet``: its list, edit, delete, inspect, history and usage views only ever see rows of
the user's own OPDs (others are 404), and its forms only offer the user's own OPDs.
"""

from __future__ import annotations

from django.contrib.admin.utils import unquote
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from balai.opd import access


def scope_queryset(queryset: QuerySet, user, opd_lookup: str | tuple[str, ...] | None = None):
    """Rows of ``queryset`` that belong to the user's OPDs (all rows for Kominfo).

    The rule is the model's registration in ``balai.opd.access``; ``opd_lookup`` is only for a
    model nobody registered (it is then registered with that path).
    """
    if opd_lookup is not None and not access.is_registered(queryset.model):
        access.register(queryset.model, opd_lookup=opd_lookup)
    return access.visible(user, queryset)


class OPDScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions as usual, and an instance is only reachable inside the user's OPDs."""

    def __init__(self, model, opd_lookup: str | tuple[str, ...] | None = None, **kwargs):
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
    opd_lookup: str | tuple[str, ...] | None = None

    def scope(self, queryset: QuerySet) -> QuerySet:
        return scope_queryset(queryset, self.request.user, self.opd_lookup)


class _ScopedFormMixin(_Scoped):
    def get_form(self, form_class=None):
        return access.limit_choices(super().get_form(form_class), self.request.user)


class ScopedIndexView(_Scoped, generic.IndexView):
    def get_base_queryset(self):
        return self.scope(super().get_base_queryset())


class ScopedCreateView(_ScopedFormMixin, generic.CreateView):
    pass


class ScopedEditView(_ScopedFormMixin, generic.EditView):
    def get_queryset(self):
        return self.scope(super().get_queryset())


class ScopedCopyView(_ScopedFormMixin, generic.CopyView):
    """Copying starts from an object the user may see (another OPD's is 404)."""

    def get_object(self, queryset=None):
        pk = unquote(str(self.kwargs[self.pk_url_kwarg]))
        get_object_or_404(self.scope(self.model._default_manager.all()), pk=pk)
        return super().get_object(queryset)


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

    opd_lookup: str | tuple[str, ...] | None = None
    index_view_class = ScopedIndexView
    add_view_class = ScopedCreateView
    copy_view_class = ScopedCopyView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    inspect_view_class = ScopedInspectView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(opd_lookup=self.opd_lookup, **kwargs)
