from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo city "Kota Contoh": composes every app's ``demo.load`` step (``load_demo``).

    It sits above the domain apps in the layer contract (pyproject.toml), as the one place that
    knows them all."""

    name = "balai.demo"
    label = "balai_demo"
    verbose_name = "Demo"
