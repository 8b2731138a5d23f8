import io

import pytest

from balai.aspirasi.models import Ticket

pytestmark = pytest.mark.django_db


def test_demo_is_idempotent_and_has_overdue(opd_a, opd_b, client):
    from balai.aspirasi import demo

    demo.load(io.StringIO())
    demo.load(io.StringIO())
    assert Ticket.objects.count() == demo.TOTAL
    assert Ticket.objects.filter(status="baru").exists()
    assert client.get("/aspirasi/", HTTP_HOST="localhost").status_code == 200
    assert client.get("/aspirasi/statistik/", HTTP_HOST="localhost").status_code == 200
