"""The admin as Balai's users see it: Pemda branding, a Balai guide instead of Wagtail's,
publishing as the first button, a notice of where a published page appears, phone-width CSS."""

from __future__ import annotations

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem

from balai.adminui import publishing, twofactor, views

# --- branding and help ---------------------------------------------------------------------


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("adminui/admin.css"))


@hooks.register("insert_global_admin_js")
def admin_js():
    return format_html('<script src="{}" defer></script>', static("adminui/admin.js"))


@hooks.register("register_admin_urls")
def guide_url():
    return [
        path("panduan/", views.guide, name="adminui_guide"),
        path("2fa/verifikasi/", twofactor.verify, name="twofactor_verify"),
        path("2fa/aktifkan/", twofactor.enrol, name="twofactor_enrol"),
        path("2fa/kode-pemulihan/", twofactor.recovery_codes, name="twofactor_recovery"),
    ]


@hooks.register("register_help_menu_item")
def guide_menu_item():
    return MenuItem(_("Panduan operator"), reverse("adminui_guide"), icon_name="help", order=900)


# Wagtail's release notes and its English editor guide say nothing to a Pemda's operator.
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


@hooks.register("construct_help_menu")
def drop_wagtail_help(request, menu_items):
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]


# --- the page editor's buttons ------------------------------------------------------------


class SubmitForReviewMenuItem(SubmitForModerationMenuItem):
    """ "Ajukan untuk ditinjau" rather than "Ajukan ke <workflow name>"."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page else None
        if state and state.status == state.STATUS_NEEDS_CHANGES:
            context["label"] = _("Ajukan ulang untuk ditinjau")
        else:
            context["label"] = _("Ajukan untuk ditinjau")
        return context


# The first of these that the user may use becomes the big button; "Simpan draf" moves into
# the menu beside it. "approve" is the reviewer's "Setujui dan terbitkan".
PRIMARY_ACTIONS = ("approve", "action-publish", "action-submit")


@hooks.register("construct_page_action_menu")
def publish_first(menu_items, request, context):
    for i, item in enumerate(menu_items):
        if item.name == "action-submit" and not isinstance(item, SubmitForReviewMenuItem):
            menu_items[i] = SubmitForReviewMenuItem(order=item.order)
    for name in PRIMARY_ACTIONS:
        for i, item in enumerate(menu_items):
            if item.name == name:
                menu_items.insert(0, menu_items.pop(i))
                return


# --- after publishing: where and when -----------------------------------------------------


def _notify(request, page):
    if "action-publish" in request.POST:
        notice = publishing.published_notice(page.specific)
    elif "action-submit" in request.POST:
        notice = publishing.submitted_notice(page.specific)
    else:
        return
    if notice:
        messages.info(request, notice)


@hooks.register("after_create_page")
def notify_after_create(request, page):
    _notify(request, page)


@hooks.register("after_edit_page")
def notify_after_edit(request, page):
    _notify(request, page)
