from django.contrib import messages
from django.urls import reverse
from django.utils.timezone import localtime
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from balai.opd import access
from balai.sms import admin_views, health


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        admin_views.InboundViewSet("sms-masuk"),
        admin_views.OutboundViewSet("sms-keluar"),
        admin_views.FloodRefusalViewSet("pesan-ditolak"),
    ]


@hooks.register("register_admin_urls")
def register_urls():
    return admin_views.urls()


class KominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_kominfo(request.user)


@hooks.register("register_settings_menu_item")
def simulator_menu():
    return KominfoMenuItem(_("Simulator SMS"), reverse("sms_simulator"), icon_name="mobile-alt")


@hooks.register("register_settings_menu_item")
def failed_menu():
    return KominfoMenuItem(_("SMS gagal"), reverse("sms_failed"), icon_name="warning")


@hooks.register("register_settings_menu_item")
def review_menu():
    return KominfoMenuItem(_("SMS karantina"), reverse("sms_review"), icon_name="warning")


@hooks.register("construct_main_menu")
def outage_banner(request, menu_items):
    """Kominfo sees a banner on every admin page while a gateway is declared down (issue 12.8);
    the main menu is built on every admin page, before the page's messages are shown."""
    if not request.user.is_superuser:
        return
    for down in health.outages():
        messages.error(
            request,
            _("Gateway %(c)s tidak menjawab sejak %(t)s. Balasan ditahan dan dicoba ulang.")
            % {"c": down.channel, "t": localtime(down.failing_since).strftime("%d-%m-%Y %H:%M")},
        )
