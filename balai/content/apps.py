from django.apps import AppConfig


class ContentConfig(AppConfig):
    """Pages of the portal and of every OPD site."""

    name = "balai.content"
    label = "content"
    verbose_name = "Konten"
