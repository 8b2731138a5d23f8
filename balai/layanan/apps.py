from django.apps import AppConfig


class LayananConfig(AppConfig):
    """Public services: standar pelayanan, maklumat, SKM/IKM."""

    name = "balai.layanan"
    label = "layanan"
    verbose_name = "Layanan publik"
