from django.apps import AppConfig


class AdminUIConfig(AppConfig):
    """The Wagtail admin as Balai's users see it: in Bahasa Indonesia, with the Pemda's name and
    logo, publishing as the first button, and legible on a phone."""

    name = "balai.adminui"
    label = "adminui"
    verbose_name = "Tampilan admin"

    def ready(self) -> None:
        from balai.adminui import patches

        patches.apply()
