import pytest

from balai.aspirasi.models import Ticket

pytestmark = pytest.mark.django_db


def test_simulator_goes_through_the_inbound_pipeline(kominfo, operator_a, client_as, run_tasks):
    client = client_as(kominfo)
    r = client.post("/admin/sms/simulator/", {"phone": "081234567890", "text": "LAPOR got mampet"})
    assert r.status_code == 302
    run_tasks()
    ticket = Ticket.objects.get()
    page = client.get(r["Location"]).content.decode()
    assert "got mampet" in page and ticket.number in page  # the acknowledgement in the thread
    assert client_as(operator_a).get("/admin/sms/simulator/").status_code in (302, 403)  # refused
