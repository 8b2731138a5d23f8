from django.apps import AppConfig


class PemantauanConfig(AppConfig):
    """Monitoring of OPD sites: scorecards, dashboard, spam watch, digests."""

    name = "balai.pemantauan"
    label = "pemantauan"
    verbose_name = "Pemantauan"

    def ready(self):
        from balai.opd import access
        from balai.pemantauan.models import Digest, Scorecard, SpamAlert

        for model in (Scorecard, SpamAlert, Digest):
            access.register(model, opd_lookup="opd")
