from django.apps import AppConfig


class ThemeConfig(AppConfig):
    """The one public theme: templates, static files, template tags."""

    name = "balai.theme"
    label = "theme"
    verbose_name = "Tema"
