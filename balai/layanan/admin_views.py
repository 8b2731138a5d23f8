"""Admin screens for services, maklumat and SKM responses, scoped to the user's OPDs."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from balai.layanan.models import Layanan, Maklumat, SurveyResponse
from balai.opd.scoping import OPDScopedViewSet


class CompleteColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_complete


class LayananViewSet(OPDScopedViewSet):
    model = Layanan
    icon = "list-ul"
    menu_label = _("Layanan")
    add_to_admin_menu = False
    list_display = [
        "name", Column("opd", label=_("OPD")), "category",
        CompleteColumn("complete", label=_("Komponen publik lengkap")),
        BooleanColumn("is_published", label=_("Terbit")),
    ]  # fmt: skip
    list_filter = ["category", "is_published", "kanal"]
    search_fields = ["name", "summary"]
    inspect_view_enabled = True


class MaklumatViewSet(OPDScopedViewSet):
    model = Maklumat
    icon = "doc-full"
    menu_label = _("Maklumat pelayanan")
    list_display = ["__str__", "signed_by", "signed_on"]


class SurveyResponseViewSet(OPDScopedViewSet):
    model = SurveyResponse
    icon = "form"
    menu_label = _("Jawaban SKM")
    list_display = ["layanan", "submitted_at", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8",
                    "u9"]  # fmt: skip
    list_filter = ["layanan__opd"]
    form_fields = ["layanan", "submitted_at", "service_date", "gender", "age", "education",
                   "occupation", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9",
                   "saran"]  # fmt: skip
    inspect_view_enabled = True


class LayananGroup(ModelViewSetGroup):
    menu_label = _("Layanan publik")
    menu_icon = "list-ul"
    menu_order = 250
    items = (LayananViewSet("layanan"), MaklumatViewSet("maklumat"),
             SurveyResponseViewSet("skm"))  # fmt: skip
