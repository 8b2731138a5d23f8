"""Reads of the layanan app: directory, SKM results per service / OPD / city, compliance."""

from __future__ import annotations

from django.db.models import Count, Field, Q, QuerySet, Sum
from django.db.models.functions import ExtractYear

from balai.layanan import periods
from balai.layanan.ikm import UNSUR_FIELDS, IKMResult, from_totals
from balai.layanan.models import Layanan, Maklumat, SurveyResponse
from balai.layanan.services import complete_q
from balai.opd.models import OPD


def directory(q: str = "", opd: str = "", category: str = "", kanal: str = "") -> QuerySet[Layanan]:
    """Published services of active OPDs, filtered as the portal's /layanan/ asks."""
    qs = Layanan.objects.published().select_related("opd", "opd__site")
    if opd:
        qs = qs.filter(opd__slug=opd)
    if category:
        qs = qs.filter(category=category)
    if kanal:
        qs = (
            qs.filter(kanal__in=[kanal, "keduanya"])
            if kanal != "keduanya"
            else qs.filter(kanal=kanal)
        )
    if q:
        words = q.split()[:6]
        for word in words:
            qs = qs.filter(
                Q(name__icontains=word) | Q(summary__icontains=word)
                | Q(persyaratan__icontains=word) | Q(produk__icontains=word)
                | Q(opd__name__icontains=word) | Q(opd__short_name__icontains=word)
            )  # fmt: skip
    return qs.order_by("opd__name", "name")


def responses_in(period: periods.Period) -> QuerySet[SurveyResponse]:
    return SurveyResponse.objects.filter(
        submitted_at__date__gte=period.start, submitted_at__date__lt=period.end
    )


# Integer sums per unsur: the IKM is computed from them exactly (no averages in floating point).
_SUMS = {code: Sum(code) for code in UNSUR_FIELDS}


def _result(row: dict) -> IKMResult | None:
    if not row.get("n"):
        return None
    return from_totals({code: row[code] for code in UNSUR_FIELDS}, row["n"])


def ikm_of(queryset: QuerySet[SurveyResponse]) -> IKMResult | None:
    """IKM of a set of responses, computed in the database (one query)."""
    return _result(queryset.aggregate(n=Count("id"), **_SUMS))


def ikm_grouped(queryset: QuerySet[SurveyResponse], field: str) -> dict[int, IKMResult]:
    """IKM per value of ``field`` (e.g. "opd_id", "layanan_id") in one query."""
    rows = queryset.order_by().values(field).annotate(n=Count("id"), **_SUMS)
    return {row[field]: res for row in rows if (res := _result(row)) is not None}


def survey_years() -> list[int]:
    years = (
        SurveyResponse.objects.annotate(y=ExtractYear("submitted_at"))
        .order_by().values_list("y", flat=True).distinct()
    )  # fmt: skip
    found = sorted({y for y in years if y})
    return found or [periods.current().year]


def report(period: periods.Period, opd: OPD | None = None) -> dict:
    """Everything the IKM report shows for a period: overall, per unsur, per service or per OPD."""
    qs = responses_in(period)
    if opd is not None:
        qs = qs.filter(opd=opd)
    overall = ikm_of(qs)
    rows = []
    if opd is not None:
        per = ikm_grouped(qs, "layanan_id")
        for layanan in opd.layanan.filter(is_published=True).order_by("name"):
            rows.append({"name": layanan.name, "result": per.get(layanan.pk),
                         "url": layanan.get_url()})  # fmt: skip
    else:
        per = ikm_grouped(qs, "opd_id")
        for item in OPD.objects.active().provisioned().select_related("site").order_by("name"):
            rows.append({"name": item.name, "result": per.get(item.pk),
                         "url": f"{item.url}layanan/ikm/?periode={period.key}"})  # fmt: skip
    profile = {}
    for field in ("gender", "education", "occupation"):
        counts = dict(qs.order_by().values_list(field).annotate(c=Count("id")))
        model_field = SurveyResponse._meta.get_field(field)
        assert isinstance(model_field, Field) and model_field.choices is not None
        profile[model_field.verbose_name] = [
            (label, counts.get(value, 0)) for value, label in model_field.choices
        ]
    saran = list(qs.exclude(saran="").values_list("saran", flat=True)[:10])
    trend = []
    for year in survey_years():
        for n in (1, 2, 3, 4):
            p = periods.Period(year, "T", n)
            tq = responses_in(p)
            if opd is not None:
                tq = tq.filter(opd=opd)
            trend.append((p, ikm_of(tq)))
    trend = [(p, r) for p, r in trend if r is not None]
    return {"period": period, "opd": opd, "overall": overall, "rows": rows,
            "profile": profile, "saran": saran, "trend": trend}  # fmt: skip


def compliance_by_opd(opd_ids: list[int] | None = None) -> dict[int, dict]:
    """Per OPD: published services, complete services, maklumat, current IKM and the public page
    that proves it. Four queries whatever the number of OPDs (for the monitoring scorecard)."""
    opd_qs = OPD.objects.select_related("site")
    if opd_ids is not None:
        opd_qs = opd_qs.filter(pk__in=opd_ids)
    opds = list(opd_qs)  # query 1
    ids = [o.pk for o in opds]
    counts = {
        row["opd_id"]: row
        for row in Layanan.objects.filter(opd_id__in=ids, is_published=True)
        .order_by()
        .values("opd_id")
        .annotate(total=Count("id"), complete=Count("id", filter=complete_q()))
    }  # query 2
    with_maklumat = set(
        Maklumat.objects.filter(opd_id__in=ids).values_list("opd_id", flat=True)
    )  # query 3
    ikm = ikm_grouped(responses_in(periods.current()).filter(opd_id__in=ids), "opd_id")  # 4
    out = {}
    for opd in opds:
        row = counts.get(opd.pk, {})
        result = ikm.get(opd.pk)
        out[opd.pk] = {
            "services_total": row.get("total", 0),
            "services_complete": row.get("complete", 0),
            "has_maklumat": opd.pk in with_maklumat,
            "ikm": float(result.converted) if result else None,
            "ikm_category": result.category if result else None,
            "ikm_label": result.label if result else None,
            "evidence_url": f"{opd.url}layanan/" if opd.site_id else "",
        }
    return out
