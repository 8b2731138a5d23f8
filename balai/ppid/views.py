"""Public PPID views: request form, tracking (by number, and in full by the secret link), the
written notice as PDF, objections, the DIP and public statistics. Views parse and call services."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from balai.core.downloads import PDF, XLSX, download
from balai.core.public_forms import ALREADY_SENT, TOO_MANY, client_ip, rate_limited
from balai.opd.selectors import opd_for_request
from balai.ppid import exports, selectors, services
from balai.ppid.forms import KeberatanForm, LacakForm, PemohonFields, PermohonanForm
from balai.ppid.models import Kategori, Permohonan


def _fields_of(cleaned: dict) -> services.DataPemohon:
    return services.DataPemohon(**{k: cleaned[k] for k in PemohonFields.base_fields})


@never_cache
@require_http_methods(["GET", "POST"])
def permohonan(request):
    opd = opd_for_request(request)
    form = PermohonanForm(request.POST or None, fixed_opd=opd)
    if request.method == "POST":
        if rate_limited(f"ppid:ip:{client_ip(request)}", 10, 3600):
            form.add_error(None, TOO_MANY)
        elif form.is_valid():
            if not form.consume_token():
                form.add_error(None, ALREADY_SENT)
            else:
                target = opd if opd is not None else form.cleaned_data.get("tujuan_opd")
                item = services.submit_request(_fields_of(form.cleaned_data), opd=target)
                return redirect("ppid:lacak_token", token=item.token)
        form.refresh_token()
    return render(
        request,
        "ppid/permohonan_form.html",
        {"form": form, "opd": opd},
        status=400 if form.errors else 200,
    )


@never_cache
def lacak(request):
    """Status by registration number: no personal data, no documents (those need the link)."""
    form = LacakForm(request.GET or None)
    item = None
    if form.is_valid():
        if rate_limited(f"ppid:lacak:{client_ip(request)}", 30, 600):
            form.add_error(None, TOO_MANY)
        else:
            item = (
                Permohonan.objects.select_related("opd")
                .filter(nomor__iexact=form.cleaned_data["nomor"].strip())
                .first()
            )
            if item is None:
                form.add_error("nomor", _("Nomor pendaftaran tidak ditemukan."))
    return render(request, "ppid/lacak.html", {"form": form, "item": item})


def _by_token(token: str) -> Permohonan:
    return get_object_or_404(Permohonan.objects.select_related("opd"), token=token)


@never_cache
@require_http_methods(["GET", "POST"])
def lacak_token(request, token):
    item = _by_token(token)
    form = KeberatanForm(request.POST or None)
    can_object = services.can_object(item)
    if request.method == "POST":
        if form.is_valid() and form.consume_token():
            try:
                services.file_objection(
                    item, alasan=form.cleaned_data["alasan"], uraian=form.cleaned_data["uraian"]
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                messages.success(request, _("Keberatan Anda telah dicatat."))
                return redirect("ppid:lacak_token", token=token)
        form.refresh_token()
    return render(
        request,
        "ppid/lacak_detail.html",
        {
            "item": item,
            "receipt": selectors.request_receipt(item),
            "form": form,
            "can_object": can_object,
            "batas_keberatan": services.objection_deadline(item) if can_object else None,
            "keberatan": item.keberatan.all(),
            "lampiran": item.lampiran.all(),
        },
    )


@never_cache
def pemberitahuan_pdf(request, token):
    item = _by_token(token)
    if item.is_open:
        raise Http404
    return download(exports.notice_pdf(item), f"pemberitahuan-{item.id}.pdf", PDF, inline=True)


@never_cache
def penolakan_pdf(request, token):
    """The requester's copy of the surat keputusan penolakan (with its uji konsekuensi)."""
    item = _by_token(token)
    if not item.is_refused_as_exempt:
        raise Http404
    return download(exports.refusal_pdf(item), f"penolakan-{item.id}.pdf", PDF, inline=True)


def lampiran(request, token, pk):
    item = _by_token(token)
    doc = get_object_or_404(item.lampiran, pk=pk)
    return FileResponse(doc.berkas.open("rb"), as_attachment=True, filename=doc.nama)


def _dip_scope(request):
    opd = opd_for_request(request)
    kategori = request.GET.get("kategori")
    items = selectors.dip_items(opd)
    if kategori in Kategori.values:
        items = items.filter(kategori=kategori)
    return opd, kategori, items


def dip(request):
    opd, kategori, items = _dip_scope(request)
    today = timezone.localdate()
    rows = [(item, item.is_stale(today)) for item in items]
    return render(
        request,
        "ppid/dip.html",
        {
            "opd": opd,
            "rows": rows,
            "kategori": kategori,
            "kategori_choices": Kategori.choices,
        },
    )


def dip_xlsx(request):
    opd, _k, items = _dip_scope(request)
    return download(exports.dip_xlsx(items, opd), "daftar-informasi-publik.xlsx", XLSX)


def dip_pdf(request):
    opd, _k, items = _dip_scope(request)
    return download(exports.dip_pdf(items, opd), "daftar-informasi-publik.pdf", PDF)


def _period(request) -> tuple[dt.date, dt.date]:
    try:
        year = int(request.GET.get("tahun", ""))
    except ValueError:
        year = timezone.localdate().year
    year = max(2010, min(year, timezone.localdate().year))
    return dt.date(year, 1, 1), dt.date(year, 12, 31)


def statistik(request):
    start, end = _period(request)
    opd = opd_for_request(request)
    return render(
        request,
        "ppid/statistik.html",
        {
            "s": selectors.statistik(start, end, opd),
            "opd": opd,
            "tahun": start.year,
        },
    )
