"""The admin answers with a Content-Security-Policy; no response names a server version."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.django_db

VERSION = re.compile(r"\d+\.\d+")


def test_admin_responses_carry_the_csp(client):
    response = client.get("/admin/login/")
    policy = response["Content-Security-Policy"]
    for directive in (
        "default-src 'self'",
        "object-src 'none'",
        "frame-ancestors 'self'",
        "base-uri 'self'",
        "form-action 'self'",
    ):
        assert directive in policy
    assert "'unsafe-eval'" not in policy


@pytest.mark.parametrize("path", ["/", "/admin/login/", "/healthz", "/tidak-ada/", "/cari/?q=a"])
def test_no_response_header_names_a_version(client, portal, path):
    response = client.get(path)
    for name, value in response.headers.items():
        if name.lower() in {"server", "x-powered-by", "via"} or "version" in name.lower():
            raise AssertionError(f"{path}: {name}: {value}")
        if name.lower() not in {"content-security-policy", "expires", "last-modified", "date"}:
            assert not VERSION.search(value) or name.lower() == "content-length", (name, value)
