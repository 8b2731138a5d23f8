"""Documents list, contact page and the portal's OPD directory."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from balai.content.models.base import (
    IndexPage,
)


class DokumenIndexPage(IndexPage):
    """Public list of the documents in the OPD's collection (on the portal: of every OPD),
    filterable by category and year, with file type, size and download count."""

    subpage_types: list[str] = []
    documents_per_page = 20

    class Meta:
        verbose_name = _("daftar dokumen")

    def get_context(self, request, *args, **kwargs):
        from urllib.parse import urlencode

        from django.core.paginator import Paginator

        from balai.documents import selectors
        from balai.documents.forms import DocumentFilterForm

        context = super().get_context(request, *args, **kwargs)
        opd = self.opd
        documents = selectors.site_documents(opd)
        form = DocumentFilterForm(request.GET, years=selectors.document_years(documents))
        category, year = form.value("kategori") or "", form.value("tahun")
        listed = selectors.filter_documents(documents, category, year)
        page_obj = Paginator(listed, self.documents_per_page).get_page(request.GET.get("page"))
        filters = {k: v for k, v in (("kategori", category), ("tahun", year)) if v}
        documents = list(page_obj.object_list)
        if opd is None:  # the portal lists every OPD's documents: name the source of each
            names = selectors.opd_names_by_collection()
            for document in documents:
                document.source_name = names.get(document.collection_id, "")
        context.update(
            filter_form=form,
            filtered=bool(filters),
            page_obj=page_obj,
            documents=documents,
            page_url_prefix="?" + urlencode({**filters, "page": ""}),
        )
        return context


class KontakPage(IndexPage):
    """Contact page; the data comes from the OPD record (or the Pemda settings on the portal)."""

    subpage_types: list[str] = []

    class Meta:
        verbose_name = _("kontak")

    def get_context(self, request, *args, **kwargs):
        from balai.opd.models import PemdaSettings

        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.opd or PemdaSettings.load(request_or_site=request)
        return context


class OPDDirectoryPage(IndexPage):
    """The portal's directory of every active OPD site (``/opd/``)."""

    parent_page_types = ["content.PortalHomePage"]
    subpage_types: list[str] = []
    max_count = 1

    class Meta:
        verbose_name = _("direktori OPD")

    def get_context(self, request, *args, **kwargs):
        from balai.content import selectors

        context = super().get_context(request, *args, **kwargs)
        context["groups"] = selectors.cached("directory", selectors.directory)
        return context
