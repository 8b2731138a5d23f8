"""The admin form of every Balai page: it settles slug clashes."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.utils.text import slugify
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
    abandoned attempt was autosaved as a draft under the same title) no longer blocks
    "Terbitkan" / "Ajukan untuk ditinjau" behind an error on the Promosi tab: while the page has
    never been published, its address is known to no one, so a numeric suffix is added.

    Draft saves, autosave included, keep Wagtail's refusal: an autosave that reaches the server
    after the page was published from the same form would otherwise create a second page. A
    published page keeps its address unless the operator changes it. In both cases the clash is
    explained in Indonesian at the top of the form as well as on the Promosi tab.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields:
            # An empty slug is made from the title (as Wagtail does on save) rather than being
            # a "required" error on the Promosi tab, which the operator does not have open.
            self.fields["slug"].required = False

    def clean_slug(self) -> str:
        slug = self.cleaned_data.get("slug")
        if not slug:
            allow_unicode = getattr(settings, "WAGTAIL_ALLOW_UNICODE_SLUGS", True)
            slug = slugify(self.cleaned_data.get("title") or "", allow_unicode=allow_unicode)
        if not slug or self.parent_page is None:
            return slug
        page = self.instance if self.instance.pk else None
        suggestion = free_slug(slug, self.parent_page, page)
        if suggestion == slug:
            return slug
        published_before = bool(page and (page.live or page.first_published_at))
        if suggestion and not published_before and not self.is_deferred_validation:
            return suggestion
        message = gettext_lazy(
            "Alamat halaman (slug) “%(slug)s” sudah dipakai halaman lain di bawah “%(parent)s”. "
            "Ganti slug di tab Promosi, misalnya menjadi “%(suggestion)s”."
        ) % {"slug": slug, "parent": self.parent_page.title, "suggestion": suggestion or ""}
        self.add_error(None, message)
        raise forms.ValidationError(message, code="slug_in_use")
