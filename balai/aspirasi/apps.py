from django.apps import AppConfig


class AspirasiConfig(AppConfig):
    """Citizens' aspirations and complaints: tickets, routing, answers, public list."""

    name = "balai.aspirasi"
    label = "aspirasi"
    verbose_name = "Aspirasi"
    opd_operator_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]
    opd_admin_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]

    def ready(self) -> None:
        from balai.aspirasi.models import RoutingRule, Ticket, TicketEvent
        from balai.aspirasi.services import ingest_message
        from balai.opd import access
        from balai.sms.handlers import register_inbound_handler

        # The channel layer (balai.sms) hands every inbound message to the registered handler.
        register_inbound_handler(ingest_message)
        access.register(Ticket, opd_lookup=("opd", "related_opds"))
        access.register(TicketEvent, opd_lookup=("ticket__opd", "ticket__related_opds"))
        access.register(RoutingRule, opd_lookup="opd")
