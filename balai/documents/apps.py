from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    """Balai's document model: category, year, number, download counts, safe serving."""

    name = "balai.documents"
    label = "documents"
    verbose_name = "Dokumen"

    def ready(self) -> None:
        from balai.documents import signals  # noqa: F401
