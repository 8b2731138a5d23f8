"""Wagtail's read-only API v2 for published content (``/api/v2/pages/`` on every site).

The pages endpoint only lists live, public pages of the site the request is addressed to.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
