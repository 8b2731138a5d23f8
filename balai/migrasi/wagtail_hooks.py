"""Admin wiring: the WordPress import screens, in the settings menu for Kominfo and OPD admins."""

from __future__ import annotations

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from balai.migrasi import admin_views


@hooks.register("register_admin_urls")
def register_urls():
    return [
        path("impor-wordpress/", admin_views.index_view, name="wordpress_import"),
        path("impor-wordpress/<int:pk>/", admin_views.detail_view, name="wordpress_import_detail"),
    ]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_import(request.user)


@hooks.register("register_settings_menu_item")
def register_menu_item():
    return ImportMenuItem(
        _("Impor dari WordPress"), reverse("wordpress_import"), icon_name="upload", order=910
    )
