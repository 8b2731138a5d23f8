"""Abuse protection for public forms without a third-party captcha (shared/domain/security.md):
a signed one-time token, a honeypot field, a minimum fill time, and rate limits per IP and per
contact (phone or e-mail). Citizens on slow phones are never asked to solve puzzles.
"""

from __future__ import annotations

import secrets
import time

from django import forms
from django.conf import settings
from django.core import signing
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

TOKEN_MAX_AGE = 2 * 60 * 60  # a form may stay open two hours on a phone


def client_ip(request: HttpRequest) -> str:
    from axes.helpers import get_client_ip_address

    return get_client_ip_address(request) or "unknown"


def make_token(form_name: str) -> str:
    payload = {"n": secrets.token_urlsafe(12), "t": int(time.time())}
    return signing.dumps(payload, salt=f"balai.form.{form_name}", compress=True)


def rate_limited(key: str, limit: int, window_seconds: int) -> bool:
    """Count one hit for ``key``; True when it is over ``limit`` hits within the window."""
    cache_key = f"rate:{key}:{int(time.time()) // window_seconds}"
    if cache.add(cache_key, 1, window_seconds + 5):
        count = 1
    else:
        try:
            count = cache.incr(cache_key)
        except ValueError:  # expired between add and incr
            cache.set(cache_key, 1, window_seconds + 5)
            count = 1
    return count > limit


class ProtectedForm(forms.Form):
    """Base for every public form. Subclasses set ``form_name``.

    The token is signed (cannot be forged), expires, and is accepted once: a second submission of
    the same page (double tap, back-and-resubmit, replay) is refused with a clear message.
    """

    form_name = "public"
    honeypot_name = "website"

    form_token = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        required=False,
        label=gettext_lazy("Kosongkan kolom ini"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.fields["form_token"].initial = make_token(self.form_name)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("website"):
            raise forms.ValidationError(_("Formulir tidak dapat diproses."), code="honeypot")
        token = cleaned.get("form_token") or ""
        try:
            payload = signing.loads(
                token, salt=f"balai.form.{self.form_name}", max_age=TOKEN_MAX_AGE
            )
        except signing.SignatureExpired as exc:
            raise forms.ValidationError(
                _("Formulir sudah terlalu lama terbuka. Muat ulang halaman lalu kirim lagi."),
                code="expired",
            ) from exc
        except signing.BadSignature as exc:
            raise forms.ValidationError(
                _("Formulir tidak sah. Muat ulang halaman lalu kirim lagi."), code="bad_token"
            ) from exc
        if time.time() - payload["t"] < settings.BALAI_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("Formulir dikirim terlalu cepat. Periksa isian lalu kirim lagi."), code="fast"
            )
        self._nonce = payload["n"]
        return cleaned

    def consume_token(self) -> bool:
        """Mark the token used; False when it was used before. Call once the input is valid."""
        return cache.add(f"formtoken:{self.form_name}:{self._nonce}", 1, TOKEN_MAX_AGE + 60)

    def refresh_token(self) -> None:
        """Give a re-displayed (invalid) form a fresh token so the citizen can fix and resend."""
        data = self.data.copy()
        data[self.add_prefix("form_token")] = make_token(self.form_name)
        self.data = data


ALREADY_SENT = gettext_lazy(
    "Formulir ini sudah dikirim. Untuk mengirim lagi, buka formulir yang baru."
)
TOO_MANY = gettext_lazy(
    "Terlalu banyak kiriman dalam waktu singkat. Coba lagi beberapa menit lagi."
)
