"""Count downloads: Wagtail sends ``document_served`` each time its serve view sends a file."""

from django.db.models import F
from django.dispatch import receiver
from wagtail.documents.models import document_served


@receiver(document_served)
def count_download(sender, instance, request, **kwargs) -> None:
    type(instance).objects.filter(pk=instance.pk).update(download_count=F("download_count") + 1)
