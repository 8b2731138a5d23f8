"""Public services (layanan publik) of each OPD and the city-wide directory."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from balai.content.models import BalaiPage


class LayananIndexPage(BalaiPage):
    """An OPD's service page: its services, maklumat pelayanan and survey results."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.OPDHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("layanan OPD")


class LayananDirectoryPage(BalaiPage):
    """The portal's directory of every service of every OPD (``/layanan/``)."""

    intro = RichTextField(_("pengantar"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("direktori layanan")
