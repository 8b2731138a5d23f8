from wagtail import hooks

from balai.kalender.admin_views import HariLiburViewSet


@hooks.register("register_admin_viewset")
def register_viewset():
    return HariLiburViewSet("hari_libur")
