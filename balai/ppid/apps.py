from django.apps import AppConfig


class PPIDConfig(AppConfig):
    """Public information (UU 14/2008): DIP, requests, objections, reports."""

    name = "balai.ppid"
    label = "ppid"
    verbose_name = "PPID"
