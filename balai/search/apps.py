from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search across the portal and every OPD site (``/cari/``)."""

    name = "balai.search"
    label = "balai_search"
    verbose_name = "Pencarian"

    def ready(self) -> None:
        from balai.search import signals

        signals.connect()
