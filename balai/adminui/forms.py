"""The admin form of every Balai page: it settles slug clashes."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy
from wagtail.admin.forms.pages import WagtailAdminPageForm
from wagtail.models import Page

# Tries before giving up on a free "-N" suffix (a parent with thousands of clashes is a bug).
MAX_SLUG_SUFFIX = 1000


def free_slug(slug: str, parent: Page | None, page: Page | None) -> str | None:
    """``slug``, or ``slug-2``, ``slug-3``… : the first one no sibling of ``page`` uses."""
    if parent is None or Page._slug_is_available(slug, parent, page):
        return slug
    for n in range(2, MAX_SLUG_SUFFIX):
        candidate = f"{slug}-{n}"
        if Page._slug_is_available(candidate, parent, page):
            return candidate
    return None


class BalaiPageForm(WagtailAdminPageForm):
    """Every Balai page's admin form.

    A slug that clashes with a sibling's (the operator wrote a second "Posyandu Lansia", or an
    abandoned attempt was autosaved as a draft under the same title) is fixed with a numeric
    suffix while the page has never been published: its address is not known to anyone yet.
    A published page keeps its address unless the operator changes it, so there the clash is
    explained, at the top of the form as well as on the Promosi tab where the slug field is.
    """

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug")
        if not slug or self.parent_page is None:
            return slug
        page = self.instance if self.instance.pk else None
        suggestion = free_slug(slug, self.parent_page, page)
        if suggestion == slug:
            return slug
        published_before = bool(page and (page.live or page.first_published_at))
        if suggestion and not published_before:
            return suggestion
        message = gettext_lazy(
            "Alamat halaman (slug) “%(slug)s” sudah dipakai halaman lain di bawah “%(parent)s”. "
            "Ganti slug di tab Promosi, misalnya menjadi “%(suggestion)s”."
        ) % {"slug": slug, "parent": self.parent_page.title, "suggestion": suggestion or ""}
        self.add_error(None, message)
        raise forms.ValidationError(message, code="slug_in_use")
