"""Agenda: events, upcoming and past, with an iCalendar export."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.contrib.routable_page.models import path as route
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from balai.content.blocks import RICH_TEXT_FEATURES
from balai.content.models.base import (
    BalaiPage,
    IndexPage,
)


class AgendaIndexPage(IndexPage):
    subpage_types = ["content.AgendaPage"]

    class Meta:
        verbose_name = _("indeks agenda")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        root = self.listing_root()
        past = request.GET.get("waktu") == "lalu"
        qs = selectors.past_agenda(root) if past else selectors.upcoming_agenda(root)
        context.update(self.listing(request, qs, city_wide=root is None, past=past))
        return context


class AgendaPage(RoutablePageMixin, BalaiPage):
    start = models.DateTimeField(_("mulai"))
    end = models.DateTimeField(_("selesai"))
    location = models.CharField(_("tempat"), max_length=300)
    organiser = models.CharField(_("penyelenggara"), max_length=200, blank=True)
    body = RichTextField(_("keterangan"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel([FieldPanel("start"), FieldPanel("end")], heading=_("Waktu")),
        FieldPanel("location"),
        FieldPanel("organiser"),
        FieldPanel("summary"),
        FieldPanel("body"),
    ]
    promote_panels = Page.promote_panels
    search_fields = [
        *BalaiPage.search_fields,
        index.SearchField("location"),
        index.SearchField("organiser"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]
    parent_page_types = ["content.AgendaIndexPage"]
    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("agenda")
        verbose_name_plural = _("agenda")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("Waktu selesai tidak boleh sebelum waktu mulai.")})

    @route("ics/", name="ics")
    def ics(self, request):
        """This event as an iCalendar file (RFC 5545), to add to a phone's calendar."""
        from balai.content.ical import calendar_response

        return calendar_response(request, [self], filename=f"{self.slug}.ics")
