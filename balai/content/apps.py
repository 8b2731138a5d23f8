from django.apps import AppConfig


class ContentConfig(AppConfig):
    """Pages of the portal and of every OPD site."""

    name = "balai.content"
    label = "content"
    verbose_name = "Konten"
    # The portal's aggregated lists are cached by content generation; balai.core.freshness bumps
    # it whenever anything public is published, unpublished, moved, deleted or re-branded.
