"""Admin screens for services, maklumat, SKM responses, SKM kiosk counters and the SKM report by
respondent group, scoped to the user's OPDs."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import BooleanColumn, Column
from wagtail.admin.viewsets.model import ModelViewSetGroup

from balai.layanan import kiosk, periods, selectors
from balai.layanan.ikm import UNSUR
from balai.layanan.models import Layanan, Maklumat, SurveyResponse
from balai.opd.models import OPD
from balai.opd.scoping import OPDScopedViewSet


class CompleteColumn(BooleanColumn):
    def get_value(self, instance):
        return instance.is_complete


class LayananViewSet(OPDScopedViewSet):
    model = Layanan
    icon = "list-ul"
    menu_label = _("Layanan")
    add_to_admin_menu = False
    list_display = [
        "name",
        Column("opd", label=_("OPD")),
        "category",
        CompleteColumn("complete", label=_("Komponen publik lengkap")),
        BooleanColumn("is_published", label=_("Terbit")),
    ]
    list_filter = ["category", "is_published", "kanal"]
    search_fields = ["name", "summary"]
    inspect_view_enabled = True


class MaklumatViewSet(OPDScopedViewSet):
    model = Maklumat
    icon = "doc-full"
    menu_label = _("Maklumat pelayanan")
    list_display = ["__str__", "signed_by", "signed_on"]


class SurveyResponseViewSet(OPDScopedViewSet):
    model = SurveyResponse
    icon = "form"
    menu_label = _("Jawaban SKM")
    list_display = ["layanan", "submitted_at", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9"]
    list_filter = ["layanan__opd"]
    form_fields = ["layanan", "submitted_at", "service_date", "gender", "age", "education",
                   "occupation", "u1", "u2", "u3", "u4", "u5", "u6", "u7", "u8", "u9",
                   "saran"]  # fmt: skip
    inspect_view_enabled = True


class LayananGroup(ModelViewSetGroup):
    menu_label = _("Layanan publik")
    menu_icon = "list-ul"
    menu_order = 250
    items = (LayananViewSet("layanan"), MaklumatViewSet("maklumat"), SurveyResponseViewSet("skm"))


# --- SKM kiosk counters and the SKM report by group ---------------------------------------------


class LoketForm(forms.Form):
    name = forms.CharField(
        label=_("Nama loket"), max_length=120, help_text=_("Misalnya: Loket pendaftaran")
    )
    layanan = forms.ModelChoiceField(label=_("Layanan"), queryset=Layanan.objects.none())

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["layanan"].queryset = (
            Layanan.objects.published()
            .filter(opd__in=OPD.objects.for_user(user))
            .select_related("opd")
            .order_by("opd__name", "name")
        )


def _kiosk_url(request, loket, key: str) -> str:
    site = loket.opd.site if loket.opd.site_id else None
    base = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return base + reverse("skm_kiosk", args=[key])


def _can_manage(user) -> bool:
    return user.is_authenticated and OPD.objects.for_user(user).exists()


def loket_list(request):
    """Counters of the user's OPDs: create one (the kiosk URL with its key is shown once), renew
    its key or revoke it."""
    if not _can_manage(request.user):
        raise PermissionDenied
    form = LoketForm(request.POST or None, user=request.user)
    created_url = None
    if request.method == "POST":
        action = request.POST.get("aksi", "buat")
        if action == "buat" and form.is_valid():
            try:
                loket, key = kiosk.create_loket(
                    form.cleaned_data["layanan"], form.cleaned_data["name"], by=request.user
                )
            except ValidationError as exc:
                form.add_error(None, exc)
            else:
                created_url = _kiosk_url(request, loket, key)
                messages.success(request, _("Loket dibuat. Buka alamat kiosk di tablet loket."))
        elif action in ("cabut", "kunci-baru"):
            loket = get_object_or_404(kiosk.managed_by(request.user), pk=request.POST.get("loket"))
            if action == "cabut":
                kiosk.revoke_loket(loket, by=request.user)
                messages.success(request, _("Kunci loket dicabut."))
            else:
                created_url = _kiosk_url(request, loket, kiosk.renew_key(loket, by=request.user))
                messages.success(request, _("Kunci baru dibuat; kunci lama tidak berlaku lagi."))
    counters = kiosk.managed_by(request.user).annotate(jawaban=Count("responses"))
    return render(
        request,
        "layanan/admin/loket.html",
        {"form": form, "counters": counters, "created_url": created_url},
    )


def skm_kelompok(request):
    """IKM by service, period and respondent group (PermenPAN-RB 14/2017 asks the profile so the
    results can be read per group), for the user's OPDs."""
    if not _can_manage(request.user):
        raise PermissionDenied
    opds = OPD.objects.for_user(request.user).order_by("name")
    period = periods.parse(request.GET.get("periode")) or periods.current()
    opd = opds.filter(slug=request.GET.get("opd", "")).first() or (
        None if request.user.is_superuser else opds.first()
    )
    services_qs = Layanan.objects.filter(opd__in=opds if opd is None else [opd], is_published=True)
    layanan = services_qs.filter(pk=request.GET.get("layanan") or 0).first()
    group = request.GET.get("kelompok", "gender")
    if group not in selectors.GROUPS:
        group = "gender"
    qs = selectors.responses_in(period).filter(opd__in=opds)
    if opd is not None:
        qs = qs.filter(opd=opd)
    if layanan is not None:
        qs = qs.filter(layanan=layanan)
    return render(
        request,
        "layanan/admin/skm_kelompok.html",
        {
            "opds": opds,
            "opd": opd,
            "services": services_qs.order_by("name"),
            "layanan": layanan,
            "period": period,
            "period_choices": periods.choices(selectors.survey_years()),
            "groups": selectors.GROUPS,
            "group": group,
            "overall": selectors.ikm_of(qs),
            "rows": selectors.ikm_by_group(qs, group),
            "by_service": selectors.ikm_by_service(qs),
            "unsur": UNSUR,
        },
    )
