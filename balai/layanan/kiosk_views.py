"""The SKM kiosk over HTTP: the full-screen page of a counter, the idempotent sync endpoint its
tablet posts queued answers to, and the service worker that keeps the page usable offline.

The counter key is the only credential (no session, no cookie): it sits in the kiosk URL that the
admin shows once, and an unknown or revoked key gets nothing but a refusal.
"""

from __future__ import annotations

import json

from django.contrib.staticfiles import finders
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from balai.core.public_forms import TOO_MANY, rate_limited
from balai.layanan import kiosk
from balai.layanan.forms import ANSWERS, KioskSurveyForm

# A busy counter serves a respondent every few minutes; this only stops a runaway loop.
SYNC_LIMIT = (600, 60 * 60)
REFUSED = _("Kunci loket tidak berlaku. Minta admin OPD membuat atau memperbarui kunci loket.")


def _private(response: HttpResponse) -> HttpResponse:
    # The key is in the URL: never send it onwards, never index the page.
    response["Referrer-Policy"] = "no-referrer"
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


@require_GET
def page(request, key: str):
    loket = kiosk.loket_for_key(key)
    if loket is None:
        return _private(
            render(request, "layanan/kiosk_refused.html", {"message": REFUSED}, status=403)
        )
    form = KioskSurveyForm()
    return _private(
        render(
            request,
            "layanan/kiosk.html",
            {"loket": loket, "form": form, "answers": ANSWERS, "key": key},
        )
    )


@csrf_exempt  # no cookie or session is involved: the counter key in the URL is the credential
@require_POST
def sync(request, key: str):
    """One queued answer sheet (JSON). 201 when stored, 200 when that UUID was stored before,
    400 with the field errors when invalid, 403 when the key is unknown or revoked."""
    loket = kiosk.loket_for_key(key)
    if loket is None:
        return _private(JsonResponse({"error": REFUSED}, status=403))
    if rate_limited(f"skm:kiosk:{loket.pk}", *SYNC_LIMIT):
        return _private(JsonResponse({"error": str(TOO_MANY)}, status=429))
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        return _private(JsonResponse({"error": _("Data tidak dapat dibaca.")}, status=400))
    form = KioskSurveyForm(payload)
    if not form.is_valid():
        return _private(
            JsonResponse({"error": _("Jawaban tidak lengkap."), "fields": form.errors}, status=400)
        )
    response, created = kiosk.submit_kiosk_response(loket, form.cleaned_data)
    return _private(
        JsonResponse(
            {"uuid": str(response.client_uuid), "created": created},
            status=201 if created else 200,
        )
    )


@require_GET
def service_worker(request):
    """The kiosk's service worker, from its static file, served under /kiosk/skm/ so that its
    scope covers the kiosk pages."""
    path = finders.find("layanan/kiosk-sw.js")
    if not path:
        raise Http404
    with open(path, encoding="utf-8") as handle:
        response = HttpResponse(handle.read(), content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    return response
