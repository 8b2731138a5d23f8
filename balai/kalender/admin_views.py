"""Kominfo maintains cuti bersama and extra days off in the admin."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from balai.kalender.models import HariLibur


class HariLiburViewSet(ModelViewSet):
    model = HariLibur
    icon = "date"
    menu_label = _("Cuti bersama")
    add_to_settings_menu = True
    form_fields = ["date", "name", "jenis", "legal_basis"]
    list_display = ["date", "name", "jenis", "legal_basis"]
    list_filter = ["jenis"]
    search_fields = ["name"]
    copy_view_enabled = False
