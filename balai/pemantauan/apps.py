from django.apps import AppConfig


class PemantauanConfig(AppConfig):
    """Monitoring of OPD sites: scorecards, dashboard, spam watch, digests."""

    name = "balai.pemantauan"
    label = "pemantauan"
    verbose_name = "Pemantauan"
