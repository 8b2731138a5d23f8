from wagtail import hooks

from balai.aspirasi.admin_views import CategoryViewSet, RoutingRuleViewSet, TicketViewSet


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [
        TicketViewSet("aspirasi"),
        CategoryViewSet("aspirasi-kategori"),
        RoutingRuleViewSet("aspirasi-aturan"),
    ]
