from wagtail import hooks

from balai.search.admin_views import SynonymViewSet


@hooks.register("register_admin_viewset")
def register_viewset():
    return SynonymViewSet("sinonim_pencarian")
