"""Wagtail admin wiring for OPDs: menus, audit actions, the OPD dashboard, chooser scoping."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from balai.opd import admin_views
from balai.opd.permissions import pages_of_user_opds


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [admin_views.OPDViewSet("opd"), admin_views.OperatorViewSet("operator")]


@hooks.register("register_admin_urls")
def register_urls():
    return [path("opd-import/", admin_views.import_csv_view, name="opd_import")]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


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
    if not request.user.is_superuser:
        menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]


# --- keep every chooser inside the user's OPD ---------------------------------------------------


@hooks.register("construct_page_chooser_queryset")
def limit_page_chooser(pages, request):
    """Operators link only to pages of their own OPD (Kominfo sees every site)."""
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_of_user_opds(request.user).values("pk"))


@hooks.register("construct_explorer_page_queryset")
def limit_explorer(parent_page, pages, request):
    if request.user.is_superuser:
        return pages
    return pages.filter(pk__in=pages_of_user_opds(request.user).values("pk"))
