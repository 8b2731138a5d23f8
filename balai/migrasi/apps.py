from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MigrasiConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "balai.migrasi"
    verbose_name = _("Migrasi dari WordPress")
