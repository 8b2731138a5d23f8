"""The demo's planted spam hides where real injections hide (issue 13): deep in an OPD's tree and
old, never on the portal's or the OPD's home; the spam scan still finds it."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.utils import timezone

from balai.pemantauan import demo
from balai.pemantauan.models import SpamAlert

pytestmark = pytest.mark.django_db


def test_planted_spam_is_deep_old_and_found(client, make_opd, portal_host):
    from balai.content.tests import factories as f

    opds = [make_opd(slug, name=f"Dinas {slug.title()}") for slug in ("alfa", "beta", "gama")]
    for opd in opds:
        f.news(opd, f"Kegiatan {opd.name}", days_ago=2)
    demo.load(io.StringIO())
    spam = demo.Page.objects.get(slug=demo.SPAM_SLUG)
    assert spam.depth >= 5 and not spam.show_in_menus
    assert spam.last_published_at < timezone.now() - dt.timedelta(days=365)
    assert SpamAlert.objects.filter(page=spam).exists()
    assert "slot gacor" not in client.get("/", HTTP_HOST=portal_host).content.decode().lower()
    for opd in opds:
        home = client.get("/", HTTP_HOST=opd.hostname).content.decode().lower()
        assert "slot gacor" not in home
