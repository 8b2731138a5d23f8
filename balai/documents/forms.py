"""Document upload form: every file is validated by its content before it is stored."""

from __future__ import annotations

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from wagtail.documents.forms import BaseDocumentForm

from balai.core.uploads import DOCUMENT_KINDS, validate_upload


class BalaiDocumentForm(BaseDocumentForm):
    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            validate_upload(upload, DOCUMENT_KINDS, settings.WAGTAILDOCS_MAX_UPLOAD_SIZE)
        return upload
