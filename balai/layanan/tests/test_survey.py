"""The public SKM form: valid answers are counted once; bad input is refused in Indonesian."""

import pytest
from django.utils import timezone

from balai.layanan.models import SurveyResponse

pytestmark = pytest.mark.django_db


def _token(client, host, url):
    html = client.get(url, HTTP_HOST=host).content.decode()
    marker = 'name="form_token" value="'
    start = html.index(marker) + len(marker)
    return html[start : html.index('"', start)]


def _answers(client, host, url, **overrides):
    data = {
        "form_token": _token(client, host, url),
        "website": "",
        "gender": "P",
        "age": "34",
        "education": "sma",
        "occupation": "wirausaha",
        "service_date": timezone.localdate().isoformat(),
        "saran": "Antrean lebih tertib.",
        **{f"u{i}": "4" for i in range(1, 10)},
    }
    data.update(overrides)
    return data


def test_survey_is_stored_once_and_counted(client, opd_a, make_layanan):
    make_layanan(opd_a)
    url, host = "/layanan/ktp-el/survei/", opd_a.hostname
    data = _answers(client, host, url, u3="2")
    response = client.post(url, data, HTTP_HOST=host)
    assert response.status_code == 302
    done = client.get(url + "?terkirim=1", HTTP_HOST=host)
    assert "Terima kasih" in done.content.decode()
    stored = SurveyResponse.objects.get()
    assert stored.answers == [4, 4, 2, 4, 4, 4, 4, 4, 4] and stored.opd == opd_a
    replay = client.post(url, data, HTTP_HOST=host)
    assert replay.status_code == 409
    assert "sudah dikirim" in replay.content.decode()
    assert SurveyResponse.objects.count() == 1
    report = client.get("/layanan/ikm/", HTTP_HOST=host).content.decode()
    assert "1 responden" in report


@pytest.mark.parametrize(
    ("override", "message"),
    [
        ({"u5": ""}, "Pilih salah satu jawaban."),
        ({"u5": "7"}, "Pilih salah satu jawaban"),
        ({"age": "9"}, "Umur minimal 15 tahun."),
        ({"age": "abc"}, "Umur harus berupa angka."),
        ({"service_date": "2099-01-01"}, "tidak boleh di masa depan"),
        ({"website": "http://spam"}, "Formulir tidak dapat diproses."),
        ({"form_token": "palsu"}, "Formulir tidak sah."),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(client, opd_a, make_layanan, override, message):
    make_layanan(opd_a)
    url, host = "/layanan/ktp-el/survei/", opd_a.hostname
    response = client.post(url, _answers(client, host, url, **override), HTTP_HOST=host)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Survei belum terkirim" in html
    assert message in html or message.replace("salah satu", "salah satu") in html
    assert SurveyResponse.objects.count() == 0


def test_rate_limit_per_address(client, opd_a, make_layanan, monkeypatch):
    from balai.layanan import views

    monkeypatch.setattr(views, "SURVEY_LIMIT_PER_IP", (3, 3600))
    make_layanan(opd_a)
    url, host = "/layanan/ktp-el/survei/", opd_a.hostname
    limit = views.SURVEY_LIMIT_PER_IP[0]
    for _ in range(limit):
        assert client.post(url, _answers(client, host, url), HTTP_HOST=host).status_code == 302
    blocked = client.post(url, _answers(client, host, url), HTTP_HOST=host)
    assert blocked.status_code == 429 and "Terlalu banyak kiriman" in blocked.content.decode()
    assert SurveyResponse.objects.count() == limit


def test_unpublished_service_has_no_survey(client, opd_a, make_layanan):
    make_layanan(opd_a, is_published=False)
    assert client.get("/layanan/ktp-el/survei/", HTTP_HOST=opd_a.hostname).status_code == 404
