"""The SKM kiosk over HTTP: counters and their keys in the admin, the kiosk page behind the key,
the idempotent sync of queued answers, and the SKM report by respondent group."""

from __future__ import annotations

import json
import re
import uuid

import pytest
from django.utils import timezone

from balai.layanan import kiosk
from balai.layanan.models import Loket, SurveyResponse

pytestmark = pytest.mark.django_db

ANSWERS = {f"u{i}": 3 for i in range(1, 10)}


def sheet(**changes) -> dict:
    data = {
        "uuid": str(uuid.uuid4()),
        **ANSWERS,
        "gender": "P",
        "age": 34,
        "education": "sma",
        "occupation": "swasta",
        "service_date": timezone.localdate().isoformat(),
        "dijawab_pada": timezone.now().isoformat(),
        "saran": "",
    }
    data.update(changes)
    return data


def post(client, key, data, host):
    return client.post(
        f"/kiosk/skm/{key}/kirim/",
        json.dumps(data) if not isinstance(data, bytes) else data,
        content_type="application/json",
        HTTP_HOST=host,
    )


@pytest.fixture
def counter(opd_a, make_layanan, admin_a):
    layanan = make_layanan(opd_a)
    loket, key = kiosk.create_loket(layanan, "Loket 1", by=admin_a)
    return loket, key


def test_admin_creates_a_counter_and_sees_its_kiosk_url_once(
    client_as, admin_a, opd_a, make_layanan
):
    layanan = make_layanan(opd_a)
    c = client_as(admin_a)
    assert c.get("/admin/skm/loket/").status_code == 200
    page = c.post("/admin/skm/loket/", {"aksi": "buat", "name": "Loket 2", "layanan": layanan.pk})
    html = page.content.decode()
    match = re.search(r"https?://[^\s<]+/kiosk/skm/([A-Za-z0-9_-]+)/", html)
    assert match, html
    key = match.group(1)
    loket = Loket.objects.get()
    assert loket.layanan == layanan and loket.opd == opd_a and loket.name == "Loket 2"
    assert loket.key_hash == kiosk.hash_key(key) and key not in loket.key_hash
    assert match.group(0).startswith(f"http://{opd_a.hostname}")
    # The list afterwards shows only the first characters of the key.
    listing = c.get("/admin/skm/loket/").content.decode()
    assert "Loket 2" in listing and key not in listing and key[:6] in listing


def test_kiosk_page_needs_a_valid_key(client, counter, opd_a):
    loket, key = counter
    page = client.get(f"/kiosk/skm/{key}/", HTTP_HOST=opd_a.hostname)
    html = page.content.decode()
    assert page.status_code == 200 and page["Referrer-Policy"] == "no-referrer"
    assert loket.layanan.name in html and "Loket 1" in html
    assert html.count('class="k-q"') == 9 + 5  # nine unsur; gender, age, education, job, saran
    assert "layanan/kiosk.js" in html and "Kirim survei" in html
    refused = client.get("/kiosk/skm/bukan-kunci/", HTTP_HOST=opd_a.hostname)
    assert refused.status_code == 403 and "Kunci loket tidak berlaku" in refused.content.decode()
    worker = client.get("/kiosk/skm/sw.js", HTTP_HOST=opd_a.hostname)
    assert worker.status_code == 200 and b"caches.match" in worker.content


def test_sync_is_idempotent_per_uuid(client, counter, opd_a):
    loket, key = counter
    host = opd_a.hostname
    answered = timezone.now() - timezone.timedelta(hours=3)  # queued offline this morning
    first = sheet(dijawab_pada=answered.isoformat())
    response = post(client, key, first, host)
    assert response.status_code == 201 and response.json() == {
        "uuid": first["uuid"],
        "created": True,
    }
    again = post(client, key, first, host)
    assert again.status_code == 200 and again.json()["created"] is False
    assert post(client, key, {**first, "u1": 1}, host).status_code == 200  # still the first
    assert post(client, key, sheet(gender="L"), host).status_code == 201
    assert SurveyResponse.objects.count() == 2
    stored = SurveyResponse.objects.get(client_uuid=first["uuid"])
    assert stored.loket == loket and stored.layanan == loket.layanan and stored.opd == opd_a
    assert stored.u1 == 3 and abs((stored.submitted_at - answered).total_seconds()) < 1
    loket.refresh_from_db()
    assert loket.last_seen_at is not None


def test_sync_refuses_bad_input_and_changes_nothing(client, counter, opd_a):
    _loket, key = counter
    host = opd_a.hostname
    missing = sheet()
    del missing["u3"]
    response = post(client, key, missing, host)
    assert response.status_code == 400 and "u3" in response.json()["fields"]
    assert post(client, key, sheet(u5=7), host).status_code == 400
    assert post(client, key, sheet(age=12), host).status_code == 400
    assert post(client, key, sheet(uuid="bukan-uuid"), host).status_code == 400
    assert post(client, key, b"{tidak json", host).status_code == 400
    assert post(client, key, [1, 2], host).status_code == 400
    future = (timezone.localdate() + timezone.timedelta(days=2)).isoformat()
    assert post(client, key, sheet(service_date=future), host).status_code == 400
    # A clock far in the future does not move the answer into another period.
    odd = post(client, key, sheet(dijawab_pada="2099-01-01T10:00:00+07:00"), host)
    assert odd.status_code == 201
    assert SurveyResponse.objects.get().submitted_at.year == timezone.now().year
    assert client.get(f"/kiosk/skm/{key}/kirim/", HTTP_HOST=host).status_code == 405


