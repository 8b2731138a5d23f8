from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate


class OPDConfig(AppConfig):
    """OPDs, their sites, provisioning and roles."""

    name = "balai.opd"
    label = "opd"
    verbose_name = "OPD"

    def ready(self) -> None:
        from wagtail.permissions import register_permission_policy

        from balai.opd.access import register_kernel_rules
        from balai.opd.admin_views import OPDPermissionPolicy
        from balai.opd.models import OPD

        register_permission_policy(OPD, OPDPermissionPolicy(OPD))
        register_kernel_rules()
        post_migrate.connect(_regrant_after_migrate)


def _regrant_after_migrate(sender, **kwargs) -> None:
    """New releases may declare new OPD permissions: give them to existing OPDs' groups.

    Runs once, after the last app's post_migrate, when every app's permissions exist.
    """
    if sender is not list(apps.get_app_configs())[-1]:
        return
    from balai.opd.roles import regrant_all

    regrant_all()
