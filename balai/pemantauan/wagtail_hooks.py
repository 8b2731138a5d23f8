"""Admin wiring: dashboard URLs, the Pemantauan menu (Kominfo only), the OPD admin's panel."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import Menu, MenuItem, SubmenuMenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from balai.opd import access

from . import views
from .models import ExternalSite, IndicatorWeight, Scorecard


@hooks.register("register_admin_urls")
def urls():
    return [
        path("pemantauan/", views.dashboard, name="pemantauan_dashboard"),
        path("pemantauan/opd/<int:opd_id>/", views.opd_detail, name="pemantauan_opd"),
        path("pemantauan/export.xlsx", views.export_xlsx, name="pemantauan_xlsx"),
        path("pemantauan/export.pdf", views.export_pdf, name="pemantauan_pdf"),
        path("pemantauan/spam/", views.spam_alerts, name="pemantauan_spam"),
        path(
            "pemantauan/spam/<int:alert_id>/<str:action>/",
            views.spam_action,
            name="pemantauan_spam_action",
        ),
        path(
            "pemantauan/situs-luar/<int:site_id>/periksa/",
            views.external_check_now,
            name="pemantauan_external_check",
        ),
        path("pemantauan/ringkasan/", views.digests, name="pemantauan_digests"),
        path(
            "pemantauan/ringkasan/<int:digest_id>/", views.digest_detail, name="pemantauan_digest"
        ),
    ]


class WeightViewSet(ModelViewSet):
    model = IndicatorWeight
    icon = "cogs"
    menu_label = _("Bobot indikator")
    add_to_admin_menu = False
    list_display = ["label", "group", "weight"]
    form_fields = ["label", "weight", "description"]
    inspect_view_enabled = False


weight_viewset = WeightViewSet("pemantauan_bobot")


@hooks.register("register_admin_viewset")
def register_weights():
    return weight_viewset


class KominfoOnlyPolicy(ModelPermissionPolicy):
    """Only Kominfo (superusers) list and watch outside sites, whatever a group was granted."""

    def user_has_permission(self, user, action):
        return user.is_active and user.is_superuser

    def users_with_any_permission(self, actions):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.filter(is_active=True, is_superuser=True)


class ExternalSiteViewSet(ModelViewSet):
    model = ExternalSite
    icon = "site"
    menu_label = _("Situs OPD di luar Balai")
    add_to_admin_menu = False
    list_display = ["name", "url", "zone", "checked_at"]
    list_filter = ["zone", "is_active"]
    search_fields = ["name", "url"]
    form_fields = ["name", "url", "opd", "is_active", "notes"]
    inspect_view_enabled = True


# Wagtail 8 takes a model's policy from its registry (a policy set on the viewset is deprecated).
register_permission_policy(ExternalSite, KominfoOnlyPolicy(ExternalSite))
external_site_viewset = ExternalSiteViewSet("pemantauan_situs_luar")


@hooks.register("register_admin_viewset")
def register_external_sites():
    return external_site_viewset


class KominfoMenuItem(MenuItem):
    def is_shown(self, request):
        return access.is_kominfo(request.user)


@hooks.register("register_admin_menu_item")
def menu():
    items = [
        KominfoMenuItem(
            _("Dasbor kota"), reverse("pemantauan_dashboard"), icon_name="view", order=10
        ),
        KominfoMenuItem(
            _("Konten mencurigakan"), reverse("pemantauan_spam"), icon_name="warning", order=20
        ),
        KominfoMenuItem(
            _("Ringkasan terkirim"), reverse("pemantauan_digests"), icon_name="mail", order=30
        ),
        KominfoMenuItem(
            _("Bobot indikator"), reverse("pemantauan_bobot:index"), icon_name="cogs", order=40
        ),
        KominfoMenuItem(
            _("Situs OPD di luar Balai"),
            reverse("pemantauan_situs_luar:index"),
            icon_name="site",
            order=50,
        ),
    ]

    class PemantauanMenu(SubmenuMenuItem):
        def is_shown(self, request):
            return access.is_kominfo(request.user)

    return PemantauanMenu(_("Pemantauan"), Menu(items=items), icon_name="view", order=250)


class ScorecardPanel(Component):
    name = "pemantauan_scorecard"
    order = 50
    template_name = "pemantauan/dashboard_panel.html"

    def __init__(self, cards):
        self.cards = cards

    def get_context_data(self, parent_context):
        return {"cards": self.cards}


@hooks.register("construct_homepage_panels")
def scorecard_panel(request, panels):
    user = request.user
    if access.is_kominfo(user):
        return
    latest = {}
    for card in access.visible(user, Scorecard.objects.select_related("opd")):
        if card.opd_id not in latest or card.period > latest[card.opd_id].period:
            latest[card.opd_id] = card
    if latest:
        panels.append(ScorecardPanel(list(latest.values())))
