"""Wagtail admin wiring for OPDs: menus, audit actions, the OPD dashboard, chooser scoping."""

from __future__ import annotations

from django.http import Http404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from balai.opd import access, admin_views


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [admin_views.OPDViewSet("opd"), admin_views.OperatorViewSet("operator")]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("opd-import/", admin_views.import_csv_view, name="opd_import")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_kominfo(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return SuperuserMenuItem(
        _("Impor OPD (CSV)"), reverse("opd_import"), icon_name="upload", order=900
    )


@hooks.register("register_log_actions")
def register_log_actions(actions):
    actions.register_action(
        "balai.opd.provision", _("Penyiapan OPD"), _("OPD dan situsnya disiapkan")
    )
    actions.register_action(
        "balai.opd.activate", _("Aktivasi situs OPD"), _("Situs OPD diaktifkan")
    )
    actions.register_action(
        "balai.opd.deactivate", _("Penonaktifan situs OPD"), _("Situs OPD dinonaktifkan")
    )
    actions.register_action("balai.operator.create", _("Akun operator dibuat"), _("Akun dibuat"))
    actions.register_action("balai.operator.role", _("Peran operator diubah"), _("Peran diubah"))
    actions.register_action("balai.auth.login", _("Masuk"), _("Pengguna masuk"))
    actions.register_action("balai.auth.login_failed", _("Gagal masuk"), _("Percobaan masuk gagal"))


@hooks.register("construct_reports_menu")
def hide_citywide_reports(request, menu_items):
    if not access.is_kominfo(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# --- keep every chooser inside the user's OPD ---------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Operators link only to pages of their own OPD (Kominfo sees every site)."""
    return access.visible(request.user, pages)


@hooks.register("construct_explorer_page_queryset")
def limit_explorer(parent_page, pages, request):
    return access.visible(request.user, pages)


# --- Wagtail's own views that do not scope by OPD -------------------------------------------------


@hooks.register("construct_admin_api", order=100)
def scope_admin_api(router):
    """The admin API's documents and images endpoints list only the user's OPD collections
    (Wagtail's list every document and image to any admin user)."""
    from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
    from wagtail.images.api.admin.views import ImagesAdminAPIViewSet

    class ScopedDocumentsAPIViewSet(DocumentsAdminAPIViewSet):
        def get_queryset(self):
            return access.visible(self.request.user, super().get_queryset())

    class ScopedImagesAPIViewSet(ImagesAdminAPIViewSet):
        def get_queryset(self):
            return access.visible(self.request.user, super().get_queryset())

    router.register_endpoint("documents", ScopedDocumentsAPIViewSet)
    router.register_endpoint("images", ScopedImagesAPIViewSet)


@hooks.register("before_move_page")
def refuse_moving_across_opds(request, page, destination):
    """Wagtail checks move permission only on POST; the GET confirmation would show the title of
    a page outside the user's OPDs. Both the page and its destination must be the user's."""
    if not (access.can_see(request.user, page) and access.can_see(request.user, destination)):
        raise Http404
