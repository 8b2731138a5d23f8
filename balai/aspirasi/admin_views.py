"""Admin for tickets (scoped to the user's OPDs; Kominfo sees the triage queue), categories and
routing rules (Kominfo)."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import PermissionCheckedMixin
from wagtail.admin.viewsets.model import ModelViewSet

from balai.aspirasi import services
from balai.aspirasi.models import Category, RoutingRule, Ticket
from balai.core.privacy import mask_phone
from balai.opd import access
from balai.opd.scoping import OPDScopedViewSet, ScopedEditView, scope_queryset


class TicketForm(WagtailAdminModelForm):
    message = forms.CharField(
        label=_("Isi aspirasi"),
        required=False,
        disabled=True,
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    reporter = forms.CharField(label=_("Pelapor"), required=False, disabled=True)
    internal_note = forms.CharField(
        label=_("Catatan internal (tidak terlihat oleh pelapor)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    return_to_kominfo = forms.BooleanField(
        label=_("Kembalikan ke Kominfo (bukan kewenangan OPD ini)"),
        required=False,
        help_text=_("Tulis alasannya di catatan internal; Kominfo akan mendisposisikan ulang."),
    )

    lapor_tracking = forms.CharField(
        label=_("Nomor pelacakan SP4N-LAPOR!"),
        required=False,
        max_length=40,
        help_text=_("Nomor dari LAPOR! bila aspirasi ini juga tercatat di sana."),
    )
    forward_target = forms.ChoiceField(
        label=_("Teruskan ke luar Pemda"),
        required=False,
        choices=[("", _("Tidak diteruskan")), *Ticket.ForwardTarget.choices],
        help_text=_(
            "Bila bukan kewenangan Pemda: aspirasi ditutup di sini dan pelapor diberi tahu."
        ),
    )
    forward_destination = forms.CharField(
        label=_("Instansi tujuan"), required=False, max_length=200
    )
    forward_reason = forms.CharField(
        label=_("Alasan penerusan (terlihat oleh pelapor)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    class Meta:
        model = Ticket
        widgets = {
            "related_opds": forms.CheckboxSelectMultiple,
            "reason": forms.Textarea(attrs={"rows": 2}),
            "answer": forms.Textarea(attrs={"rows": 5}),
            "public_text": forms.Textarea(attrs={"rows": 3}),
        }
        fields = [
            "message",
            "reporter",
            "opd",
            "related_opds",
            "category",
            "status",
            "reason",
            "answer",
            "public_text",
            "internal_note",
            "return_to_kominfo",
            "lapor_tracking",
            "forward_target",
            "forward_destination",
            "forward_reason",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        t = self.instance
        self.fields["message"].initial = t.text
        user = self.for_user
        if t.anonim and not access.is_kominfo(user):
            self.fields["reporter"].initial = _("Anonim")
        else:
            who = [
                t.reporter_name,
                t.phone if access.is_kominfo(user) else mask_phone(t.phone),
                t.email,
            ]
            self.fields["reporter"].initial = " · ".join(w for w in who if w) or _("Tanpa nama")
        self.fields["answer"].help_text = _(
            "Jawaban dikirim ke pelapor lewat kanal asalnya dan menutup aspirasi (status selesai)."
        )
        if not access.is_kominfo(user):
            # Only Kominfo dispositions (issue 6, point 3); the thread above names the OPDs.
            for name in ("opd", "related_opds"):
                self.fields[name].disabled = True
            self.fields["related_opds"].widget = forms.MultipleHiddenInput()
        if not (user and not access.is_kominfo(user) and t.opd_id and services.leads(t, user)):
            del self.fields["return_to_kominfo"]  # only the lead OPD's staff return a ticket
        self.fields["lapor_tracking"].initial = t.lapor_number
        if user and not services.leads(t, user):
            # A related OPD contributes through internal notes; the lead OPD answers.
            for name in (
                "category",
                "status",
                "reason",
                "answer",
                "public_text",
                "lapor_tracking",
                "forward_target",
                "forward_destination",
                "forward_reason",
            ):
                self.fields[name].disabled = True
            self.fields["answer"].help_text = _(
                "Jawaban ditulis oleh OPD penanggung jawab. Tulis kontribusi OPD Anda sebagai "
                "catatan internal."
            )

    def clean(self):
        data = super().clean()
        if data.get("return_to_kominfo") and not (data.get("internal_note") or "").strip():
            self.add_error(
                "internal_note", _("Tulis alasan pengembalian ke Kominfo di catatan internal.")
            )
        try:
            data["lapor_tracking"] = services.clean_lapor_number(data.get("lapor_tracking", ""))
        except ValidationError as error:
            self.add_error("lapor_tracking", error)
        target = data.get("forward_target")
        if target:
            if not (data.get("forward_reason") or "").strip():
                self.add_error("forward_reason", _("Tulis alasan penerusan."))
            if target != Ticket.ForwardTarget.LAPOR and not data.get("forward_destination"):
                self.add_error("forward_destination", _("Tulis nama instansi tujuan."))
            if not self.instance.is_open:
                self.add_error(
                    "forward_target", _("Aspirasi yang sudah ditutup tidak dapat diteruskan.")
                )
        return data


class TicketEditView(ScopedEditView):
    template_name = "aspirasi/admin/ticket_edit.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["events"] = self.object.events.select_related("user")
        return context

    @transaction.atomic  # the form's fields and every verb below commit together or not at all
    def save_instance(self):
        old = Ticket.objects.get(pk=self.object.pk)
        old_related = set(old.related_opds.values_list("pk", flat=True))
        data = self.form.cleaned_data
        ticket = self.form.save()
        user = self.request.user
        related = list(ticket.related_opds.all())
        note = data.get("internal_note", "")
        if ticket.category_id != old.category_id:
            category, ticket.category = ticket.category, old.category
            services.recategorise(ticket, category, user)
        if data.get("return_to_kominfo"):
            ticket.status = old.status
            services.return_to_triage(ticket, user, note)
            return ticket
        if ticket.opd_id and (
            ticket.opd_id != old.opd_id or {o.pk for o in related} != old_related
        ):
            ticket.status = old.status
            lead, ticket.opd = ticket.opd, old.opd  # dispose() compares with the previous lead
            services.dispose(ticket, lead, user, note, related=related)
            note = ""  # stored with the disposition
        elif ticket.status != old.status:
            new_status, ticket.status = ticket.status, old.status
            services.set_status(ticket, new_status, user, ticket.reason)
        if data.get("answer") and data["answer"] != old.answer:
            services.answer(ticket, data["answer"], user)
        if note:
            services.note(ticket, note, user)
        if data.get("forward_target"):
            services.forward(
                ticket,
                data["forward_target"],
                data["forward_reason"],
                destination=data.get("forward_destination", ""),
                lapor_number=data.get("lapor_tracking", ""),
                user=user,
            )
        elif "lapor_tracking" in data and not self.form.fields["lapor_tracking"].disabled:
            services.set_lapor_number(ticket, data["lapor_tracking"], user)
        return ticket


class AttachmentView(PermissionCheckedMixin, View):
    """A ticket's attachment for the officers handling it: Kominfo, the lead OPD and related OPDs
    (the same scope as the ticket's edit view); anyone else gets 404. Attachments have no public
    URL at all (only image renditions are served from storage), and leave as a download."""

    permission_required = "change"
    opd_lookup: str | tuple[str, ...] = "opd"

    def get(self, request, pk: int):
        tickets = scope_queryset(Ticket.objects.all(), request.user, self.opd_lookup)
        ticket = get_object_or_404(tickets, pk=pk)
        if not ticket.attachment:
            raise Http404
        try:
            handle = ticket.attachment.open("rb")
        except FileNotFoundError as missing:
            raise Http404 from missing
        name = f"{ticket.number}-{ticket.attachment.name.rsplit('/', 1)[-1]}"
        response = FileResponse(handle, as_attachment=True, filename=name)
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response


class TicketViewSet(OPDScopedViewSet):
    model = Ticket
    opd_lookup = ("opd", "related_opds")
    edit_view_class = TicketEditView
    icon = "mail"
    menu_label = _("Aspirasi")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["number", "status", "opd", "category", "channel", "tenggat"]
    list_filter = ["status", "channel", "category"]
    search_fields = ["number", "text"]
    ordering = ["tenggat", "received_at"]
    list_per_page = 50

    def get_form_class(self, for_update=False):
        return TicketForm

    def get_urlpatterns(self):
        attachment = AttachmentView.as_view(
            permission_policy=self.permission_policy, opd_lookup=self.opd_lookup
        )
        return [
            *super().get_urlpatterns(),
            path("lampiran/<int:pk>/", attachment, name="attachment"),
        ]


class CategoryViewSet(ModelViewSet):
    model = Category
    icon = "tag"
    menu_label = _("Kategori aspirasi")
    add_to_settings_menu = True
    form_fields = ["name", "slug", "tier", "first_response_days", "completion_days", "default_opd"]
    list_display = ["name", "tier", "first_response_days", "completion_days", "default_opd"]


class RoutingRuleViewSet(ModelViewSet):
    model = RoutingRule
    icon = "resubmit"
    menu_label = _("Aturan kata kunci SMS")
    add_to_settings_menu = True
    form_fields = ["keyword", "opd"]
    list_display = ["keyword", "opd"]
