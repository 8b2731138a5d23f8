"""Wagtail admin wiring for the layanan app: the viewsets, the SKM kiosk counters and the SKM
report by respondent group."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from balai.layanan import admin_views
from balai.layanan.admin_views import LayananGroup

skm_urlpatterns = [
    path("loket/", admin_views.loket_list, name="loket"),
    path("kelompok/", admin_views.skm_kelompok, name="kelompok"),
]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return LayananGroup()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("skm/", include((skm_urlpatterns, "skm_admin"), namespace="skm_admin"))]


class SKMMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views._can_manage(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return SKMMenuItem(
        _("Kiosk & laporan SKM"), reverse("skm_admin:loket"), icon_name="form", order=252
    )
