"""The PPID officers' admin: the queue ordered by due date, one request with its actions, entering
walk-in/phone/letter requests, objections for the atasan PPID, and the report. Every view and
change of a request is written to ``AksesLog``."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.privacy import mask_nik, mask_phone
from balai.opd import access
from balai.opd.models import OPD
from balai.ppid import exports, selectors, services
from balai.ppid.forms import (
    JawabForm,
    PemohonFields,
    PermohonanPetugasForm,
    PerpanjangForm,
    TanggapiKeberatanForm,
)
from balai.ppid.models import PetugasPPID


def is_officer(user) -> bool:
    return access.is_kominfo(user) or PetugasPPID.objects.filter(user=user, aktif=True).exists()


def _officer_required(request):
    if not request.user.is_authenticated or not is_officer(request.user):
        raise PermissionDenied


def antrean(request):
    _officer_required(request)
    today = timezone.localdate()
    show = request.GET.get("tampil", "terbuka")
    qs = (
        selectors.queue(request.user)
        if show == "terbuka"
        else selectors.visible_requests(request.user).order_by("-diterima_pada")
    )
    rows = [
        {
            "p": p,
            "urgensi": selectors.urgency(p, today),
            "nik": mask_nik(p.nik),
            "telepon": mask_phone(p.telepon),
        }
        for p in qs[:300]
    ]
    return render(
        request,
        "ppid/admin/antrean.html",
        {
            "rows": rows,
            "show": show,
            "today": today,
            "keberatan": selectors.visible_objections(request.user).filter(hasil="")[:100],
            "can_decide": services.can_decide_objection(request.user),
        },
    )


def detail(request, pk):
    _officer_required(request)
    item = get_object_or_404(selectors.visible_requests(request.user), pk=pk)
    perpanjang = PerpanjangForm(prefix="x")
    jawab = JawabForm(prefix="j")
    if request.method == "POST":
        action = request.POST.get("aksi")
        try:
            if action == "perpanjang":
                perpanjang = PerpanjangForm(request.POST, prefix="x")
                if perpanjang.is_valid():
                    services.extend(
                        item,
                        perpanjang.cleaned_data["alasan"],
                        hari_kerja=perpanjang.cleaned_data["hari_kerja"],
                        by=request.user,
                    )
                    messages.success(request, _("Tenggat diperpanjang."))
                    return redirect("ppid_admin:detail", pk=item.pk)
            elif action == "jawab":
                jawab = JawabForm(request.POST, request.FILES, prefix="j")
                if jawab.is_valid():
                    data = dict(jawab.cleaned_data)
                    data["biaya"] = data.get("biaya") or 0
                    services.answer(item, lampiran=data.pop("lampiran"), by=request.user, **data)
                    messages.success(request, _("Pemberitahuan tertulis diterbitkan."))
                    return redirect("ppid_admin:detail", pk=item.pk)
            elif action == "tugaskan":
                services.assign(item, request.user, by=request.user)
                return redirect("ppid_admin:detail", pk=item.pk)
        except ValidationError as exc:
            target = jawab if action == "jawab" else perpanjang
            if hasattr(exc, "error_dict"):
                for field, errs in exc.error_dict.items():
                    for err in errs:
                        target.add_error(field if field in target.fields else None, err)
            else:
                target.add_error(None, exc)
    else:
        services.log_access(item, request.user, "dilihat")
    return render(
        request,
        "ppid/admin/detail.html",
        {
            "p": item,
            "perpanjang": perpanjang,
            "jawab": jawab,
            "urgensi": selectors.urgency(item),
            "log": item.log.select_related("user")[:50],
            "keberatan": item.keberatan.all(),
            "lampiran": item.lampiran.all(),
        },
    )


def pemberitahuan(request, pk):
    _officer_required(request)
    item = get_object_or_404(selectors.visible_requests(request.user), pk=pk)
    services.log_access(item, request.user, "unduh-pemberitahuan")
    return HttpResponse(exports.notice_pdf(item), content_type="application/pdf")


def _opds_for(user):
    if (
        access.is_kominfo(user)
        or PetugasPPID.objects.filter(
            user=user, peran__in=[PetugasPPID.Peran.UTAMA, PetugasPPID.Peran.ATASAN]
        ).exists()
    ):
        return OPD.objects.active().order_by("name")
    return OPD.objects.filter(
        petugas_ppid__user=user, petugas_ppid__peran=PetugasPPID.Peran.PELAKSANA
    ).order_by("name")


def baru(request):
    """A request received at the counter, by phone, letter or e-mail, entered by an officer."""
    _officer_required(request)
    opds = _opds_for(request.user)
    form = PermohonanPetugasForm(request.POST or None, opds=opds)
    if request.method == "POST" and form.is_valid():
        data = services.DataPemohon(**{k: form.cleaned_data[k] for k in PemohonFields.base_fields})
        opd = form.cleaned_data["opd"]
        if opd is None and not (access.is_kominfo(request.user) or opds.count() > 1):
            opd = opds.first()
        item = services.submit_request(
            data,
            opd=opd,
            kanal=form.cleaned_data["kanal"],
            received_at=form.cleaned_data.get("diterima_pada"),
            by=request.user,
        )
        messages.success(request, _("Permohonan dicatat: %(nomor)s") % {"nomor": item.nomor})
        return redirect("ppid_admin:detail", pk=item.pk)
    return render(request, "ppid/admin/baru.html", {"form": form})


def keberatan(request, pk):
    _officer_required(request)
    item = get_object_or_404(selectors.visible_objections(request.user), pk=pk)
    form = TanggapiKeberatanForm(request.POST or None)
    if request.method == "POST":
        if not services.can_decide_objection(request.user):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.answer_objection(item, by=request.user, **form.cleaned_data)
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Tanggapan keberatan dicatat."))
                return redirect("ppid_admin:detail", pk=item.permohonan_id)
    services.log_access(item.permohonan, request.user, "keberatan-dilihat", item.nomor)
    return render(
        request,
        "ppid/admin/keberatan.html",
        {
            "k": item,
            "form": form,
            "can_decide": services.can_decide_objection(request.user),
        },
    )


def _report_period(request) -> tuple[dt.date, dt.date]:
    today = timezone.localdate()
    try:
        start = dt.date.fromisoformat(request.GET.get("dari", ""))
        end = dt.date.fromisoformat(request.GET.get("sampai", ""))
    except ValueError:
        start, end = dt.date(today.year, 1, 1), dt.date(today.year, 12, 31)
    return start, end


def laporan(request):
    """The annual (or any period's) report, in the structure Perki 1/2021 SLIP asks for."""
    _officer_required(request)
    start, end = _report_period(request)
    opd = None
    if not services.can_decide_objection(request.user):
        opd = _opds_for(request.user).first()
    s = selectors.statistik(start, end, opd)
    fmt = request.GET.get("format")
    if fmt == "xlsx":
        return HttpResponse(
            exports.report_xlsx(s),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            headers={
                "Content-Disposition": f'attachment; filename="laporan-ppid-{start}-{end}.xlsx"'
            },
        )
    if fmt == "pdf":
        return HttpResponse(
            exports.report_pdf(s),
            content_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="laporan-ppid-{start}-{end}.pdf"'
            },
        )
    return render(request, "ppid/admin/laporan.html", {"s": s, "start": start, "end": end})
