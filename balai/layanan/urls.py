"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from balai.layanan import kiosk_views

urlpatterns: list = [
    path("kiosk/skm/sw.js", kiosk_views.service_worker, name="skm_kiosk_sw"),
    path("kiosk/skm/<str:key>/", kiosk_views.page, name="skm_kiosk"),
    path("kiosk/skm/<str:key>/kirim/", kiosk_views.sync, name="skm_kiosk_sync"),
]
