from django.apps import AppConfig


class SearchConfig(AppConfig):
    """One search across the portal and every OPD site (``/cari/``)."""

    name = "balai.search"
    label = "balai_search"
    verbose_name = "Pencarian"

    def ready(self) -> None:
        from balai.opd import access
        from balai.search import signals
        from balai.search.models import SearchEntry

        signals.connect()
        # Public entries are read by the public search, not the admin; registered so that any
        # admin use of the index stays inside the user's OPDs.
        access.register(SearchEntry, opd_lookup="opd")
