from django.apps import AppConfig


class AspirasiConfig(AppConfig):
    """Citizens' aspirations and complaints: tickets, routing, answers, public list."""

    name = "balai.aspirasi"
    label = "aspirasi"
    verbose_name = "Aspirasi"
    opd_operator_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]
    opd_admin_permissions = ["aspirasi.view_ticket", "aspirasi.change_ticket"]
