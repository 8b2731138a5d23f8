"""Labels Wagtail 8.0 builds from field names ("Password", "Site name", "Page") and so never
translates. Each is given the translatable label of the field it names; applied once at start-up
(AdminUIConfig.ready). Checked by balai/adminui/tests and the admin browser walk."""

from __future__ import annotations

from django.utils.functional import lazy
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy


def _field_label(model, name: str):
    return lazy(lambda: capfirst(model._meta.get_field(name).verbose_name), str)()


def apply() -> None:
    from wagtail.admin.forms.auth import LoginForm
    from wagtail.admin.forms.workflows import WorkflowPageForm
    from wagtail.models import Site
    from wagtail.sites.views import IndexView as SiteIndexView

    # The login form's password field has no label. Its Field instance is shared with every
    # subclass (a two-factor login form, say), so they all get the label too.
    LoginForm.base_fields["password"].label = gettext_lazy("Password")
    # "Assign your workflow to pages": the page chooser field has no label.
    WorkflowPageForm.base_fields["page"].label = gettext_lazy("Page")
    # The site list's columns without a label.
    for column in SiteIndexView.columns:
        if column.name in ("port", "site_name", "root_page"):
            column.label = _field_label(Site, column.name)
