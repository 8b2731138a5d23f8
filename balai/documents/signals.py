"""Document side effects: count downloads; read a PDF's text in the worker after each save."""

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
def extract_text_later(sender, instance, raw=False, **kwargs) -> None:
    """Whatever saved the document (admin, multiple upload, demo, API), its PDF text is read
    by the worker, never in the request; a document that is no PDF (any more) loses its text."""
    if raw:
        return
    if instance.file_extension.lower() == "pdf" or instance.extracted_text:
        from balai.documents.tasks import extract_document_text

        enqueue_after_commit(extract_document_text, instance.pk)
