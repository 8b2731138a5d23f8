"""PPID (Pejabat Pengelola Informasi dan Dokumentasi) pages and records."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from balai.content.models import BalaiPage


class PPIDPage(BalaiPage):
    """The PPID page of an OPD (PPID Pelaksana) or of the portal (PPID Utama)."""

    intro = RichTextField(_("profil PPID"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["content.OPDHomePage", "content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("PPID")
