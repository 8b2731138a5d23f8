"""Renditions are found, not regenerated (issue 11: 44 of 78 ms of the OPD home went to
``create_renditions`` on every request, from home lists cached with their prefetched renditions
taken before those renditions existed)."""

from __future__ import annotations

import pytest

from balai.content.tests import factories as f
from balai.images.models import BalaiImage

pytestmark = pytest.mark.django_db


def test_cached_home_lists_find_their_renditions(client, opd_a, portal_host, monkeypatch):
    image = f.make_image()
    f.news(opd_a, "Kabar bergambar", featured_image=image, featured_image_alt="Foto kegiatan")
    for host in (opd_a.hostname, portal_host):  # builds and caches the lists, makes renditions
        assert client.get("/", HTTP_HOST=host).status_code == 200
    generated = []
    original = BalaiImage.generate_rendition_file

    def spy(self, *args, **kwargs):
        generated.append(args)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(BalaiImage, "generate_rendition_file", spy)
    for _ in range(2):
        for host in (opd_a.hostname, portal_host):
            html = client.get("/", HTTP_HOST=host).content.decode()
            assert "Kabar bergambar" in html and ".webp" in html
    assert generated == [], f"{len(generated)} rendition files generated again"
