from django.apps import AppConfig


class KalenderConfig(AppConfig):
    """The one working-day calendar (hari kerja) used by every statutory deadline."""

    name = "balai.kalender"
    label = "kalender"
    verbose_name = "Kalender kerja"
