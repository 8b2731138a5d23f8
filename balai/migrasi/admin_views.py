"""Admin: upload a WordPress export (+ uploads ZIP), read the dry-run report, run the import.

Kominfo (superusers) import into any OPD; an OPD admin only into their own OPD. Both runs (the
dry run and the real one) happen in the worker, enqueued on commit; the page shows progress.
"""

from __future__ import annotations

import shutil
import zipfile

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

from balai.core.tasks import enqueue_after_commit
from balai.migrasi.models import WordPressImport
from balai.migrasi.tasks import run_wordpress_import
from balai.opd.models import OPD

MAX_EXPORT_BYTES = 512 * 1024 * 1024
ACTION_LABELS = {
    "created": gettext_lazy("dibuat"),
    "updated": gettext_lazy("diperbarui"),
    "unchanged": gettext_lazy("tidak berubah"),
    "skipped": gettext_lazy("dilewati"),
    "refused": gettext_lazy("ditolak"),
}
KIND_LABELS = {
    "post": gettext_lazy("tulisan"),
    "page": gettext_lazy("halaman"),
    "attachment": gettext_lazy("lampiran"),
}


def importable_opds(user):
    return OPD.objects.administered_by(user).provisioned()


def can_import(user) -> bool:
    return importable_opds(user).exists()


class UploadForm(forms.Form):
    opd = forms.ModelChoiceField(label=gettext_lazy("OPD tujuan"), queryset=OPD.objects.none())
    export = forms.FileField(
        label=gettext_lazy("Berkas ekspor WordPress (.xml)"),
        help_text=gettext_lazy("Di WordPress: Alat → Ekspor → Semua konten → Unduh berkas ekspor."),
    )
    uploads = forms.FileField(
        label=gettext_lazy("ZIP folder wp-content/uploads"),
        required=False,
        help_text=gettext_lazy("Berisi foto dan dokumen situs lama. Boleh dikosongkan."),
    )
    pengumuman_category = forms.CharField(
        label=gettext_lazy("Kategori yang menjadi Pengumuman"),
        initial="Pengumuman",
        required=False,
        max_length=200,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = importable_opds(user)

    def clean_export(self):
        upload = self.cleaned_data["export"]
        if upload.size > MAX_EXPORT_BYTES:
            raise forms.ValidationError(_("Berkas ekspor terlalu besar (maks. 512 MB)."))
        head = upload.read(2048).lstrip()
        upload.seek(0)
        if not head.startswith(b"<?xml") and not head.startswith(b"<rss"):
            raise forms.ValidationError(_("Ini bukan berkas ekspor WordPress (XML)."))
        return upload

    def clean_uploads(self):
        upload = self.cleaned_data.get("uploads")
        if upload and not zipfile.is_zipfile(upload):
            raise forms.ValidationError(_("Berkas unggahan harus berupa ZIP."))
        if upload:
            upload.seek(0)
        return upload


def _store(job: WordPressImport, form: UploadForm) -> None:
    folder = settings.BALAI_WP_IMPORT_DIR / str(job.pk)
    folder.mkdir(parents=True, exist_ok=True)
    export = folder / "export.xml"
    with export.open("wb") as fh:
        for chunk in form.cleaned_data["export"].chunks():
            fh.write(chunk)
    job.export_path = str(export)
    if form.cleaned_data.get("uploads"):
        archive = folder / "uploads.zip"
        with archive.open("wb") as fh:
            for chunk in form.cleaned_data["uploads"].chunks():
                fh.write(chunk)
        job.uploads_path = str(archive)


def index_view(request):
    if not can_import(request.user):
        raise PermissionDenied
    form = UploadForm(request.POST or None, request.FILES or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            job = WordPressImport.objects.create(
                opd=form.cleaned_data["opd"],
                created_by=request.user,
                pengumuman_category=form.cleaned_data["pengumuman_category"].strip(),
                status=WordPressImport.Status.QUEUED,
            )
            try:
                _store(job, form)
            except OSError:
                shutil.rmtree(settings.BALAI_WP_IMPORT_DIR / str(job.pk), ignore_errors=True)
                raise
            job.save(update_fields=["export_path", "uploads_path"])
            enqueue_after_commit(run_wordpress_import, job.pk, True)
        messages.success(request, _("Berkas diterima. Uji coba berjalan di latar belakang."))
        return redirect("wordpress_import_detail", job.pk)
    jobs = WordPressImport.objects.filter(opd__in=importable_opds(request.user)).select_related(
        "opd"
    )[:20]
    return TemplateResponse(
        request,
        "migrasi/index.html",
        {"form": form, "jobs": jobs, "page_title": _("Impor dari WordPress")},
    )


def detail_view(request, pk: int):
    job = get_object_or_404(
        WordPressImport.objects.select_related("opd"),
        pk=pk,
        opd__in=importable_opds(request.user),
    )
    if request.method == "POST":
        if job.status != WordPressImport.Status.CHECKED:
            messages.error(request, _("Impor hanya dapat dijalankan setelah uji coba selesai."))
        else:
            with transaction.atomic():
                WordPressImport.objects.filter(pk=job.pk).update(
                    status=WordPressImport.Status.QUEUED, processed=0
                )
                enqueue_after_commit(run_wordpress_import, job.pk, False)
            messages.success(request, _("Impor dimulai di latar belakang."))
        return redirect("wordpress_import_detail", job.pk)
    report = job.report or {}
    entries = [
        {
            **e,
            "action_label": ACTION_LABELS.get(e["action"], e["action"]),
            "kind_label": KIND_LABELS.get(e["kind"], e["kind"]),
        }
        for e in report.get("entries", [])
        if e["action"] != "unchanged"
    ]
    return TemplateResponse(
        request,
        "migrasi/detail.html",
        {
            "job": job,
            "report": report,
            "entries": entries[:2000],
            "more": max(len(entries) - 2000, 0),
            "working": job.status
            in {WordPressImport.Status.QUEUED, WordPressImport.Status.RUNNING},
            "page_title": _("Impor WordPress: %(opd)s") % {"opd": job.opd},
        },
    )
