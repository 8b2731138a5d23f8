from django.apps import AppConfig


class AspirasiConfig(AppConfig):
    """Citizens' aspirations and complaints: tickets, routing, answers, public list."""

    name = "balai.aspirasi"
    label = "aspirasi"
    verbose_name = "Aspirasi"
    opd_operator_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]
    opd_admin_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]

    def ready(self) -> None:
        # The channel layer (balai.sms) hands every inbound message to the registered handler.
        from balai.aspirasi.services import ingest_message
        from balai.sms.handlers import register_inbound_handler

        register_inbound_handler(ingest_message)
