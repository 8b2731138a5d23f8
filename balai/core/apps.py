from django.apps import AppConfig


class CoreConfig(AppConfig):
    """Cross-cutting pieces: health check, upload validation, password rules, scheduler."""

    name = "balai.core"
    label = "core"
    verbose_name = "Balai"

    def ready(self) -> None:
        from balai.core import (
            audit,  # noqa: F401  (connects the login receivers)
            freshness,
        )

        freshness.connect()
