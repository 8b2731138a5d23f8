"""Wagtail admin wiring for content: each OPD's own dashboard panel (write news, recent pages,
drafts, pages in review)."""

from __future__ import annotations

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.ui.components import Component
from wagtail.models import Page

from balai.content.models import BeritaIndexPage
from balai.opd import access
from balai.opd.models import OPD


class OPDDashboardPanel(Component):
    """What an OPD user sees first: their site, "Tulis berita", recent pages, drafts waiting."""

    name = "opd_dashboard"
    order = 10
    template_name = "content/admin/opd_dashboard_panel.html"

    def __init__(self, opd: OPD, user):
        self.opd = opd
        self.user = user

    def get_context_data(self, parent_context=None):
        root = self.opd.root_page
        subtree = Page.objects.descendant_of(root, inclusive=True)
        berita_index = BeritaIndexPage.objects.child_of(root).first()
        return {
            "opd": self.opd,
            "write_news_url": (
                reverse("wagtailadmin_pages:add", args=("content", "beritapage", berita_index.pk))
                if berita_index
                else None
            ),
            "recent_pages": subtree.order_by("-latest_revision_created_at").select_related(
                "content_type"
            )[:8],
            "drafts": subtree.filter(has_unpublished_changes=True)
            .order_by("-latest_revision_created_at")
            .select_related("content_type")[:8],
            "in_review": subtree.filter(_workflow_states__status="in_progress").distinct()[:8],
        }


@hooks.register("construct_homepage_panels")
def add_opd_panel(request, panels):
    if access.is_kominfo(request.user):
        return
    for opd in access.opds(request.user).provisioned().select_related("site__root_page"):
        panels.insert(0, OPDDashboardPanel(opd, request.user))
