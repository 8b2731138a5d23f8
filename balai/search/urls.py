"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

from django.urls import path

from balai.search.views import search_view

urlpatterns: list = [path("cari/", search_view, name="search")]
