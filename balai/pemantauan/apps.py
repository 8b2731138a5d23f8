from django.apps import AppConfig


class PemantauanConfig(AppConfig):
    """Monitoring of OPD sites: scorecards, dashboard, spam watch, digests."""

    name = "balai.pemantauan"
    label = "pemantauan"
    verbose_name = "Pemantauan"

    def ready(self):
        from balai.opd import access
        from balai.pemantauan.models import Digest, ExternalSite, Scorecard, SpamAlert

        for model in (Scorecard, SpamAlert, Digest):
            access.register(model, opd_lookup="opd")
        # Kominfo's watch list of sites not on Balai: no OPD sees it, not even its own entry.
        access.register(ExternalSite, rule=lambda user, queryset: queryset.none())
