"""Reads of the layanan app: directory, SKM results per service / OPD / city, compliance."""

from __future__ import annotations

from typing import Any

from django.db.models import Case, CharField, Count, Field, Q, QuerySet, Sum, Value, When
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext_lazy as _

from balai.layanan import periods
from balai.layanan.ikm import UNSUR_FIELDS, IKMResult, from_totals
from balai.layanan.models import Layanan, Loket, Maklumat, SurveyResponse
from balai.layanan.services import complete_q
from balai.opd.models import OPD


def directory(q: str = "", opd: str = "", category: str = "", kanal: str = "") -> QuerySet[Layanan]:
    """Published services of active OPDs, filtered as the portal's /layanan/ asks."""
    qs = Layanan.objects.published().select_related("opd", "opd__site__root_page")
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
                Q(name__icontains=word)
                | Q(summary__icontains=word)
                | Q(persyaratan__icontains=word)
                | Q(produk__icontains=word)
                | Q(opd__name__icontains=word)
                | Q(opd__short_name__icontains=word)
            )
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
        .order_by()
        .values_list("y", flat=True)
        .distinct()
    )
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
            rows.append(
                {"name": layanan.name, "result": per.get(layanan.pk), "url": layanan.get_url()}
            )
    else:
        per = ikm_grouped(qs, "opd_id")
        for item in OPD.objects.active().provisioned().select_related("site").order_by("name"):
            rows.append(
                {
                    "name": item.name,
                    "result": per.get(item.pk),
                    "url": f"{item.url}layanan/ikm/?periode={period.key}",
                }
            )
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
    return {
        "period": period,
        "opd": opd,
        "overall": overall,
        "rows": rows,
        "profile": profile,
        "saran": saran,
        "trend": trend,
    }


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


# Respondent groups for the SKM report (PermenPAN-RB 14/2017 asks gender, age, education and
# occupation so results can be read per group), plus the kiosk counter.
AGE_BANDS = [(15, 24), (25, 34), (35, 44), (45, 54), (55, 100)]
GROUPS = {
    "gender": _("Jenis kelamin"),
    "umur": _("Kelompok umur"),
    "education": _("Pendidikan"),
    "occupation": _("Pekerjaan"),
    "loket": _("Loket/kanal"),
}


def _age_band() -> Case:
    return Case(
        *[When(age__range=(lo, hi), then=Value(f"{lo}–{hi}")) for lo, hi in AGE_BANDS],
        default=Value("?"),
        output_field=CharField(),
    )


def ikm_by_group(queryset: QuerySet[SurveyResponse], group: str) -> list[dict]:
    """IKM per respondent group, in the order of the group's choices (empty groups included),
    from integer sums in one query."""
    labels: list[tuple[Any, Any]]
    if group == "umur":
        per = ikm_grouped(queryset.annotate(kelompok=_age_band()), "kelompok")
        labels = [
            (f"{lo}–{hi}", _("%(lo)s–%(hi)s tahun") % {"lo": lo, "hi": hi}) for lo, hi in AGE_BANDS
        ]
    elif group == "loket":
        per = ikm_grouped(queryset, "loket_id")
        names = dict(Loket.objects.filter(pk__in=[k for k in per if k]).values_list("pk", "name"))
        labels = [(None, _("Formulir daring"))] + sorted(names.items(), key=lambda kv: kv[1])
    else:
        per = ikm_grouped(queryset, group)
        field = SurveyResponse._meta.get_field(group)
        assert isinstance(field, Field) and field.choices is not None
        labels = list(field.choices)
    return [{"key": key, "label": label, "result": per.get(key)} for key, label in labels]


def ikm_by_service(queryset: QuerySet[SurveyResponse]) -> list[dict]:
    per = ikm_grouped(queryset, "layanan_id")
    names = Layanan.objects.filter(pk__in=list(per)).select_related("opd").order_by("name")
    return [{"layanan": layanan, "result": per[layanan.pk]} for layanan in names]
