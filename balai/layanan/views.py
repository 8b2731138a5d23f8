"""Public views of the layanan pages (called from the routable pages in models.py)."""

from __future__ import annotations

import io

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from balai.core.downloads import download
from balai.core.public_forms import ALREADY_SENT, TOO_MANY, client_ip, rate_limited
from balai.layanan import exports, periods, selectors, services
from balai.layanan.forms import SurveyForm
from balai.layanan.ikm import UNSUR, sample_size
from balai.layanan.models import Kanal, Kategori, Layanan, Maklumat

SURVEY_LIMIT_PER_IP = (20, 60 * 60)  # 20 answers per hour per address: a busy counter's kiosk


def _render(request, page, template, context, **kwargs):
    return TemplateResponse(request, template, {"page": page, "self": page, **context}, **kwargs)


def _opd_services(opd):
    return opd.layanan.filter(is_published=True).order_by("name")


def _layanan(page, slug) -> Layanan:
    opd = page.opd
    if opd is None:
        raise Http404
    return get_object_or_404(
        Layanan.objects.select_related("opd", "sop", "sop_lain"),
        opd=opd,
        slug=slug,
        is_published=True,
    )


def opd_index(request, page):
    opd = page.opd
    items = list(_opd_services(opd)) if opd else []
    period = periods.current()
    result = selectors.ikm_of(selectors.responses_in(period).filter(opd=opd)) if opd else None
    return _render(
        request,
        page,
        "layanan/layanan_index_page.html",
        {
            "opd": opd,
            "services": items,
            "complete_count": sum(1 for s in items if s.is_complete),
            "maklumat": Maklumat.objects.filter(opd=opd).select_related("scan").first(),
            "ikm": result,
            "period": period,
        },
    )


def service_detail(request, page, slug):
    layanan = _layanan(page, slug)
    missing = services.missing_components(layanan)
    result = selectors.ikm_of(selectors.responses_in(periods.current()).filter(layanan=layanan))
    return _render(
        request,
        page,
        "layanan/layanan_detail.html",
        {
            "layanan": layanan,
            "missing": missing,
            "ikm": result,
            "period": periods.current(),
            "public_count": len(services.PUBLIC_COMPONENTS),
            "internal_count": len(services.INTERNAL_COMPONENTS),
        },
    )


def _qr_svg(url: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode().split("?>", 1)[-1]


def service_print(request, page, slug):
    layanan = _layanan(page, slug)
    base = request.build_absolute_uri(page.url + f"{layanan.slug}/")
    return _render(
        request,
        page,
        "layanan/layanan_print.html",
        {
            "layanan": layanan,
            "page_url": base,
            "survey_url": base + "survei/",
            "qr": _qr_svg(base),
            "opd": layanan.opd,
        },
    )


def maklumat_print(request, page):
    maklumat = get_object_or_404(Maklumat.objects.select_related("opd"), opd=page.opd)
    return _render(
        request, page, "layanan/maklumat_print.html", {"maklumat": maklumat, "opd": maklumat.opd}
    )


@never_cache
def survey(request, page, slug):
    layanan = _layanan(page, slug)
    if request.GET.get("terkirim"):
        return _render(request, page, "layanan/survey_done.html", {"layanan": layanan})
    message = None
    status = 200
    if request.method == "POST":
        form = SurveyForm(request.POST)
        if rate_limited(f"skm:ip:{client_ip(request)}", *SURVEY_LIMIT_PER_IP):
            message, status = TOO_MANY, 429
        elif form.is_valid():
            if not form.consume_token():
                message, status = ALREADY_SENT, 409
            else:
                data = form.cleaned_data
                services.submit_survey(
                    layanan,
                    answers={code: data[code] for code, _label in UNSUR},
                    gender=data["gender"],
                    age=data["age"],
                    education=data["education"],
                    occupation=data["occupation"],
                    service_date=data["service_date"],
                    saran=data["saran"],
                )
                return HttpResponseRedirect("?terkirim=1")
        else:
            message, status = _("Survei belum terkirim. Periksa isian yang ditandai."), 400
        if status == 400:
            form.refresh_token()
    else:
        form = SurveyForm()
    return _render(
        request,
        page,
        "layanan/survey_form.html",
        {"layanan": layanan, "form": form, "message": message},
        status=status,
    )


def _period_from(request) -> periods.Period:
    return periods.parse(request.GET.get("periode")) or periods.current()


def report(request, page, *, fmt=None, opd=None):
    if page.opd is None and opd is not None:
        raise Http404
    period = _period_from(request)
    scope_name = opd.name if opd else page.get_site().site_name or "Pemerintah Kota"
    data = exports.report_data(period, opd=opd, scope_name=scope_name)
    if fmt == "xlsx":
        return download(
            exports.report_xlsx(data),
            f"ikm-{period.key}.xlsx",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    if fmt == "pdf":
        return download(
            exports.report_pdf(data, request.build_absolute_uri("/")),
            f"ikm-{period.key}.pdf",
            "application/pdf",
        )
    data["period_choices"] = periods.choices(selectors.survey_years())
    if data["overall"]:
        data["sample_hint"] = sample_size(1000)
    return _render(request, page, "layanan/report.html", data)


def directory(request, page):
    params = {
        key: request.GET.get(key, "").strip()[:100] for key in ("q", "opd", "kategori", "kanal")
    }
    items = selectors.directory(params["q"], params["opd"], params["kategori"], params["kanal"])
    from balai.opd.models import OPD

    return _render(
        request,
        page,
        "layanan/layanan_directory_page.html",
        {
            "services": items,
            "params": params,
            "opds": OPD.objects.active()
            .filter(layanan__is_published=True)
            .distinct()
            .order_by("name"),
            "categories": Kategori.choices,
            "channels": Kanal.choices,
        },
    )
