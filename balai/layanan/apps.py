from django.apps import AppConfig


class LayananConfig(AppConfig):
    """Public services: standar pelayanan, maklumat, SKM/IKM."""

    name = "balai.layanan"
    label = "layanan"
    verbose_name = "Layanan publik"

    # Granted to every OPD's groups by balai.opd.roles.
    opd_operator_permissions = [
        "layanan.add_layanan", "layanan.change_layanan", "layanan.view_layanan",
        "layanan.view_maklumat", "layanan.view_surveyresponse",
    ]  # fmt: skip
    opd_admin_permissions = [
        *opd_operator_permissions,
        "layanan.delete_layanan", "layanan.add_maklumat", "layanan.change_maklumat",
        "layanan.delete_maklumat",
    ]  # fmt: skip

    def ready(self):
        from wagtail.permissions import register_permission_policy

        from balai.layanan.models import Layanan, Loket, Maklumat, SurveyResponse
        from balai.opd import access
        from balai.opd.scoping import OPDScopedPermissionPolicy

        for model in (Layanan, Maklumat, SurveyResponse):
            access.register(model, opd_lookup="opd")
            register_permission_policy(model, OPDScopedPermissionPolicy(model))
        access.register(Loket, opd_lookup="opd")  # SKM kiosk counters

        from balai.search.signals import index_records
        from balai.search.sources import layanan_entry

        index_records(
            Layanan,
            source="layanan",
            to_entry=layanan_entry,
            published=lambda: Layanan.objects.filter(is_published=True),
        )
