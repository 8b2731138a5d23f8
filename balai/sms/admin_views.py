"""Kominfo's SMS Centre admin: inbound and outbound messages (failures visible, with a retry
button) and the SMS simulator, which goes through the same inbound pipeline as a real gateway."""

from __future__ import annotations

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin.viewsets.model import ModelViewSet

from balai.opd import access
from balai.sms import outbound
from balai.sms.addresses import normalise_address
from balai.sms.inbound import Refused, receive, release
from balai.sms.models import Channel, FloodRefusal, Gateway, InboundSMS, OutboundSMS


class InboundViewSet(ModelViewSet):
    model = InboundSMS
    icon = "mail"
    menu_label = gettext_lazy("SMS masuk")
    add_to_settings_menu = True
    list_display = ["received_at", "phone", "text", "gateway", "status", "ticket_number"]
    list_filter = ["status", "gateway"]
    search_fields = ["phone", "text", "ticket_number"]
    form_fields = ["status"]


class OutboundViewSet(ModelViewSet):
    model = OutboundSMS
    icon = "mail"
    menu_label = gettext_lazy("SMS keluar")
    add_to_settings_menu = True
    list_display = ["created_at", "phone", "text", "status", "attempts", "last_error"]
    list_filter = ["status"]
    search_fields = ["phone", "text"]
    form_fields = ["status"]
    inspect_view_enabled = True


class FloodRefusalViewSet(ModelViewSet):
    """Messages refused for flooding, per sender and day (issue 12.10): Kominfo only."""

    model = FloodRefusal
    icon = "warning"
    menu_label = gettext_lazy("Pesan ditolak (banjir)")
    add_to_settings_menu = True
    list_display = ["day", "phone", "channel", "count", "last_at", "last_text"]
    list_filter = ["channel", "day"]
    search_fields = ["phone"]
    form_fields = ["count"]
    inspect_view_enabled = True


def _kominfo(request):
    access.require_kominfo(request.user)


@require_POST
def retry_view(request, pk: int):
    _kominfo(request)
    message = get_object_or_404(OutboundSMS, pk=pk)
    outbound.retry(message)
    messages.success(request, _("SMS dimasukkan kembali ke antrean."))
    return redirect("sms_failed")


def failed_view(request):
    _kominfo(request)
    failed = OutboundSMS.objects.filter(status=OutboundSMS.Status.FAILED)[:200]
    return TemplateResponse(request, "sms/failed.html", {"failed": failed})


def review_view(request):
    """Inbound SMS a person must look at: quarantined as spam, or failed after every retry."""
    _kominfo(request)
    held = InboundSMS.objects.filter(
        status__in=[InboundSMS.Status.QUARANTINED, InboundSMS.Status.FAILED]
    )[:200]
    return TemplateResponse(request, "sms/review.html", {"held": held})


@require_POST
def release_view(request, pk: int):
    _kominfo(request)
    message = get_object_or_404(InboundSMS, pk=pk)
    if release(message):
        messages.success(request, _("SMS diproses sebagai aspirasi."))
    return redirect("sms_review")


class SimulatorForm(forms.Form):
    channel = forms.ChoiceField(
        label=gettext_lazy("Kanal"), choices=Channel.choices, initial=Channel.SMS, required=False
    )
    phone = forms.CharField(
        label=gettext_lazy("Nomor ponsel warga (Telegram: ID obrolan)"), initial="081234567890"
    )
    text = forms.CharField(
        label=gettext_lazy("Isi pesan"), widget=forms.Textarea(attrs={"rows": 3})
    )


def simulator_view(request):
    """Kominfo types as a citizen on any channel; the message goes through the same inbound
    pipeline as a real one, and the replies (queued on that channel) show in the thread."""
    _kominfo(request)
    form = SimulatorForm(request.POST or None)
    data = request.POST if request.method == "POST" else request.GET
    channel = data.get("channel") if data.get("channel") in Channel.values else Channel.SMS
    address = normalise_address(channel, data.get("phone") or "")
    if request.method == "POST" and form.is_valid():
        try:
            receive(
                Gateway.SIMULATOR,
                form.cleaned_data["phone"],
                form.cleaned_data["text"],
                channel=form.cleaned_data["channel"] or Channel.SMS,
            )
        except Refused as exc:  # incl. Flooded: the simulator obeys the same limits
            form.add_error(None, str(exc))
        else:
            messages.success(request, _("Pesan diterima; balasan muncul setelah worker berjalan."))
            return redirect(f"{request.path}?{urlencode({'channel': channel, 'phone': address})}")
    thread = []
    if address:
        inbound = [
            (m.received_at, "in", m.text)
            for m in InboundSMS.objects.filter(channel=channel, phone=address)[:30]
        ]
        out = [
            (m.created_at, "out", m.text)
            for m in OutboundSMS.objects.filter(channel=channel, phone=address)[:30]
        ]
        thread = sorted(inbound + out)
    return TemplateResponse(
        request,
        "sms/simulator.html",
        {"form": form, "thread": thread, "phone": address, "channel": channel},
    )


def urls():
    return [
        path("sms/simulator/", simulator_view, name="sms_simulator"),
        path("sms/gagal/", failed_view, name="sms_failed"),
        path("sms/gagal/<int:pk>/kirim-ulang/", retry_view, name="sms_retry"),
        path("sms/tinjau/", review_view, name="sms_review"),
        path("sms/tinjau/<int:pk>/proses/", release_view, name="sms_release"),
    ]