def test_revoked_or_replaced_key_is_refused(client, client_as, admin_a, counter, opd_a):
    loket, key = counter
    host = opd_a.hostname
    c = client_as(admin_a)
    c.post("/admin/skm/loket/", {"aksi": "cabut", "loket": loket.pk})
    loket.refresh_from_db()
    assert loket.revoked_at is not None
    assert post(client, key, sheet(), host).status_code == 403
    assert client.get(f"/kiosk/skm/{key}/", HTTP_HOST=host).status_code == 403
    page = c.post("/admin/skm/loket/", {"aksi": "kunci-baru", "loket": loket.pk}).content.decode()
    new_key = re.search(r"/kiosk/skm/([A-Za-z0-9_-]+)/", page).group(1)
    assert new_key != key
    assert post(client, key, sheet(), host).status_code == 403
    assert post(client, new_key, sheet(), host).status_code == 201
    assert SurveyResponse.objects.count() == 1


def test_other_opds_cannot_see_or_touch_a_counter(client_as, operator_b, counter, opd_a):
    loket, _key = counter
    c = client_as(operator_b)
    listing = c.get("/admin/skm/loket/").content.decode()
    assert "Loket 1" not in listing
    assert c.post("/admin/skm/loket/", {"aksi": "cabut", "loket": loket.pk}).status_code == 404
    made = c.post(
        "/admin/skm/loket/", {"aksi": "buat", "name": "Curang", "layanan": loket.layanan_id}
    )
    assert made.status_code == 200 and Loket.objects.count() == 1
    loket.refresh_from_db()
    assert loket.revoked_at is None


def test_report_by_service_period_and_group(client_as, admin_a, counter, opd_a, make_layanan):
    loket, key = counter
    other = make_layanan(opd_a, slug="kia", name="Kartu Identitas Anak")
    for data in (
        sheet(gender="P", age=22, **{f"u{i}": 4 for i in range(1, 10)}),
        sheet(gender="P", age=40, **{f"u{i}": 4 for i in range(1, 10)}),
        sheet(gender="L", age=60, **{f"u{i}": 2 for i in range(1, 10)}),
    ):
        kiosk.submit_kiosk_response(loket, kiosk_form(data))
    from balai.layanan import services

    services.submit_survey(
        other,
        answers=ANSWERS,
        gender="L",
        age=30,
        education="s1",
        occupation="pns",
        service_date=timezone.localdate(),
    )
    c = client_as(admin_a)
    year = timezone.localdate().year
    html = c.get(
        "/admin/skm/kelompok/",
        {"periode": str(year), "layanan": loket.layanan_id, "kelompok": "gender"},
    ).content.decode()
    rows = table_rows(html, "tabel-kelompok")
    assert rows[0][:2] == ["Laki-laki", "1"] and rows[0][-2:] == ["50,00", "D"]
    assert rows[1][:2] == ["Perempuan", "2"] and rows[1][-2:] == ["100,00", "A"]
    assert "IKM 83,33" in html  # (4+4+2)/3 × 25, the service only
    ages = table_rows(
        c.get("/admin/skm/kelompok/", {"periode": str(year), "kelompok": "umur"}).content.decode(),
        "tabel-kelompok",
    )
    assert [r[:2] for r in ages] == [
        ["15–24 tahun", "1"],
        ["25–34 tahun", "1"],
        ["35–44 tahun", "1"],
        ["45–54 tahun", "0"],
        ["55–100 tahun", "1"],
    ]
    channel = table_rows(
        c.get("/admin/skm/kelompok/", {"periode": str(year), "kelompok": "loket"}).content.decode(),
        "tabel-kelompok",
    )
    assert [r[:2] for r in channel] == [["Formulir daring", "1"], ["Loket 1", "3"]]
    services_table = table_rows(html, "tabel-layanan")
    assert [r[:2] for r in services_table] == [[loket.layanan.name, "3"]]


def test_report_is_scoped_to_own_opd(client_as, operator_b, counter):
    loket, _key = counter
    kiosk.submit_kiosk_response(loket, kiosk_form(sheet()))
    html = client_as(operator_b).get("/admin/skm/kelompok/").content.decode()
    assert loket.layanan.name not in html and "belum ada responden" in html


def kiosk_form(data: dict) -> dict:
    from balai.layanan.forms import KioskSurveyForm

    form = KioskSurveyForm(data)
    assert form.is_valid(), form.errors
    return form.cleaned_data


def table_rows(html: str, table_id: str) -> list[list[str]]:
    body = html.split(f'id="{table_id}"', 1)[1].split("</table>", 1)[0]
    body = body.split("<tbody>", 1)[1]
    rows = []
    for tr in re.findall(r"<tr>(.*?)</tr>", body, re.S):
        rows.append(
            [
                re.sub(r"<[^>]+>", "", td).strip()
                for td in re.findall(r"<td[^>]*>(.*?)</td>", tr, re.S)
            ]
        )
    return rows
