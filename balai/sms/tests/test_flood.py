"""Issue 12.10: the per-number flood limit holds across spellings of one number and across
processes (counted in the database), ignores resends, and leaves a trace Kominfo can see."""

from __future__ import annotations

import pytest

from balai.sms.models import FloodRefusal, InboundSMS
from balai.sms.tests.helpers import post_webhook

pytestmark = pytest.mark.django_db

SPELLINGS = ["+6281234567890", "6281234567890", "081234567890"]


@pytest.fixture(autouse=True)
def _limit(settings):
    settings.BALAI_SMS_RATE_PHONE = (10, 60)


def test_three_spellings_of_one_number_share_one_limit(portal, client):
    codes = [
        post_webhook(client, {"from": SPELLINGS[i % 3], "text": f"LAPOR pesan {i}"}).status_code
        for i in range(30)
    ]
    assert codes.count(200) == 10 and codes.count(429) == 20
    assert InboundSMS.objects.count() == 10
    refusal = FloodRefusal.objects.get()
    assert (refusal.phone, refusal.count, refusal.channel) == ("+6281234567890", 20, "sms")
    assert refusal.last_text == "LAPOR pesan 29"


def test_limit_is_counted_in_the_database_not_in_one_process(portal, client):
    from django.core.cache import cache

    for i in range(6):
        post_webhook(client, {"from": SPELLINGS[0], "text": f"pesan {i}"})
    cache.clear()  # another gunicorn process: an empty local cache, the same database
    codes = [
        post_webhook(client, {"from": SPELLINGS[2], "text": f"lagi {i}"}).status_code
        for i in range(6)
    ]
    assert codes == [200] * 4 + [429] * 2


def test_resends_do_not_count(portal, client):
    first = {"id": "gw-1", "from": SPELLINGS[0], "text": "LAPOR jalan rusak"}
    for _ in range(12):  # a gateway retrying one message (with its id) ...
        assert post_webhook(client, first).status_code == 200
    no_id = {"from": SPELLINGS[1], "text": "LAPOR lampu mati"}
    for _ in range(12):  # ... and one without an id
        assert post_webhook(client, no_id).status_code == 200
    assert InboundSMS.objects.count() == 2
    assert not FloodRefusal.objects.exists()


def test_batch_refusals_are_recorded_per_item(portal, client):
    batch = {"messages": [{"from": SPELLINGS[i % 3], "text": f"pesan {i}"} for i in range(14)]}
    results = post_webhook(client, batch, path="/sms/webhook/batch/").json()["results"]
    assert [r["ok"] for r in results] == [True] * 10 + [False] * 4
    assert {r["error"] for r in results[10:]} == {"rate limited"}
    assert InboundSMS.objects.count() == 10
    assert FloodRefusal.objects.get().count == 4


def test_kominfo_sees_the_refused_senders_in_the_admin(portal, client, client_as, kominfo):
    for i in range(13):
        post_webhook(client, {"from": SPELLINGS[0], "text": f"spam {i}"})
    page = client_as(kominfo).get("/admin/pesan-ditolak/", HTTP_HOST="localhost")
    assert page.status_code == 200
    html = page.content.decode()
    assert "+6281234567890 (3)" in html  # the sender and how many were refused
