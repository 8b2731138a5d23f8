"""The Daftar Informasi Publik (public pages, exports, exemption, staleness), reminders and the
per-OPD figures for monitoring."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core import mail
from django.utils import timezone

from balai.ppid.models import InformasiPublik, PetugasPPID
from balai.ppid.selectors import ppid_stats_by_opd
from balai.ppid.services import answer
from balai.ppid.tests.conftest import at

pytestmark = pytest.mark.django_db


def item(opd, kategori, **extra):
    data = {
        "judul": f"Informasi {kategori}",
        "ringkasan": "Ringkasan",
        "unit_penguasa": "Sekretariat",
        "penanggung_jawab": "Kepala Dinas",
        "waktu_pembuatan": "2026",
        "tempat_pembuatan": "Kota Contoh",
        "retensi": "5 tahun",
        "kategori": kategori,
    }
    data.update(extra)
    return InformasiPublik.objects.create(opd=opd, **data)


def test_dip_pages_exports_and_exempt_documents(client, opd_a, opd_b, portal_host):
    from django.core.files.base import ContentFile

    from balai.documents.models import BalaiDocument

    secret = BalaiDocument.objects.create(title="Rahasia", file=ContentFile(b"x", name="r.pdf"))
    item(
        opd_a,
        "berkala",
        judul="Laporan keuangan 2025",
        diperbarui_pada=timezone.localdate() - dt.timedelta(days=200),
    )
    item(
        opd_a,
        "dikecualikan",
        judul="Rekam medis pasien",
        dokumen=secret,
        pasal_pengecualian="UU 14/2008 Pasal 17 huruf h",
    )
    item(opd_b, "setiap_saat", judul="SOP pelayanan Beta")
    page = client.get("/ppid/dip/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "Laporan keuangan 2025" in page and "Perlu pembaruan" in page
    assert "Rekam medis pasien" in page and "Pasal 17 huruf h" in page
    assert secret.url not in page and "SOP pelayanan Beta" not in page
    city = client.get("/ppid/dip/", HTTP_HOST=portal_host).content.decode()
    assert "SOP pelayanan Beta" in city and "Laporan keuangan 2025" in city
    only = client.get("/ppid/dip/?kategori=berkala", HTTP_HOST=opd_a.hostname).content.decode()
    assert "Rekam medis" not in only
    ppid_page = client.get("/ppid/", HTTP_HOST=opd_a.hostname).content.decode()
    assert "Laporan keuangan 2025" in ppid_page and secret.url not in ppid_page
    xlsx = client.get("/ppid/dip.xlsx", HTTP_HOST=opd_a.hostname)
    assert xlsx.status_code == 200 and xlsx.content[:2] == b"PK"
    assert client.get("/ppid/dip.pdf", HTTP_HOST=opd_a.hostname).content.startswith(b"%PDF")


def test_stats_by_opd(opd_a, opd_b, make_request):
    today = dt.date(2026, 11, 20)
    item(opd_a, "berkala", diperbarui_pada=dt.date(2026, 1, 5))
    item(opd_a, "berkala", diperbarui_pada=dt.date(2026, 10, 1))
    item(opd_a, "setiap_saat")
    on_time = make_request(received_at=at(2026, 6, 8))
    answer(on_time, keputusan="dipenuhi", jawaban="ok", answered_at=at(2026, 6, 10))
    late = make_request(received_at=at(2026, 6, 8))
    answer(late, keputusan="dipenuhi", jawaban="ok", answered_at=at(2026, 7, 10))
    make_request(received_at=at(2026, 6, 8))  # open, overdue
    make_request(received_at=at(2026, 11, 19))  # open, not yet due
    stats = ppid_stats_by_opd(today=today)
    a = stats[opd_a.id]
    assert a["dip_categories_present"] == ["berkala", "setiap_saat"]
    assert a["dip_categories_required"] == ["berkala", "serta_merta", "setiap_saat"]
    assert a["dip_stale_berkala"] == 1
    assert (
        a["requests_total"],
        a["requests_closed"],
        a["requests_on_time"],
        a["requests_overdue"],
    ) == (4, 2, 1, 1)
    assert a["evidence_url"].endswith("alfa.localhost/ppid/dip/") or "alfa." in a["evidence_url"]
    assert (
        stats[opd_b.id]["requests_total"] == 0 and stats[opd_b.id]["dip_categories_present"] == []
    )
    assert set(ppid_stats_by_opd([opd_b.id], today=today)) == {opd_b.id}


def test_stats_by_opd_query_count_is_constant(make_opd, django_assert_num_queries):
    opds = [make_opd(f"opd{i}") for i in range(4)]
    for opd in opds:
        item(opd, "berkala")
    with django_assert_num_queries(3):
        ppid_stats_by_opd([opds[0].id])
    with django_assert_num_queries(3):
        ppid_stats_by_opd([o.id for o in opds])


def test_reminders_before_due_and_escalation_when_overdue(
    ppid_a, ppid_utama, make_request, run_tasks, settings
):
    from balai.ppid.tasks import remind_and_escalate

    make_request(received_at=timezone.now() - dt.timedelta(days=40))  # overdue
    soon = make_request()
    soon.tenggat = timezone.localdate()
    soon.save()
    ppid_utama.email = "utama@example.go.id"
    ppid_utama.save()
    mail.outbox.clear()
    result = remind_and_escalate.call()
    assert result == "reminded=1 escalated=1"
    assert remind_and_escalate.call() == "reminded=0 escalated=0"  # once a day
    run_tasks()
    subjects = {(tuple(m.to), m.subject.split(":")[0]) for m in mail.outbox}
    assert (("ppid-alfa@example.go.id",), "Pengingat") in subjects
    assert (("utama@example.go.id",), "Terlambat") in subjects
    assert PetugasPPID.objects.count() == 2


def test_dip_admin_is_scoped_to_the_operators_opd(client_as, operator_a, operator_b, opd_a):
    row = item(opd_a, "setiap_saat", judul="SOP Alfa")
    assert "SOP Alfa" in client_as(operator_a).get("/admin/ppid/dip/").content.decode()
    assert client_as(operator_a).get(f"/admin/ppid/dip/edit/{row.pk}/").status_code == 200
    other = client_as(operator_b)
    assert "SOP Alfa" not in other.get("/admin/ppid/dip/").content.decode()
    assert other.get(f"/admin/ppid/dip/edit/{row.pk}/").status_code == 404
