"""Public URLs of this app (mounted in balai/urls.py before the Wagtail page tree)."""

urlpatterns: list = []
