"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from balai.sms import chat_views, views

app_name = "sms"
urlpatterns = [
    path("sms/webhook/", views.generic_webhook, name="webhook"),
    path("sms/webhook/batch/", views.generic_webhook_batch, name="webhook-batch"),
    path("sms/webhook/smsgate/", views.smsgate_webhook, name="smsgate"),
    path("sms/webhook/telegram/", chat_views.telegram_webhook, name="telegram"),
    path("sms/webhook/whatsapp/", chat_views.whatsapp_webhook, name="whatsapp"),
]
