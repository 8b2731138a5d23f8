"""Admin screens for OPDs: the registry and provisioning form (Kominfo), the OPD's own identity
(OPD admin), operator accounts, and the CSV import."""

from __future__ import annotations

import django_filters
from django import forms
from django.apps import apps
from django.contrib.auth import get_user_model, password_validation
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import BooleanColumn, Column, DateColumn
from wagtail.admin.views import chooser, generic
from wagtail.admin.views.reports import audit_logging, page_types_usage, workflows
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Page
from wagtail.permission_policies import ModelPermissionPolicy

from balai.opd import access, operators
from balai.opd.models import OPD
from balai.opd.provisioning import (
    OPDSpec,
    ProvisioningError,
    import_opds_csv,
    provision_opd,
    update_opd,
)

# --- OPD registry ------------------------------------------------------------------------------


class OPDPermissionPolicy(ModelPermissionPolicy):
    """Kominfo adds and removes OPDs; an OPD admin edits only their own OPD's identity."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active) or action == "delete":
            return False  # an OPD is deactivated, never deleted: its site and content remain
        if user.is_superuser:
            return True
        return action in {"change", "view"} and user.has_perm("opd.manage_opd")

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return OPD.objects.none()
        return OPD.objects.administered_by(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.user_has_permission(user, action)
            and self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


IDENTITY_PANELS = [
    MultiFieldPanel(
        [FieldPanel("kepala_nama"), FieldPanel("kepala_nip"), FieldPanel("kepala_jabatan")],
        heading=gettext_lazy("Pimpinan"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("address"),
            FieldPanel("phone"),
            FieldPanel("email"),
            FieldPanel("opening_hours"),
            FieldPanel("map_url"),
        ],
        heading=gettext_lazy("Kontak"),
    ),
    MultiFieldPanel(
        [
            FieldPanel("facebook"),
            FieldPanel("instagram"),
            FieldPanel("x_twitter"),
            FieldPanel("youtube"),
            FieldPanel("tiktok"),
        ],
        heading=gettext_lazy("Media sosial"),
    ),
    FieldPanel("logo"),
    FieldPanel("requires_approval"),
]
KOMINFO_CREATE_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("name"),
            FieldPanel("short_name"),
            FieldPanel("slug"),
            FieldPanel("jenis"),
            FieldPanel("parent"),
            FieldPanel("sms_keywords"),
        ],
        heading=gettext_lazy("Identitas"),
    ),
    *IDENTITY_PANELS,
]
KOMINFO_EDIT_PANELS = [
    MultiFieldPanel(
        [
            FieldPanel("name"),
            FieldPanel("short_name"),
            FieldPanel("jenis"),
            FieldPanel("parent"),
            FieldPanel("sms_keywords"),
            FieldPanel("is_active"),
        ],
        heading=gettext_lazy("Identitas"),
    ),
    *IDENTITY_PANELS,
]


def _spec_from_instance(opd: OPD) -> OPDSpec:
    values = {
        name: getattr(opd, name)
        for name in OPDSpec.field_names()
        if name not in {"parent_slug", "primary_colour"}
    }
    values["parent_slug"] = opd.parent.slug if opd.parent_id else ""
    return OPDSpec(**{k: (v if v is not None else "") for k, v in values.items()})


class OPDIndexView(generic.IndexView):
    def get_base_queryset(self):
        return OPD.objects.administered_by(self.request.user).select_related("site", "parent")


class OPDCreateView(generic.CreateView):
    """Kominfo's one-step form: the OPD record, then its whole site is provisioned."""

    def get_page_title(self):
        return _("Tambah OPD dan situsnya")

    def save_instance(self):
        opd = provision_opd(_spec_from_instance(self.form.instance), user=self.request.user).opd
        if self.form.instance.logo_id:
            opd.logo_id = self.form.instance.logo_id
            opd.save(update_fields=["logo"])
        return opd

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProvisioningError as exc:
            for message in exc.messages:
                form.add_error(None, message)
            self.produced_error_message = _("OPD belum dibuat. Periksa isian berikut.")
            return self.form_invalid(form)

    def get_success_message(self, instance):
        return _("OPD %(name)s siap: situsnya %(url)s") % {"name": instance, "url": instance.url}


