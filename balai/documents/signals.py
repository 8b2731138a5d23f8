"""Document side effects: count downloads; read a file's text in the worker after each save."""

from django.db.models import F
from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.documents.models import document_served

from balai.core.tasks import enqueue_after_commit


@receiver(document_served)
def count_download(sender, instance, request, **kwargs) -> None:
    """Wagtail sends ``document_served`` each time its serve view sends a file (atomic +1)."""
    type(instance).objects.filter(pk=instance.pk).update(download_count=F("download_count") + 1)


@receiver(post_save, sender=get_document_model())
def extract_text_later(sender, instance, raw=False, update_fields=None, **kwargs) -> None:
    """Whatever saved the document (admin, multiple upload, demo, API), the text of its PDF,
    DOCX or XLSX file is read by the worker, never in the request; a document whose file has
    no text (any more) loses its text. Saves of other fields only (e.g. Wagtail filling in
    ``file_size``) change nothing."""
    if raw or (update_fields is not None and "file" not in update_fields):
        return
    from balai.documents.tasks import READERS, extract_document_text

    if instance.file_extension.lower() in READERS or instance.extracted_text:
        enqueue_after_commit(extract_document_text, instance.pk)
