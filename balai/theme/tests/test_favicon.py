"""Every site answers /favicon.ico and its pages link the icon (issue 13)."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_favicon_answers_on_portal_and_opd_sites(client, opd_a, portal_host):
    for host in (portal_host, opd_a.hostname):
        response = client.get("/favicon.ico", HTTP_HOST=host)
        assert response.status_code == 200 and response["Content-Type"] == "image/x-icon"
        assert response.content[:4] == b"\x00\x00\x01\x00"  # an ICO file
        home = client.get("/", HTTP_HOST=host).content.decode()
        assert 'rel="icon"' in home and "favicon" in home
