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


def test_demo_routes_as_production_answers_the_question_and_lives_in_the_past(make_opd):
    from django.utils import timezone

    from balai.aspirasi import demo
    from balai.aspirasi.models import TicketEvent

    for slug in (
        "dinkes",
        "disdikbud",
        "disdukcapil",
        "diskominfo",
        "dpupr",
        "kec-utara",
        "kec-selatan",
    ):
        make_opd(slug, name=slug.title(), short_name=slug.title())
    demo.load(io.StringIO())
    now = timezone.now()
    answers = {text: answer for _slug, text, answer in demo.TEXTS}
    for ticket in Ticket.objects.select_related("opd", "category"):
        expected = demo.DEFAULT_OPD.get(ticket.category.slug)
        if ticket.opd is None:
            assert ticket.status == "baru" and expected is None, ticket.number
        elif expected:
            assert ticket.opd.slug == expected, (ticket.number, ticket.text, ticket.opd.slug)
        else:  # no category OPD: triage sent it to the reporter's kecamatan
            assert ticket.opd.slug.startswith("kec-")
        if ticket.status == "selesai":
            assert ticket.answer == answers[ticket.text], ticket.number
        for moment in (ticket.received_at, ticket.first_response_at, ticket.answered_at):
            assert moment is None or moment <= now, ticket.number
    assert not TicketEvent.objects.filter(created_at__gt=now).exists()
    # Keyword routing is shown too: SMS that began with an OPD code, stripped as production does.
    from balai.sms.models import InboundSMS

    assert InboundSMS.objects.filter(text__startswith="DINKES ").exists()
    assert not Ticket.objects.filter(text__startswith="DINKES ").exists()
