"""The SKM kiosk on a tablet: two respondents in a row, then the counter loses its network, a third
answer waits in the browser, and when the network is back exactly three answers are on the
server — also when the tablet sends the same answer again."""

from __future__ import annotations

import json

from tests.browser.conftest import axe_violations, screenshot

TABLET = {"width": 800, "height": 1280}
COMPLETE = dict(
    category="kependudukan", summary="Penerbitan KTP elektronik.", persyaratan="Fotokopi KK",
    prosedur="Ambil antrean\nPerekaman", jangka_waktu=1, jangka_waktu_satuan="hari_kerja",
    biaya_gratis=True, produk="KTP-el", pengaduan="SMS 0812-0000-0000", kanal="offline",
    is_published=True,
)  # fmt: skip
QUEUE = "() => JSON.parse(localStorage.getItem(Object.keys(localStorage)[0]) || '[]')"


def answer(page, best: int, age: str, gender: str) -> None:
    for i in range(1, 10):
        page.locator(f"fieldset[data-name=u{i}] label.k-opt").nth(best - 1).click()
    page.locator(f"fieldset[data-name=gender] input[value={gender}] + span").click()
    page.fill("#k-age", age)
    page.locator("fieldset[data-name=education] label.k-opt").nth(2).click()
    page.locator("fieldset[data-name=occupation] label.k-opt").nth(1).click()
    page.click("button.k-send")
    page.wait_for_selector("#kiosk-thanks", state="visible")
    page.wait_for_selector("#kiosk-thanks", state="hidden")


def wait_synced(page) -> None:
    page.wait_for_function(
        "() => document.getElementById('kiosk-status').dataset.pending === '0'", timeout=15_000
    )


def test_kiosk_queues_offline_and_syncs_without_duplicates(live, new_page, opd_a):
    from balai.layanan import kiosk
    from balai.layanan.models import Layanan, SurveyResponse

    layanan = Layanan.objects.create(opd=opd_a, slug="ktp-el", name="Penerbitan KTP-el", **COMPLETE)
    loket, key = kiosk.create_loket(layanan, "Loket 3")
    live.sync_ports()

    page = new_page(viewport=TABLET)
    context = page.context
    page.goto(f"{live.host('alfa')}/kiosk/skm/{key}/")
    assert "Penerbitan KTP-el" in page.content()
    assert axe_violations(page) == []
    box = page.locator("fieldset[data-name=u1] label.k-opt").first.bounding_box()
    assert box["height"] >= 64  # a finger, not a mouse

    # An unanswered sheet is not sent: the first question left out is marked.
    page.click("button.k-send")
    assert page.locator("#kiosk-error").is_visible()
    assert page.locator("fieldset.k-missing").count() == 13
    assert SurveyResponse.objects.count() == 0

    answer(page, 4, "28", "P")
    wait_synced(page)
    assert SurveyResponse.objects.count() == 1
    # The form is empty again for the next respondent.
    assert page.locator("input[type=radio]:checked").count() == 0
    assert page.input_value("#k-age") == ""
    answer(page, 3, "51", "L")
    wait_synced(page)
    assert SurveyResponse.objects.count() == 2
    screenshot(page, "skm-kiosk-tablet")

    context.set_offline(True)
    answer(page, 2, "19", "P")
    page.wait_for_function("() => document.getElementById('kiosk-status').dataset.pending === '1'")
    assert "1 jawaban menunggu dikirim" in page.inner_text("#kiosk-status")
    queued = page.evaluate(QUEUE)
    assert len(queued) == 1 and queued[0]["u1"] == "2"
    page.wait_for_timeout(1500)  # a retry while offline changes nothing
    assert SurveyResponse.objects.count() == 2

    context.set_offline(False)
    page.evaluate("() => window.dispatchEvent(new Event('online'))")
    wait_synced(page)
    assert SurveyResponse.objects.count() == 3
    assert page.evaluate(QUEUE) == []

    # The tablet sends the same answer again (a sync interrupted after the server stored it).
    page.evaluate(
        "(item) => { localStorage.setItem(Object.keys(localStorage)[0], JSON.stringify([item]));"
        " window.dispatchEvent(new Event('online')); }",
        queued[0],
    )
    wait_synced(page)
    assert SurveyResponse.objects.count() == 3
    offline = SurveyResponse.objects.get(client_uuid=queued[0]["uuid"])
    assert offline.loket == loket and offline.age == 19 and offline.u1 == 2
    assert sorted(SurveyResponse.objects.values_list("age", flat=True)) == [19, 28, 51]
    assert json.loads(json.dumps(queued[0]))["service_date"]  # the tablet's own date was kept
