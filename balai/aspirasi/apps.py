from django.apps import AppConfig


class AspirasiConfig(AppConfig):
    """Citizens' aspirations and complaints: tickets, routing, answers, public list."""

    name = "balai.aspirasi"
    label = "aspirasi"
    verbose_name = "Aspirasi"
