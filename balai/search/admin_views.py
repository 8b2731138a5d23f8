"""Kominfo keeps the synonym list of the public search (Pengaturan → Sinonim pencarian).

Access: Django's model permissions on ``Synonym`` (Wagtail's ModelViewSet policy), which only
super-admins (Kominfo) hold; OPD groups are never given them.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from balai.search.models import Synonym


class SynonymViewSet(ModelViewSet):
    model = Synonym
    icon = "search"
    menu_label = _("Sinonim pencarian")
    add_to_settings_menu = True
    form_fields = ["terms", "note"]
    list_display = ["terms", "note"]
    search_fields = ["terms", "note"]
    copy_view_enabled = False
    inspect_view_enabled = False
