"""A citizen files an aspiration on a phone, gets a ticket number; the OPD answers in the admin;
the citizen sees the answer on the tracking page."""

from __future__ import annotations

from conftest import DEMO_PASSWORD
from tests.browser.conftest import PHONE, admin_login, axe_violations, save_admin_form, screenshot


def test_citizen_files_operator_answers(live, new_page, opd_a, operator_a):
    from balai.aspirasi.models import Ticket

    live.sync_ports()
    citizen = new_page(viewport=PHONE)
    site = live.host("alfa")
    citizen.goto(f"{site}/aspirasi/kirim/")
    assert axe_violations(citizen) == []
    citizen.fill("#id_text", "Lampu jalan di depan Pasar Raya mati sudah seminggu, rawan begal.")
    citizen.fill("#id_kecamatan", "Padang Barat")
    citizen.fill("#id_kelurahan", "Olo")
    citizen.fill("#id_phone", "081234567890")
    screenshot(citizen, "aspirasi-form-phone")
    citizen.get_by_role("button", name="Kirim aspirasi").click()
    citizen.wait_for_url("**/aspirasi/lacak/**")
    ticket = Ticket.objects.get()
    assert ticket.number in citizen.locator(".ticket-number").inner_text()
    assert axe_violations(citizen) == []
    screenshot(citizen, "aspirasi-ticket-number")

    staff = new_page()
    admin_login(staff, live.host(), operator_a.username, DEMO_PASSWORD)
    staff.goto(f"{live.host()}/admin/aspirasi/")
    staff.get_by_role("link", name=ticket.number).first.click()
    staff.fill("#id_answer", "Lampu sudah kami ganti pada hari Senin. Terima kasih.")
    staff.fill("#id_internal_note", "Kabel dicuri, lapor polsek")
    screenshot(staff, "aspirasi-admin-answer")
    save_admin_form(staff)
    staff.wait_for_url("**/admin/aspirasi/")

    citizen.reload()
    assert "Lampu sudah kami ganti" in citizen.locator(".answer").inner_text()
    assert "Kabel dicuri" not in citizen.content()
    assert citizen.locator(".ticket-status").inner_text() == "Selesai"
    assert axe_violations(citizen) == []
    screenshot(citizen, "aspirasi-answer-seen")
