"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from balai.sms import views

app_name = "sms"
urlpatterns = [
    path("sms/webhook/", views.generic_webhook, name="webhook"),
    path("sms/webhook/batch/", views.generic_webhook_batch, name="webhook-batch"),
    path("sms/webhook/smsgate/", views.smsgate_webhook, name="smsgate"),
]
