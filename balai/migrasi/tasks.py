"""Background run of a WordPress import uploaded in the admin (dry run, then the real one)."""

from __future__ import annotations

import logging

from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import task

from balai.migrasi.models import WordPressImport
from balai.migrasi.wxr import ImportRefused

logger = logging.getLogger(__name__)


@task()
def run_wordpress_import(import_id: int, dry_run: bool) -> dict:
    from balai.migrasi.services import import_wordpress

    job = WordPressImport.objects.select_related("opd", "created_by").get(pk=import_id)
    WordPressImport.objects.filter(pk=job.pk).update(
        status=WordPressImport.Status.RUNNING, processed=0, error=""
    )

    def progress(done: int, total: int) -> None:
        WordPressImport.objects.filter(pk=job.pk).update(processed=done, total=total)

    try:
        report = import_wordpress(
            job.opd,
            job.export_path,
            job.uploads_path or None,
            user=job.created_by,
            dry_run=dry_run,
            pengumuman_category=job.pengumuman_category,
            progress=progress,
        )
    except ImportRefused as exc:
        WordPressImport.objects.filter(pk=job.pk).update(
            status=WordPressImport.Status.FAILED, error=str(exc), finished_at=timezone.now()
        )
        return {"error": str(exc)}
    except Exception:
        logger.exception("WordPress import %s failed", job.pk)
        WordPressImport.objects.filter(pk=job.pk).update(
            status=WordPressImport.Status.FAILED,
            error=_("Impor berhenti karena kesalahan sistem; hubungi Kominfo."),
            finished_at=timezone.now(),
        )
        raise
    WordPressImport.objects.filter(pk=job.pk).update(
        status=WordPressImport.Status.CHECKED if dry_run else WordPressImport.Status.DONE,
        report=report.as_dict(),
        finished_at=timezone.now(),
    )
    return report.counts
