"""The search form: the query and its filters, validated (unknown values fall back to "all")."""

from __future__ import annotations

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from balai.opd.models import OPD
from balai.search import registry

ALL_OPDS = "semua"
PORTAL = "portal"
YEARS_BACK = 15


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Kata kunci"), max_length=200, required=False)
    opd = forms.ChoiceField(label=_("Situs"), required=False)
    jenis = forms.ChoiceField(label=_("Jenis"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, opds: list[OPD], city_name: str):
        super().__init__(data)
        self.fields["opd"].choices = [
            (ALL_OPDS, _("Semua OPD")),
            (PORTAL, city_name),
            *[(opd.slug, opd.name) for opd in opds],
        ]
        self.fields["jenis"].choices = [
            ("", _("Semua jenis")),
            *[(t.key, t.label) for t in registry.available_types()],
        ]
        this_year = timezone.localdate().year
        self.fields["tahun"].choices = [
            ("", _("Semua tahun")),
            *[(y, str(y)) for y in range(this_year + 1, this_year - YEARS_BACK, -1)],
        ]

    def filter_selects(self) -> list[dict]:
        """The three filters as plain data for the template (hand-written ``<select>``s: the
        widget machinery costs more than the whole search on a city with 60 OPDs)."""
        selects = []
        for name in ("opd", "jenis", "tahun"):
            field = self[name]
            current = "" if field.value() is None else str(field.value())
            selects.append(
                {
                    "name": name,
                    "id": field.id_for_label,
                    "label": field.label,
                    "options": [
                        (str(v), label, str(v) == current) for v, label in field.field.choices
                    ],
                }
            )
        return selects

    def value(self, name: str):
        """The cleaned value of a field, or its empty value when the input was invalid."""
        if not self.is_bound:
            return None
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)