class OPDEditView(generic.EditView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        panels = KOMINFO_EDIT_PANELS if access.is_kominfo(request.user) else IDENTITY_PANELS
        self.panel = ObjectList(panels).bind_to_model(OPD)

    def get_form_class(self):
        return self.panel.get_form_class()

    def get_queryset(self):
        return OPD.objects.administered_by(self.request.user)

    def save_instance(self):
        instance = self.form.save(commit=False)
        update_opd(instance, user=self.request.user)
        self.form.save_m2m()
        return instance


class OPDHistoryView(generic.HistoryView):
    def get_base_object_queryset(self):
        return OPD.objects.administered_by(self.request.user)


class OPDUsageView(generic.UsageView):
    def get_base_object_queryset(self):
        return OPD.objects.administered_by(self.request.user)


class OPDViewSet(ModelViewSet):
    model = OPD
    icon = "site"
    menu_label = gettext_lazy("OPD")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = OPDIndexView
    add_view_class = OPDCreateView
    edit_view_class = OPDEditView
    history_view_class = OPDHistoryView
    usage_view_class = OPDUsageView
    panels = KOMINFO_CREATE_PANELS
    list_display = [
        "name",
        Column("jenis", label=gettext_lazy("Jenis"), accessor="get_jenis_display"),
        Column("hostname", label=gettext_lazy("Alamat situs")),
        BooleanColumn("is_active", label=gettext_lazy("Aktif")),
        DateColumn("created_at", label=gettext_lazy("Dibuat")),
    ]
    list_filter = ["jenis", "is_active"]
    search_fields = ["name", "short_name", "slug"]
    delete_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False


# --- Operators ---------------------------------------------------------------------------------


class OperatorPermissionPolicy(ModelPermissionPolicy):
    """OPD admins manage the accounts of their own OPD; Kominfo manages all."""

    def user_has_permission(self, user, action):
        if not (user.is_authenticated and user.is_active):
            return False
        return access.is_kominfo(user) or (
            action in {"add", "change", "view"} and user.has_perm("opd.manage_opd")
        )

    def user_has_any_permission(self, user, actions):
        return any(self.user_has_permission(user, a) for a in actions)

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return get_user_model().objects.none()
        return operators.operators_of(OPD.objects.administered_by(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


OPERATOR_POLICY = OperatorPermissionPolicy(get_user_model())

ROLE_CHOICES = [
    (operators.ROLE_OPERATOR, gettext_lazy("Operator (menulis dan mengunggah)")),
    (operators.ROLE_ADMIN, gettext_lazy("Admin OPD (mengelola operator, menyetujui)")),
]


class _PasswordMixin(forms.Form):
    password1 = forms.CharField(
        label=gettext_lazy("Kata sandi"),
        widget=forms.PasswordInput,
        strip=False,
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=gettext_lazy("Ulangi kata sandi"), widget=forms.PasswordInput, strip=False
    )

    def clean(self):
        cleaned = super().clean()
        p1, p2 = cleaned.get("password1"), cleaned.get("password2")
        if p1 or p2:
            if p1 != p2:
                self.add_error("password2", _("Kedua kata sandi tidak sama."))
            else:
                try:
                    password_validation.validate_password(p1, self.instance)
                except forms.ValidationError as exc:
                    self.add_error("password1", exc)
        return cleaned


class OperatorCreateForm(_PasswordMixin, forms.ModelForm):
    opd = forms.ModelChoiceField(queryset=OPD.objects.none(), label=gettext_lazy("OPD"))
    role = forms.ChoiceField(choices=ROLE_CHOICES, label=gettext_lazy("Peran"))

    class Meta:
        model = get_user_model()
        fields = ["username", "first_name", "last_name", "email"]

    def __init__(self, *args, for_user=None, **kwargs):
        kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.fields["opd"].queryset = OPD.objects.administered_by(for_user).provisioned()
        self.fields["email"].required = True


class OperatorEditForm(_PasswordMixin, forms.ModelForm):
    role = forms.ChoiceField(choices=ROLE_CHOICES, label=gettext_lazy("Peran"))

    class Meta:
        model = get_user_model()
        fields = ["first_name", "last_name", "email", "is_active"]

    def __init__(self, *args, for_user=None, **kwargs):
        kwargs.pop("user", None)
        super().__init__(*args, **kwargs)
        self.fields["password1"].required = False
        self.fields["password2"].required = False
        self.fields["password1"].help_text = _("Kosongkan bila kata sandi tidak diganti.")
        self.fields["is_active"].label = _("Akun aktif")


class _OperatorViewMixin:
    operator_form_class: type[forms.ModelForm]

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.panel = None

    def get_form_class(self):
        return self.operator_form_class

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class OperatorIndexView(generic.IndexView):
    def get_base_queryset(self):
        return OPERATOR_POLICY.instances_user_has_any_permission_for(self.request.user, ["change"])


class OperatorCreateView(_OperatorViewMixin, generic.CreateView):
    operator_form_class = OperatorCreateForm

    def save_instance(self):
        data = self.form.cleaned_data
        return operators.create_operator(
            data["opd"],
            username=data["username"],
            password=data["password1"],
            role=data["role"],
            first_name=data["first_name"],
            last_name=data["last_name"],
            email=data["email"],
            by=self.request.user,
        )

    def get_success_message(self, instance):
        return _("Akun %(user)s dibuat.") % {"user": instance.get_username()}


class OperatorEditView(_OperatorViewMixin, generic.EditView):
    operator_form_class = OperatorEditForm

    def get_queryset(self):
        return OPERATOR_POLICY.instances_user_has_any_permission_for(self.request.user, ["change"])

    def _opd(self):
        return (
            OPD.objects.administered_by(self.request.user)
            .filter(pk__in=OPD.objects.with_member(self.object))
            .first()
        )

    def get_initial(self):
        opd = self._opd()
        return {
            **super().get_initial(),
            "role": operators.operator_role(self.object, opd) if opd else None,
        }

    def save_instance(self):
        user = self.form.save(commit=False)
        if self.form.cleaned_data.get("password1"):
            user.set_password(self.form.cleaned_data["password1"])
        user.save()
        opd = self._opd()
        if opd is not None:
            operators.set_operator_role(
                user, opd, self.form.cleaned_data["role"], by=self.request.user
            )
        return user


class OperatorViewSet(ModelViewSet):
    model = get_user_model()
    name = "operator"
    icon = "group"
    menu_label = gettext_lazy("Operator OPD")
    menu_order = 160
    add_to_admin_menu = True
    index_view_class = OperatorIndexView
    add_view_class = OperatorCreateView
    edit_view_class = OperatorEditView
    form_fields = ["first_name"]  # forms are the explicit classes above
    list_display = [
        Column("username", label=gettext_lazy("Nama pengguna")),
        Column("get_full_name", label=gettext_lazy("Nama")),
        Column("email", label=gettext_lazy("E-mail")),
        BooleanColumn("is_active", label=gettext_lazy("Aktif")),
        DateColumn("last_login", label=gettext_lazy("Terakhir masuk")),
    ]
    search_fields = ["username", "first_name", "last_name", "email"]
    delete_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False
    history_view_enabled = False
    usage_view_enabled = False

    @property
    def permission_policy(self):
        # The User model's registered policy is Wagtail's; these views use their own.
        return OPERATOR_POLICY

    def get_common_view_kwargs(self, **kwargs):
        return super().get_common_view_kwargs(permission_policy=OPERATOR_POLICY, **kwargs)


# --- CSV import --------------------------------------------------------------------------------


class CSVImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Berkas CSV"),
        help_text=gettext_lazy("Satu baris per OPD. Contoh: deploy/opd-contoh.csv."),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > 2 * 1024 * 1024:
            raise forms.ValidationError(_("Berkas CSV terlalu besar (maks. 2 MB)."))
        data = upload.read()
        try:
            data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise forms.ValidationError(_("Simpan CSV dengan pengodean UTF-8.")) from exc
        return data


def import_csv_view(request):
    access.require_kominfo(request.user)
    result = None
    form = CSVImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = import_opds_csv(form.cleaned_data["file"], user=request.user)
        except ProvisioningError as exc:
            for message in exc.messages:
                form.add_error(None, message)
        else:
            messages.success(
                request,
                _("Impor selesai: %(created)d OPD baru, %(unchanged)d tidak berubah.")
                % {"created": result.created, "unchanged": result.unchanged},
            )
    return TemplateResponse(
        request,
        "opd/admin/import.html",
        {"form": form, "result": result, "page_title": _("Impor OPD dari CSV")},
    )


# --- page chooser ------------------------------------------------------------------------------


class ScopedPageChooserBrowseView(chooser.BrowseView):
    """Wagtail's page chooser, refusing to open a page outside the user's OPDs (404).

    The listed children are already filtered by the ``construct_page_chooser_queryset`` hook;
    this closes the one remaining door, browsing *into* another OPD's page.
    """

    def get(self, request, parent_page_id=None):
        if parent_page_id:
            page = get_object_or_404(Page, pk=parent_page_id)
            if not (page.is_root() or access.can_see(request.user, page)):
                raise Http404
        return super().get(request, parent_page_id)


# --- site history report -------------------------------------------------------------------------


class ScopedSiteHistoryFilterSet(audit_logging.SiteHistoryReportFilterSet):
    """Wagtail 8 fills the report's "user" filter from every log entry of every site, which
    lists the usernames of other OPDs; only offer users of entries this user may see."""

    def get_users_queryset(self):
        return audit_logging.get_users_for_filter(self.request.user)


class ScopedSiteHistoryView(audit_logging.LogEntriesView):
    filterset_class = ScopedSiteHistoryFilterSet


def _workflow_requesters(request):
    """Users who sent a page this user may edit into a workflow (Wagtail lists every requester
    of every site, i.e. the usernames of other OPDs' operators)."""
    from django.db.models import CharField
    from django.db.models.functions import Cast
    from wagtail.models import WorkflowState, get_default_page_content_type

    User = get_user_model()
    pages = access.visible(request.user, Page).values_list(
        Cast("id", output_field=CharField()), flat=True
    )
    requesters = WorkflowState.objects.filter(
        base_content_type_id=get_default_page_content_type().id, object_id__in=pages
    ).values("requested_by")
    return User.objects.filter(pk__in=requesters).order_by(User.USERNAME_FIELD)


class ScopedWorkflowReportFilterSet(workflows.WorkflowReportFilterSet):
    requested_by = django_filters.ModelChoiceFilter(
        field_name="requested_by", queryset=_workflow_requesters
    )


class ScopedWorkflowView(workflows.WorkflowView):
    filterset_class = ScopedWorkflowReportFilterSet


class KominfoPageTypesUsageView(page_types_usage.PageTypesUsageReportView):
    """Counts and last-edited pages of every site: a city-wide report, for Kominfo only."""

    def dispatch(self, request, *args, **kwargs):
        access.require_kominfo(request.user)
        return super().dispatch(request, *args, **kwargs)


# --- bulk actions ---------------------------------------------------------------------------------


class _ScopedBulkActionMixin:
    """Objects outside the user's OPDs are left out of a bulk action altogether: Wagtail lists
    them by title as "no permission" on the confirmation page (and checks only on POST)."""

    def get_actionable_objects(self):
        objects, extra = super().get_actionable_objects()
        user = self.request.user
        pks = [o.pk for o in objects] + [o.pk for o in extra.get("items_with_no_access", [])]
        mine = set(
            access.visible(user, self.model._default_manager.filter(pk__in=pks)).values_list(
                "pk", flat=True
            )
        )
        objects = [o for o in objects if o.pk in mine]
        extra["items_with_no_access"] = [
            o for o in extra.get("items_with_no_access", []) if o.pk in mine
        ]
        return objects, extra


def scoped_bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk action dispatcher (same URL, matched first), confined to the user's OPDs."""
    from wagtail.admin.views.bulk_action.registry import bulk_action_registry

    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as exc:
        raise Http404 from exc
    action_class = bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    scoped = type(f"Scoped{action_class.__name__}", (_ScopedBulkActionMixin, action_class), {})
    return scoped(request, model).dispatch(request)
