"""End to end in Chromium: a citizen files an information request on a phone, the PPID officer
extends and answers it with a document, the citizen tracks it, downloads the notice and objects."""

from __future__ import annotations

import io

from playwright.sync_api import expect

from conftest import DEMO_PASSWORD
from tests.browser.conftest import DESKTOP, PHONE, admin_login, axe_violations, screenshot


def _pdf_bytes() -> bytes:
    from pypdf import PdfWriter

    writer, buffer = PdfWriter(), io.BytesIO()
    writer.add_blank_page(width=200, height=200)
    writer.write(buffer)
    return buffer.getvalue()


def test_citizen_requests_officer_answers_citizen_tracks(live, new_page, make_opd, make_user):
    from balai.ppid.models import Keberatan, Permohonan, PetugasPPID

    opd = make_opd("dinkes", name="Dinas Kesehatan", short_name="Dinkes")
    officer = make_user("ppid-dinkes", opd)
    PetugasPPID.objects.create(user=officer, opd=opd, peran=PetugasPPID.Peran.PELAKSANA)
    live.sync_ports()
    site = live.host("dinkes")

    # The citizen, on a phone, opens the PPID page and the request form.
    citizen = new_page(PHONE)
    citizen.goto(f"{site}/ppid/")
    citizen.get_by_role("link", name="Ajukan permohonan informasi").click()
    expect(citizen.locator("h1")).to_have_text("Permohonan Informasi Publik")
    assert axe_violations(citizen) == []
    citizen.fill("#id_nama", "Siti Aminah")
    citizen.fill("#id_nik", "1371015704880002")
    citizen.fill("#id_alamat", "Jl. Ahmad Yani No. 5, Kota Contoh")
    citizen.fill("#id_telepon", "0812 3456 7890")
    citizen.fill("#id_email", "siti@example.com")
    citizen.fill("#id_pekerjaan", "Wartawan")
    citizen.fill("#id_rincian", "Jumlah kasus DBD per kecamatan tahun 2025")
    citizen.fill("#id_tujuan", "Bahan liputan kesehatan masyarakat")
    citizen.check("input[name=cara_memperoleh][value=softcopy]")
    citizen.check("input[name=cara_mendapatkan][value=email]")
    citizen.check("#id_setuju")
    screenshot(citizen, "ppid-1-form-phone")
    citizen.get_by_role("button", name="Kirim permohonan").click()
    expect(citizen.locator("h1")).to_contain_text("PPID-DINKES/")
    tracking = citizen.url
    item = Permohonan.objects.get()
    expect(citizen.locator("main")).to_contain_text("Sedang diproses")
    assert axe_violations(citizen) == []
    screenshot(citizen, "ppid-2-tracking-phone")

    # The officer sees it in the queue, extends once, then answers with a document.
    desk = new_page(DESKTOP)
    admin_login(desk, live.url, "ppid-dinkes", DEMO_PASSWORD)
    desk.goto(f"{live.url}/admin/ppid/")
    expect(desk.locator("table.listing").first).to_contain_text(item.nomor)
    expect(desk.locator("table.listing").first).to_contain_text("137101********02")
    screenshot(desk, "ppid-3-queue")
    desk.get_by_role("link", name=item.nomor).click()
    desk.fill("#id_x-alasan", "Data masih direkap oleh bidang P2P")
    desk.get_by_role("button", name="Perpanjang tenggat").click()
    expect(desk.locator("main")).to_contain_text("diperpanjang")
    desk.select_option("#id_j-keputusan", "dipenuhi")
    desk.fill("#id_j-jawaban", "Terlampir data kasus DBD per kecamatan tahun 2025.")
    desk.fill("#id_j-bentuk_informasi", "Softcopy (PDF)")
    desk.set_input_files("#id_j-lampiran", files=[
        {"name": "dbd-2025.pdf", "mimeType": "application/pdf", "buffer": _pdf_bytes()}
    ])  # fmt: skip
    desk.get_by_role("button", name="Terbitkan pemberitahuan").click()
    expect(desk.locator("main")).to_contain_text("Dipenuhi seluruhnya")
    screenshot(desk, "ppid-4-answered")

    # The citizen reloads the tracking link, downloads the notice and the document, objects.
    citizen.goto(tracking)
    expect(citizen.locator("main")).to_contain_text("Dipenuhi seluruhnya")
    expect(citizen.get_by_role("link", name="dbd-2025.pdf")).to_be_visible()
    href = citizen.get_by_role("link", name="Unduh pemberitahuan tertulis (PDF)").get_attribute(
        "href"
    )
    # Fetched from inside the page (Chromium resolves *.localhost; Playwright's Node side does not).
    status, head = citizen.evaluate(
        """async (u) => { const r = await fetch(u); const b = new Uint8Array(await r.arrayBuffer());
        return [r.status, String.fromCharCode(...b.slice(0, 4))]; }""",
        href,
    )
    assert (status, head) == (200, "%PDF")
    assert axe_violations(citizen) == []
    citizen.check("input[name=alasan][value=d]")
    citizen.fill("#id_uraian", "Data yang diberikan tidak per bulan.")
    screenshot(citizen, "ppid-5-answer-and-objection-phone")
    citizen.get_by_role("button", name="Ajukan keberatan").click()
    expect(citizen.locator("main")).to_contain_text("Keberatan Anda telah dicatat")
    assert Keberatan.objects.filter(permohonan=item).exists()
    screenshot(citizen, "ppid-6-objection-filed-phone")
