"""The PPID officers' admin: the queue ordered by due date, one request with its actions, entering
walk-in/phone/letter requests, objections for the atasan PPID, and the report. Every view and
change of a request is written to ``AksesLog``."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from balai.core.downloads import PDF, XLSX, download
from balai.core.privacy import mask_nik, mask_phone
from balai.opd import access
from balai.opd.models import OPD
from balai.ppid import exports, registers, selectors, services
from balai.ppid.forms import (
    JawabForm,
    PemohonFields,
    PermohonanPetugasForm,
    PerpanjangForm,
    TanggapanPemohonForm,
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
        else selectors.visible_requests(request.user).order_by("-received_at")
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


def penolakan(request, pk):
    """The surat keputusan penolakan with its uji konsekuensi, for a request refused as exempt."""
    _officer_required(request)
    item = get_object_or_404(selectors.visible_requests(request.user), pk=pk)
    if not item.is_refused_as_exempt:
        raise Http404
    services.log_access(item, request.user, "unduh-penolakan")
    return download(exports.refusal_pdf(item), f"penolakan-{item.pk}.pdf", PDF, inline=True)


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
            received_at=form.cleaned_data.get("received_at"),
            by=request.user,
        )
        messages.success(request, _("Permohonan dicatat: %(nomor)s") % {"nomor": item.nomor})
        return redirect("ppid_admin:detail", pk=item.pk)
    return render(request, "ppid/admin/baru.html", {"form": form})


def keberatan(request, pk):
    _officer_required(request)
    item = get_object_or_404(selectors.visible_objections(request.user), pk=pk)
    form = TanggapiKeberatanForm(request.POST or None)
    respon = TanggapanPemohonForm(
        request.POST if request.POST.get("aksi") == "tanggapan-pemohon" else None,
        initial={"tanggapan_pemohon": item.tanggapan_pemohon},
    )
    if request.method == "POST" and request.POST.get("aksi") == "tanggapan-pemohon":
        if respon.is_valid():
            try:
                services.record_requester_response(
                    item, respon.cleaned_data["tanggapan_pemohon"], by=request.user
                )
            except ValidationError as exc:
                respon.add_error(None, exc)
            else:
                messages.success(request, _("Tanggapan pemohon dicatat."))
                return redirect("ppid_admin:keberatan", pk=item.pk)
    elif request.method == "POST":
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
            "respon": respon,
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
        return download(exports.report_xlsx(s), f"laporan-ppid-{start}-{end}.xlsx", XLSX)
    if fmt == "pdf":
        return download(exports.report_pdf(s), f"laporan-ppid-{start}-{end}.pdf", PDF)
    return render(request, "ppid/admin/laporan.html", {"s": s, "start": start, "end": end})


REGISTER_FORMATS = {
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def register(request):
    """The register books the officer may download: own OPD (PPID Pelaksana), or any OPD, the
    PPID Utama's and the city-wide book (PPID Utama, atasan, Kominfo)."""
    _officer_required(request)
    start, end = _report_period(request)
    return render(
        request,
        "ppid/admin/register.html",
        {
            "scopes": registers.scopes_for(request.user),
            "start": start,
            "end": end,
            "selected": request.GET.get("opd", ""),
        },
    )


def register_download(request, jenis: str, fmt: str):
    _officer_required(request)
    if jenis not in registers.BUILDERS or fmt not in REGISTER_FORMATS:
        raise Http404
    scope = registers.resolve_scope(request.user, request.GET.get("opd"))
    start, end = _report_period(request)
    reg = registers.BUILDERS[jenis](request.user, scope, start, end)
    body = exports.register_xlsx(reg) if fmt == "xlsx" else exports.register_pdf(reg)
    name = f"register-{jenis}-{scope.key}-{start}-{end}.{fmt}"
    return download(body, name, REGISTER_FORMATS[fmt])
