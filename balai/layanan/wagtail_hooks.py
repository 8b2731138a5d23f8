"""Wagtail admin wiring for the layanan app."""

from wagtail import hooks

from balai.layanan.admin_views import LayananGroup


@hooks.register("register_admin_viewset")
def register_viewsets():
    return LayananGroup()
