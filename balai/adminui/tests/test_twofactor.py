"""Two-factor login: required for Kominfo, OPD admins and PPID officers, optional for operators
(unless Kominfo requires it), with recovery codes; login lockout per IP across usernames."""

from __future__ import annotations

import re
import time

import pytest
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import DEMO_PASSWORD

pytestmark = pytest.mark.django_db

HOME = "/admin/"


def password_login(client, user):
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302, response.content[:500]


def code(device: TOTPDevice) -> str:
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):06d}"


def test_kominfo_must_enrol_then_gets_in_with_recovery_codes(client, kominfo):
    password_login(client, kominfo)
    response = client.get(HOME)
    assert response.status_code == 302 and response["Location"].startswith(
        reverse("twofactor_enrol")
    )
    response = client.get(response["Location"])
    page = response.content.decode()
    assert "Aktifkan verifikasi dua langkah" in page and "<svg" in page  # the QR code
    assert client.get(reverse("wagtailadmin_pages:search")).status_code == 302  # nothing else
    device = TOTPDevice.objects.get(user=kominfo, confirmed=False)
    response = client.post(reverse("twofactor_enrol"), {"token": "000000", "next": HOME})
    assert "Kode tidak cocok" in response.content.decode()
    time.sleep(1.1)  # django-otp delays the next try after a wrong code
    response = client.post(reverse("twofactor_enrol"), {"token": code(device), "next": HOME})
    codes = re.findall(r"<li><code>(\w+)</code></li>", response.content.decode())
    assert len(codes) == 10
    assert client.get(HOME).status_code == 200

    # Next time: password, then a recovery code (each works once).
    client.logout()
    password_login(client, kominfo)
    assert client.get(HOME)["Location"].startswith(reverse("twofactor_verify"))
    response = client.post(reverse("twofactor_verify"), {"token": codes[0], "next": HOME})
    assert response.status_code == 302 and response["Location"] == HOME
    assert client.get(HOME).status_code == 200
    client.logout()
    password_login(client, kominfo)
    response = client.post(reverse("twofactor_verify"), {"token": codes[0], "next": HOME})
    assert response.status_code == 200 and "Kode tidak cocok" in response.content.decode()
    assert client.get(HOME).status_code == 302


@pytest.mark.parametrize("role", ["admin", "ppid"])
def test_opd_admins_and_ppid_officers_need_a_code(client, make_user, opd_a, role):
    from balai.ppid.models import PetugasPPID

    user = make_user(f"{role}-alfa", opd_a, role="admin" if role == "admin" else "operator")
    if role == "ppid":
        PetugasPPID.objects.create(user=user, opd=opd_a, peran=PetugasPPID.Peran.PELAKSANA)
    password_login(client, user)
    assert client.get(HOME)["Location"].startswith(reverse("twofactor_enrol"))
    device = TOTPDevice.objects.create(user=user, name="hp", confirmed=True)
    assert client.get(HOME)["Location"].startswith(reverse("twofactor_verify"))
    wrong = "000001" if code(device) != "000001" else "000002"
    response = client.post(reverse("twofactor_verify"), {"token": wrong, "next": HOME})
    assert "Kode tidak cocok" in response.content.decode()
    assert client.get(HOME).status_code == 302
    time.sleep(1.1)  # django-otp delays the next try after a wrong code
    response = client.post(reverse("twofactor_verify"), {"token": code(device), "next": HOME})
    assert response["Location"] == HOME
    assert client.get(HOME).status_code == 200


def test_operators_may_enrol_and_kominfo_can_require_it(client, operator_a, settings):
    password_login(client, operator_a)
    assert client.get(HOME).status_code == 200  # optional by default
    assert client.get(reverse("twofactor_enrol")).status_code == 200  # but available
    settings.BALAI_2FA_OPERATOR = True
    assert client.get(HOME)["Location"].startswith(reverse("twofactor_enrol"))


def test_verify_refuses_an_outside_next_url(client, kominfo):
    device = TOTPDevice.objects.create(user=kominfo, name="hp", confirmed=True)
    password_login(client, kominfo)
    response = client.post(
        reverse("twofactor_verify"), {"token": code(device), "next": "https://jahat.example/"}
    )
    assert response["Location"] == reverse("wagtailadmin_home")


def test_one_ip_trying_many_usernames_is_locked_out(client, kominfo, operator_a):
    for i in range(5):
        client.post(
            reverse("wagtailadmin_login"), {"username": f"tebakan-{i}", "password": "salah-salah"}
        )
    # The right password of a real account, from the same address, is now refused too.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": operator_a.username, "password": DEMO_PASSWORD},
    )
    assert response.status_code == 429
    assert client.get(HOME).status_code == 302  # not signed in
    # Another address is not affected.
    response = client.post(
        reverse("wagtailadmin_login"),
        {"username": operator_a.username, "password": DEMO_PASSWORD},
        REMOTE_ADDR="10.9.8.7",
    )
    assert response.status_code == 302


def test_the_code_screen_gets_its_icons_and_strings_before_the_code(client, kominfo):
    """The code screen loads the admin's icon sprite and strings; they must not answer with the
    code screen itself (the sprite is injected into the page, which then showed twice)."""
    password_login(client, kominfo)
    sprite = client.get(reverse("wagtailadmin_sprite"))
    assert sprite.status_code == 200
    assert 'symbol id="icon-' in sprite.content.decode()
    assert "<main" not in sprite.content.decode()
    assert client.get(reverse("wagtailadmin_javascript_catalog")).status_code == 200
    assert client.get(HOME).status_code == 302  # everything else still waits for the code
