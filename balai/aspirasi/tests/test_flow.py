"""Web form → ticket → disposition → answer → reply, isolation, masking, deadlines, stats."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils import timezone

from balai.aspirasi import services
from balai.aspirasi.models import Category, Ticket
from balai.aspirasi.selectors import aspirasi_stats_by_opd
from balai.aspirasi.tasks import remind_and_escalate
from balai.kalender.calendar import due_date
from balai.sms.models import OutboundSMS

pytestmark = pytest.mark.django_db


def _form(client, host, **extra):
    page = client.get("/aspirasi/kirim/", HTTP_HOST=host)
    assert page.status_code == 200
    token = page.context["form"]["form_token"].value()
    data = {
        "form_token": token,
        "text": "Jalan berlubang di depan SD 3",
        "kecamatan": "Medan Kota",
        "kelurahan": "Teladan",
        "phone": "081234567890",
        "reporter_name": "Budi Santoso",
    }
    data.update(extra)
    return client.post("/aspirasi/kirim/", data, HTTP_HOST=host)


def _edit(client, ticket, **data):
    base = {
        "opd": ticket.opd_id or "",
        "category": ticket.category_id or "",
        "status": ticket.status,
        "reason": "",
        "answer": ticket.answer,
        "public_text": "",
        "internal_note": "",
    }
    base.update(data)
    return client.post(f"/admin/aspirasi/edit/{ticket.pk}/", base)


def test_opd_site_form_to_answer_on_tracking_page(opd_a, operator_a, client, client_as, run_tasks):
    r = _form(client, opd_a.hostname)
    ticket = Ticket.objects.get()
    assert r.status_code == 302 and r["Location"].startswith(ticket.tracking_path())
    assert ticket.opd == opd_a and ticket.status == "didisposisikan" and ticket.channel == "web"
    page = client.get(r["Location"], HTTP_HOST=opd_a.hostname)
    assert ticket.number in page.content.decode()
    run_tasks()
    assert ticket.number in OutboundSMS.objects.get(status="terkirim").text  # acknowledgement

    admin = client_as(operator_a)
    r = _edit(
        admin,
        ticket,
        answer="Sudah kami tambal pada 3 Desember.",
        internal_note="Tim UPT jalan, anggaran pemeliharaan",
    )
    assert r.status_code == 302, r.content[:2000]
    ticket.refresh_from_db()
    assert ticket.status == "selesai" and ticket.answered_at
    run_tasks()
    reply = OutboundSMS.objects.exclude(pk=OutboundSMS.objects.order_by("pk").first().pk).get()
    assert reply.text.startswith(f"[{ticket.number}] Sudah kami tambal")
    tracking = client.get(ticket.tracking_path(), HTTP_HOST=opd_a.hostname).content.decode()
    assert "Sudah kami tambal" in tracking and "anggaran pemeliharaan" not in tracking
    assert (
        client.get(f"/aspirasi/lacak/{ticket.number}/salah/", HTTP_HOST="localhost").status_code
        == 404
    )


def test_triage_disposition_and_isolation(
    opd_a, opd_b, kominfo, operator_a, operator_b, client, client_as
):
    _form(client, "localhost", anonim="on")
    ticket = Ticket.objects.get()
    assert ticket.opd is None and ticket.status == "baru"
    r = _edit(client_as(kominfo), ticket, opd=opd_b.pk, internal_note="Wewenang Dinas Beta")
    assert r.status_code == 302
    ticket.refresh_from_db()
    assert ticket.opd == opd_b and ticket.status == "didisposisikan" and ticket.first_response_at
    client_as(operator_a).get("/admin/aspirasi/")  # consumes Kominfo's flash message
    assert client_as(operator_a).get(f"/admin/aspirasi/edit/{ticket.pk}/").status_code == 404
    assert ticket.number not in client_as(operator_a).get("/admin/aspirasi/").content.decode()
    page = client_as(operator_b).get(f"/admin/aspirasi/edit/{ticket.pk}/").content.decode()
    assert "Jalan berlubang" in page
    assert "Budi" not in page and "7890" not in page  # anonim: hidden from the OPD


def test_public_list_masks_and_hides_confidential(opd_a, client):
    t1 = services.create_ticket(
        channel="web",
        opd=opd_a,
        phone="+6281234567890",
        reporter_name="Siti Rahmawati",
        text="NIK saya 1271011203900001, hubungi 081298765432 atau a@b.id. Saya Siti, "
        "rumah di Jl. Sei Batang Hari No. 17 RT 03/RW 05, saluran di depan tersumbat.",
    )
    t2 = services.create_ticket(channel="web", opd=opd_a, text="Rahasia sekali", rahasia=True)
    services.answer(t1, "Ibu Siti, saluran di depan No. 17 sudah dibersihkan.")
    services.answer(t2, "Sudah ditangani juga.")
    for host in ("localhost", opd_a.hostname):
        html = client.get("/aspirasi/", HTTP_HOST=host).content.decode()
        assert t1.number in html and t2.number not in html
        assert "1271011203900001" not in html and "081298765432" not in html
        assert "a@b.id" not in html and "0812****5432" in html
        assert "Siti" not in html and "S***" in html  # the reporter's name, in text and answer
        assert "No. 17" not in html and "RT 03" not in html and "No. ***" in html
        assert "Jl. Sei Batang Hari" in html and "sudah dibersihkan" in html  # where, and what


def test_deadlines_follow_category_tier(opd_a):
    cat = Category.objects.create(name="Infrastruktur", slug="infra", tier="pengawasan")
    ticket = services.create_ticket(channel="web", opd=opd_a, category=cat, text="x")
    assert ticket.tenggat == due_date(ticket.received_at, 60)
    assert ticket.first_response_due == due_date(ticket.received_at, 3)


def test_bad_upload_refused(opd_a, client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    bad = SimpleUploadedFile("foto.jpg", b"MZ\x90\x00 not an image", content_type="image/jpeg")
    r = _form(client, opd_a.hostname, attachment=bad)
    assert r.status_code == 200 and Ticket.objects.count() == 0


def test_stats_constant_queries(make_opd, django_assert_num_queries, client):
    opds = [make_opd(s) for s in ("satu", "dua", "tiga")]
    now = timezone.now()
    long_ago = now - dt.timedelta(days=60)
    for i, opd in enumerate(opds):
        for j in range(i + 1):
            t = services.create_ticket(channel="sms", opd=opd, text=f"t{j}", received_at=long_ago)
            if j == 0:
                Ticket.objects.filter(pk=t.pk).update(
                    first_response_at=long_ago + dt.timedelta(hours=5 + i),
                    answered_at=long_ago + dt.timedelta(hours=10),
                    status="selesai",
                )
    with django_assert_num_queries(2):
        stats = aspirasi_stats_by_opd([o.pk for o in opds])
    with django_assert_num_queries(2):
        aspirasi_stats_by_opd([opds[0].pk])
    s = stats[opds[2].pk]
    assert s["tickets_total"] == 3 and s["answered_total"] == 1 and s["answered_on_time"] == 1
    assert s["median_first_response_hours"] == 7.0 and s["overdue"] == 2
    assert s["median_completion_days"] == round(10 / 24, 1)  # answered 10 hours after receipt
    page = client.get("/aspirasi/statistik/", HTTP_HOST="localhost").content.decode()
    assert "Median penyelesaian (hari)" in page and "0,4" in page
    assert s["evidence_url"].endswith("/aspirasi/statistik/?opd=tiga")
    assert stats[opds[0].pk]["overdue"] == 0


def test_overdue_escalated_to_kominfo_once(opd_a, kominfo, mailoutbox, run_tasks):
    old = timezone.now() - dt.timedelta(days=30)
    services.create_ticket(channel="web", opd=opd_a, text="lama", received_at=old)
    assert remind_and_escalate.call()["escalated"] == 1
    assert remind_and_escalate.call()["escalated"] == 0
    run_tasks()
    assert any("Eskalasi" in m.subject for m in mailoutbox)


def test_rate_and_reopen(opd_a, client):
    t = services.create_ticket(channel="web", opd=opd_a, text="x")
    services.answer(t, "Selesai.")
    client.post(
        t.tracking_path() + "nilai/", {"aksi": "nilai", "nilai": "4"}, HTTP_HOST="localhost"
    )
    t.refresh_from_db()
    assert t.rating == 4
    client.post(t.tracking_path() + "nilai/", {"aksi": "buka"}, HTTP_HOST="localhost")
    t.refresh_from_db()
    assert t.status == "ditindaklanjuti"


def test_disposition_to_lead_and_related_opds(
    make_opd,
    opd_a,
    opd_b,
    kominfo,
    operator_a,
    operator_b,
    make_user,
    client,
    client_as,
    mailoutbox,
    run_tasks,
):
    """Kominfo dispositions one ticket to a lead OPD and a related OPD: both see it, only the
    lead answers, the related OPD contributes an internal note, a third OPD sees nothing."""
    opd_c = make_opd("gamma", name="Dinas Gamma", short_name="Gamma")
    operator_c = make_user("operator-gamma", opd_c)
    operator_b.email = "beta@example.id"
    operator_b.save()
    _form(client, "localhost")
    ticket = Ticket.objects.get()
    r = _edit(
        client_as(kominfo),
        ticket,
        opd=opd_a.pk,
        related_opds=[opd_b.pk],
        internal_note="Alfa menambal, Beta mengatur lalu lintas",
    )
    assert r.status_code == 302, r.content[:3000]
    ticket.refresh_from_db()
    assert ticket.opd == opd_a and list(ticket.related_opds.all()) == [opd_b]
    assert ticket.status == "didisposisikan"
    run_tasks()
    assert any("beta@example.id" in m.to for m in mailoutbox)  # the related OPD is told

    # The related OPD sees the ticket, Kominfo's note and the thread, but cannot answer.
    beta = client_as(operator_b)
    assert ticket.number in beta.get("/admin/aspirasi/").content.decode()
    page = beta.get(f"/admin/aspirasi/edit/{ticket.pk}/").content.decode()
    assert "Alfa menambal" in page and "Jalan berlubang" in page
    r = _edit(
        beta,
        ticket,
        answer="Jawaban dari Beta",
        status="selesai",
        internal_note="Petugas Dishub dikirim Senin",
    )
    assert r.status_code == 302, r.content[:3000]
    ticket.refresh_from_db()
    assert ticket.answer == "" and ticket.status == "didisposisikan"
    assert ticket.opd == opd_a  # an OPD cannot re-route
    assert ticket.events.filter(kind="catatan", text="Petugas Dishub dikirim Senin").exists()

    # A third OPD sees nothing.
    client_as(operator_c).get("/admin/aspirasi/")  # consumes Beta's flash message
    assert client_as(operator_c).get(f"/admin/aspirasi/edit/{ticket.pk}/").status_code == 404
    assert ticket.number not in client_as(operator_c).get("/admin/aspirasi/").content.decode()

    # The lead answers; the citizen's tracking page shows both OPDs and the answer, never notes.
    alfa = client_as(operator_a)
    assert "Petugas Dishub" in alfa.get(f"/admin/aspirasi/edit/{ticket.pk}/").content.decode()
    r = _edit(alfa, ticket, related_opds=[opd_b.pk], answer="Sudah ditambal dan dijaga.")
    assert r.status_code == 302, r.content[:3000]
    ticket.refresh_from_db()
    assert ticket.status == "selesai"
    tracking = client.get(ticket.tracking_path(), HTTP_HOST="localhost").content.decode()
    assert "Dinas Alfa" in tracking and "Dinas Beta" in tracking
    assert "Sudah ditambal" in tracking
    assert "Petugas Dishub" not in tracking and "Alfa menambal" not in tracking
    # Both OPD sites list it among answered aspirations; the third does not.
    for host, shown in ((opd_a.hostname, True), (opd_b.hostname, True), (opd_c.hostname, False)):
        html = client.get("/aspirasi/", HTTP_HOST=host).content.decode()
        assert (ticket.number in html) is shown


def test_lead_opd_returns_misrouted_ticket_to_kominfo(
    opd_a, kominfo, operator_a, client, client_as, mailoutbox, run_tasks
):
    kominfo.email = "kominfo@example.id"
    kominfo.save()
    _form(client, opd_a.hostname)  # filed on Dinas Alfa's site, but it is not Alfa's matter
    ticket = Ticket.objects.get()
    alfa = client_as(operator_a)
    r = _edit(alfa, ticket, return_to_kominfo="on")  # no reason given
    assert r.status_code == 200 and "Tulis alasan pengembalian" in r.content.decode()
    ticket.refresh_from_db()
    assert ticket.opd == opd_a

    r = _edit(alfa, ticket, return_to_kominfo="on", internal_note="Wewenang Dinas PU")
    assert r.status_code == 302, r.content[:3000]
    ticket.refresh_from_db()
    assert ticket.opd is None and ticket.status == "diverifikasi"
    assert ticket.events.filter(kind="catatan", text="Wewenang Dinas PU").exists()
    alfa.get("/admin/aspirasi/")  # consumes the flash message
    assert alfa.get(f"/admin/aspirasi/edit/{ticket.pk}/").status_code == 404
    page = client_as(kominfo).get(f"/admin/aspirasi/edit/{ticket.pk}/").content.decode()
    assert "Wewenang Dinas PU" in page and "Kembalikan ke Kominfo" not in page
    run_tasks()
    assert any("kominfo@example.id" in m.to for m in mailoutbox)
    tracking = client.get(ticket.tracking_path(), HTTP_HOST="localhost").content.decode()
    assert "disposisi ulang" in tracking and "Wewenang Dinas PU" not in tracking
