from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "balai.migrasi"
    verbose_name = _("Migrasi dari WordPress")

    def ready(self) -> None:
        from balai.migrasi.models import ImportedItem, WordPressImport
        from balai.opd import access

        access.register(WordPressImport, opd_lookup="opd")
        access.register(ImportedItem, opd_lookup="opd")
