"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from . import public_views

urlpatterns = [path("transparansi/", public_views.transparansi, name="pemantauan_transparansi")]
