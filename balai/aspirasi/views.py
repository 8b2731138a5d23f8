"""Public face of aspirations: the form (portal and every OPD site), the public list of answered
non-confidential tickets (masked), the tracking page (number + secret) and statistics."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from balai.aspirasi import services
from balai.aspirasi.forms import AspirasiForm
from balai.aspirasi.models import Ticket
from balai.aspirasi.selectors import (
    aspirasi_stats_by_opd,
    public_answer,
    public_text,
    ticket_for_codes,
    ticket_receipt,
)
from balai.core.codes import normalise_code
from balai.core.public_forms import ALREADY_SENT, TOO_MANY, client_ip, rate_limited
from balai.opd.models import OPD
from balai.opd.selectors import opd_for_request


@never_cache
def submit(request: HttpRequest) -> HttpResponse:
    opd = opd_for_request(request)
    if request.method == "POST":
        form = AspirasiForm(request.POST, request.FILES)
        if form.is_valid():
            data = form.cleaned_data
            if rate_limited(f"aspirasi-ip:{client_ip(request)}", 10, 3600):
                form.add_error(None, TOO_MANY)
            elif not form.consume_token():
                form.add_error(None, ALREADY_SENT)
            else:
                try:
                    ticket = services.create_ticket(
                        channel=Ticket.Channel.WEB,
                        text=data["text"],
                        phone=data["phone"],
                        email=data["email"],
                        reporter_name=data["reporter_name"],
                        opd=opd,
                        category=data["category"],
                        anonim=data["anonim"],
                        rahasia=data["rahasia"],
                        kecamatan=data["kecamatan"],
                        kelurahan=data["kelurahan"],
                        location=data["location"],
                        attachment=data["attachment"],
                    )
                except services.TicketNumberError as error:
                    form.add_error(None, str(error))
                else:
                    return redirect(ticket.tracking_path() + "?baru=1")
        form.refresh_token()
    else:
        form = AspirasiForm()
    return render(request, "aspirasi/form.html", {"form": form, "opd": opd})


def public_list(request: HttpRequest) -> HttpResponse:
    opd = opd_for_request(request)
    tickets = (
        Ticket.objects.filter(status=Ticket.Status.DONE, rahasia=False)
        .select_related("opd", "category")
        .order_by("-answered_at")
    )
    if opd:  # the OPD's own tickets and those it followed up as a related OPD
        tickets = tickets.filter(Q(opd=opd) | Q(pk__in=opd.aspirasi_terkait.values("pk")))
    page = Paginator(tickets, 20).get_page(request.GET.get("halaman"))
    for t in page:
        t.masked_text = public_text(t)
        t.masked_answer = public_answer(t)
    return render(request, "aspirasi/list.html", {"page_obj": page, "opd": opd})


@never_cache
def track_lookup(request: HttpRequest) -> HttpResponse:
    """Number + secret as typed from an SMS or a receipt: any case, I/L read as 1, O as 0."""
    number = request.GET.get("nomor", "").strip()
    secret = request.GET.get("kode", "").strip()
    if number and secret:
        if rate_limited(f"aspirasi-lacak:{client_ip(request)}", 30, 600):
            messages.error(request, TOO_MANY)
        else:
            ticket = ticket_for_codes(number, secret)
            if ticket is not None:
                return redirect(ticket.tracking_path())
            messages.error(request, _("Nomor tiket atau kode tidak cocok."))
    return render(request, "aspirasi/lookup.html", {"number": number})


def _ticket(number: str, secret: str) -> Ticket:
    ticket = ticket_for_codes(number, secret)
    if ticket is None:
        raise Http404
    return ticket


@never_cache
def short_link(request: HttpRequest, code: str) -> HttpResponse:
    """``/a/<number code>.<secret>`` from an SMS → the ticket's tracking page."""
    suffix, _sep, secret = code.partition(".")
    ticket = None
    if suffix and secret:
        for candidate in Ticket.objects.filter(
            number__endswith=f"-{normalise_code(suffix)}"
        ) | Ticket.objects.filter(number__endswith=f"-{suffix.upper()}"):
            if candidate.secret in (secret, normalise_code(secret)):
                ticket = candidate
                break
    if ticket is None:
        raise Http404
    return redirect(ticket.tracking_path())


@never_cache
def track(request: HttpRequest, number: str, secret: str) -> HttpResponse:
    ticket = _ticket(number, secret)
    events = ticket.events.filter(public=True)
    return render(
        request,
        "aspirasi/track.html",
        {
            "ticket": ticket,
            "events": events,
            "new": request.GET.get("baru") == "1",
            "receipt": ticket_receipt(ticket) if request.GET.get("baru") == "1" else None,
        },
    )


@never_cache
@require_POST
def rate(request: HttpRequest, number: str, secret: str) -> HttpResponse:
    ticket = _ticket(number, secret)
    action = request.POST.get("aksi")
    if action == "buka" and services.reopen(ticket):
        messages.success(request, _("Aspirasi dibuka kembali."))
    elif action == "nilai" and ticket.status == Ticket.Status.DONE:
        try:
            value = int(request.POST.get("nilai", ""))
        except ValueError:
            value = 0
        if 1 <= value <= 5:
            ticket.rating = value
            ticket.save(update_fields=["rating"])
            messages.success(request, _("Terima kasih atas penilaian Anda."))
    return redirect(ticket.tracking_path())


def stats(request: HttpRequest) -> HttpResponse:
    opd = opd_for_request(request)
    ids = [opd.pk] if opd else None
    data = aspirasi_stats_by_opd(ids)
    names = dict(OPD.objects.filter(pk__in=data.keys()).values_list("pk", "name"))
    rows = []
    for pk, row in sorted(data.items(), key=lambda kv: names.get(kv[0], "")):
        share = (
            round(100 * row["answered_on_time"] / row["answered_total"])
            if row["answered_total"]
            else None
        )
        rows.append({"name": names.get(pk, ""), "share": share, **row})
    return render(request, "aspirasi/stats.html", {"rows": rows, "opd": opd})
