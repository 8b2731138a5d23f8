"""Document upload form: every file is validated by its content before it is stored."""

from __future__ import annotations

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

from balai.core.metadata import strip_image_metadata
from balai.core.uploads import DOCUMENT_KINDS, IMAGE_KINDS, validate_upload
from balai.documents.models import DocumentCategory


class BalaiDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            sniffed = validate_upload(upload, DOCUMENT_KINDS, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
            if sniffed.kind in IMAGE_KINDS:  # a photo as a document: no GPS position, no EXIF
                upload = strip_image_metadata(upload)
        return upload


class DocumentFilterForm(forms.Form):
    """Filters of a public document list; invalid values fall back to "all"."""

    kategori = forms.ChoiceField(label=_("Kategori"), required=False)
    tahun = forms.TypedChoiceField(label=_("Tahun"), required=False, coerce=int, empty_value=None)

    def __init__(self, data, *, years: list[int]):
        super().__init__(data)
        self.fields["kategori"].choices = [("", _("Semua kategori")), *DocumentCategory.choices]
        self.fields["tahun"].choices = [("", _("Semua tahun")), *[(y, str(y)) for y in years]]

    def value(self, name: str):
        if not hasattr(self, "cleaned_data"):
            self.is_valid()
        return self.cleaned_data.get(name)
