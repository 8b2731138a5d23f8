from django.apps import AppConfig


class SMSConfig(AppConfig):
    """SMS Centre: gateway adapters (Gammu SMSD, SMSGate, generic webhook, console), in and out."""

    name = "balai.sms"
    label = "sms"
    verbose_name = "SMS Centre"
