"""Two-factor login for the admin (django-otp: TOTP apps plus one-time recovery codes).

Who must use it: Kominfo super-admins, OPD admins and any role an app registers with
``require_for`` (PPID officers, registered by the ppid app); operators may enrol and must when
``BALAI_2FA_OPERATOR`` is on. After the password, a user with a confirmed device is asked for a
code; a user who must use two factors and has no device is sent to enrolment first. Until then,
no other admin page opens.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Callable
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.crypto import get_random_string
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import login as otp_login
from django_otp import match_token, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from balai.opd.models import OPD

RECOVERY_CODES = 10
_role_checks: list[Callable] = []


def require_for(check: Callable) -> None:
    """Register ``check(user) -> bool``: users it matches must use a second factor."""
    _role_checks.append(check)


def is_required(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or OPD.objects.administered_by(user).exists():
        return True
    if any(check(user) for check in _role_checks):
        return True
    return bool(getattr(settings, "BALAI_2FA_OPERATOR", False))


def _exempt(path: str) -> bool:
    admin = "/admin/"
    return not path.startswith(admin) or any(
        path.startswith(admin + p)
        # sprite/ and jsi18n/ are the admin's icons and strings, loaded by the code screen itself
        # (the sprite is injected into the page: answering it with the code screen doubled it).
        for p in ("login/", "logout/", "2fa/", "jsi18n/", "sprite/", "password_reset/")
    )


class TwoFactorMiddleware:
    """Send a signed-in but unverified admin user to the code (or enrolment) screen."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not _exempt(request.path)
        ):
            query = urlencode({"next": request.get_full_path()})
            if user_has_device(user, confirmed=True):
                return redirect(reverse("twofactor_verify") + "?" + query)
            if is_required(user):
                return redirect(reverse("twofactor_enrol") + "?" + query)
        return self.get_response(request)


class CodeForm(forms.Form):
    token = forms.CharField(
        label=gettext_lazy("Kode"),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
        help_text=gettext_lazy(
            "Enam angka dari aplikasi autentikator, atau salah satu kode pemulihan."
        ),
    )


def _next(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@login_required(login_url="wagtailadmin_login")
def verify(request):
    """The second step of signing in: a code from the app, or a recovery code."""
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["token"].replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("token", _("Kode tidak cocok atau sudah kedaluwarsa. Coba lagi."))
    return render(
        request,
        "adminui/twofactor/verify.html",
        {"form": form, "next": _next(request), "page_title": _("Verifikasi dua langkah")},
    )


def _qr_svg(url: str) -> str:
    image = qrcode.make(url, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


def new_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with a fresh set (each works once)."""
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name=_("Kode pemulihan"), confirmed=True)
    codes = [get_random_string(8, "abcdefghjkmnpqrstuvwxyz23456789") for _ in range(RECOVERY_CODES)]
    for code in codes:
        device.token_set.create(token=code)
    return codes


@login_required(login_url="wagtailadmin_login")
def enrol(request):
    """Add an authenticator app: scan the QR code, type one code, keep the recovery codes."""
    user = request.user
    if user_has_device(user, confirmed=True) and not user.is_verified():
        return redirect(reverse("twofactor_verify") + "?" + urlencode({"next": _next(request)}))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=_("Aplikasi autentikator"), confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["token"].replace(" ", "")):
            TOTPDevice.objects.filter(user=user, confirmed=True).delete()
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            otp_login(request, device)
            return render(
                request,
                "adminui/twofactor/recovery.html",
                {
                    "codes": new_recovery_codes(user),
                    "next": _next(request),
                    "page_title": _("Kode pemulihan"),
                },
            )
        form.add_error("token", _("Kode tidak cocok. Periksa jam ponsel lalu coba lagi."))
    return render(
        request,
        "adminui/twofactor/enrol.html",
        {
            "form": form,
            "next": _next(request),
            "qr": _qr_svg(device.config_url),
            "secret": base64.b32encode(device.bin_key).decode(),
            "required": is_required(user),
            "page_title": _("Aktifkan verifikasi dua langkah"),
        },
    )


@login_required(login_url="wagtailadmin_login")
def recovery_codes(request):
    """A verified user replaces their recovery codes (the old ones stop working)."""
    if not request.user.is_verified():
        return redirect(reverse("twofactor_verify") + "?" + urlencode({"next": request.path}))
    if request.method != "POST":
        return render(
            request, "adminui/twofactor/recovery_confirm.html", {"page_title": _("Kode pemulihan")}
        )
    return render(
        request,
        "adminui/twofactor/recovery.html",
        {
            "codes": new_recovery_codes(request.user),
            "next": reverse("wagtailadmin_home"),
            "page_title": _("Kode pemulihan"),
        },
    )


# The demo city's logins all share this TOTP key (printed by load_demo, stated in the README):
# a demo is shown to many people and nobody should need the presenter's phone. Never in production.
DEMO_TOTP_SECRET = "BALAIDEMOKOTACONTOHDUAFAKTORAAAA"  # noqa: S105 (demo only)


def enrol_demo_users(users) -> None:
    key = base64.b32decode(DEMO_TOTP_SECRET).hex()
    for user in users:
        TOTPDevice.objects.update_or_create(
            user=user, name="Demo", defaults={"key": key, "confirmed": True}
        )


def current_demo_code() -> str:
    from django_otp.oath import totp

    return f"{totp(base64.b32decode(DEMO_TOTP_SECRET)):06d}"


def verified_device_for(user, name: str = "uji") -> TOTPDevice:
    """A confirmed TOTP device for ``user`` (test fixtures and the demo use it)."""
    device, _created = TOTPDevice.objects.get_or_create(
        user=user, name=name, defaults={"confirmed": True}
    )
    return device
