"""No public URL answers 5xx, whatever a visitor or a gateway sends (issue 12, point 3).

Property-based: hypothesis draws arbitrary text (quotes, control characters incl. NUL, very long
values, numbers and dates out of range) and wrong types (repeated parameters, JSON of any shape)
for every public GET parameter, every public form field and the SMS webhooks. The runs are
derandomized so CI sees the same examples every time (no example database), and bounded: one test,
so the portal and the OPD are provisioned once, and 120 examples spread over the four surfaces.
A plain sweep beside it sends the few values that broke Balai before (NUL, quotes, very long, a
repeated parameter) to every parameter and path segment, so they are covered on every run.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from dataclasses import dataclass, field

import pytest
from django.core.cache import cache
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from balai.core.public_forms import make_token

pytestmark = pytest.mark.django_db

FUZZ = settings(
    max_examples=120,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

NASTY = [
    "",
    "\x00",
    "a\x00b",
    '"',
    "'",
    "\\",
    "' OR '1'='1",
    '"; DROP TABLE x; --',
    "%",
    "%00",
    "<script>alert(1)</script>",
    "\r\n\t\x0b\x0c\x1b",
    "\u202e\ufeff\u200b",
    "😀" * 50,
    "x" * 10_000,
    "-1",
    "0",
    "99999999999999999999999",
    "1e309",
    "NaN",
    "2026-13-45",
    "null",
    "[]",
    "{}",
]

text_values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=300),
    st.text(alphabet=st.characters(max_codepoint=0x1F), max_size=20),
    st.integers().map(str),
    st.floats(allow_nan=True).map(str),
    st.dates().map(str),
)
# A parameter may also arrive several times (?a=1&a=2), which Django reads as a list.
param_values = st.one_of(text_values, st.lists(text_values, min_size=2, max_size=3))
path_segments = st.one_of(st.sampled_from(NASTY[1:]), st.text(min_size=1, max_size=80)).filter(
    lambda s: "/" not in s and s not in {".", ".."}
)


@dataclass
class Target:
    url: str
    params: tuple[str, ...]
    host: str
    method: str = "GET"
    fixed: dict = field(default_factory=dict)


@pytest.fixture
def world(settings, portal, opd_a, portal_host):
    """The portal and one OPD with a service, a public ticket and a PPID request."""
    from balai.aspirasi.models import Ticket
    from balai.aspirasi.services import create_ticket
    from balai.layanan.models import Layanan
    from balai.ppid.services import DataPemohon, submit_request

    settings.BALAI_SMS_WEBHOOK_SECRET = "fuzz-webhook-secret"
    settings.BALAI_SMSGATE_SIGNING_KEY = "fuzz-smsgate-key"
    settings.DEBUG_PROPAGATE_EXCEPTIONS = False
    Layanan.objects.create(
        opd=opd_a,
        slug="ktp-el",
        name="KTP Elektronik",
        category="kependudukan",
        summary="Penerbitan KTP-el.",
        persyaratan="KK",
        prosedur="Antre",
        jangka_waktu=1,
        jangka_waktu_satuan="hari_kerja",
        biaya_gratis=True,
        produk="KTP-el",
        pengaduan="SMS",
        kanal="offline",
        is_published=True,
    )
    ticket = create_ticket(channel=Ticket.Channel.WEB, text="Jalan rusak di depan pasar", opd=opd_a)
    permohonan = submit_request(
        DataPemohon(
            nama="Siti",
            nik="1371015704880002",
            alamat="Jl. A. Yani 5",
            telepon="",
            email="",
            pekerjaan="",
            rincian="Data DBD 2025",
            tujuan="Liputan",
            cara_memperoleh="softcopy",
            cara_mendapatkan="email",
        ),
        opd=opd_a,
    )
    opd_host = opd_a.hostname
    track = ticket.tracking_path()
    gets = [
        Target("/cari/", ("q", "opd", "jenis", "tahun", "page"), portal_host),
        Target("/cari/", ("q", "opd", "jenis", "tahun", "page"), opd_host, fixed={"q": "jalan"}),
        Target("/berita/", ("kategori", "tag", "halaman"), portal_host),
        Target("/berita/", ("kategori", "tag", "halaman"), opd_host),
        Target("/pengumuman/", ("halaman",), opd_host),
        Target("/agenda/", ("waktu", "halaman"), opd_host),
        Target("/dokumen/", ("kategori", "tahun", "page"), opd_host),
        Target("/layanan/", ("q", "opd", "kategori", "kanal"), portal_host),
        Target("/layanan/ikm/", ("periode",), portal_host),
        Target("/layanan/ikm/", ("periode",), opd_host),
        Target("/layanan/ikm/xlsx/", ("periode",), opd_host),
        Target("/layanan/ktp-el/", (), opd_host),
        Target("/layanan/ktp-el/survei/", ("terkirim",), opd_host),
        Target("/aspirasi/", ("halaman",), portal_host),
        Target("/aspirasi/lacak/", ("nomor", "kode"), portal_host),
        Target(track, ("baru",), portal_host),
        Target("/aspirasi/statistik/", ("tahun", "periode", "opd"), portal_host),
        Target("/ppid/dip/", ("kategori",), portal_host),
        Target("/ppid/dip/", ("kategori",), opd_host),
        Target("/ppid/dip.xlsx", ("kategori",), opd_host),
        Target("/ppid/statistik/", ("tahun",), portal_host),
        Target("/ppid/lacak/", ("nomor",), portal_host),
        Target(f"/ppid/lacak/{permohonan.token}/", (), portal_host),
        Target("/ppid/permohonan/", (), opd_host),
        Target("/transparansi/", ("period", "periode", "jenis"), portal_host),
        Target("/aspirasi/kirim/", (), portal_host),
        Target("/", ("q", "page"), opd_host),
        Target(
            "/api/v2/pages/",
            (
                "type",
                "fields",
                "order",
                "limit",
                "offset",
                "search",
                "child_of",
                "descendant_of",
                "slug",
                "search_operator",
            ),
            portal_host,
        ),
        Target("/agenda/ics/", (), opd_host),
        Target("/agenda.ics", (), portal_host),
        Target("/feed/rss/", ("kategori",), opd_host),
        Target("/sitemap.xml", ("p", "section"), portal_host),
    ]
    paths = [
        (portal_host, "/aspirasi/lacak/{}/{}/"),
        (portal_host, "/a/{}"),
        (portal_host, "/ppid/lacak/{}/"),
        (portal_host, "/ppid/lacak/{}/pemberitahuan.pdf"),
        (opd_host, "/layanan/{}/"),
        (opd_host, "/layanan/{}/survei/"),
        (opd_host, "/berita/{}/"),
        (portal_host, "/api/v2/pages/{}/"),
        (portal_host, "/documents/1/{}"),
    ]
    return {
        "gets": gets,
        "paths": paths,
        "ticket": ticket,
        "permohonan": permohonan,
        "portal_host": portal_host,
        "opd_host": opd_host,
    }


def assert_no_5xx(response, what):
    assert response.status_code < 500, f"{response.status_code} on {what}"


def send_get_parameters(client, world, data):
    target = data.draw(st.sampled_from(world["gets"]), label="target")
    params = dict(target.fixed)
    names = data.draw(st.sets(st.sampled_from((*target.params, "x\x00", "'")), max_size=4))
    for name in names:
        params[name] = data.draw(param_values, label=name)
    response = client.get(target.url, params, HTTP_HOST=target.host)
    assert_no_5xx(response, f"GET {target.url} {params!r}"[:500])


def send_path_segments(client, world, data):
    host, pattern = data.draw(st.sampled_from(world["paths"]), label="pattern")
    segments = [data.draw(path_segments) for _ in range(pattern.count("{}"))]
    from urllib.parse import quote

    url = pattern.format(*(quote(s, safe="") for s in segments))
    response = client.get(url, HTTP_HOST=host)
    assert_no_5xx(response, f"GET {url}"[:500])


def _form(fields: dict, form_name: str) -> st.SearchStrategy[dict]:
    """Valid-looking values mixed with hostile ones, field by field; a valid one-time token so the
    input reaches the service, not only the token check."""
    drawn = {
        name: st.one_of(st.just(valid), param_values, st.just(valid))
        if valid is not None
        else param_values
        for name, valid in fields.items()
    }

    def with_token(values: dict) -> dict:
        return {**values, "form_token": make_token(form_name), "website": ""}

    return st.fixed_dictionaries(drawn).map(with_token)


ASPIRASI = {"text": "Lampu jalan padam sejak seminggu", "category": "", "kecamatan": "Kota",
            "kelurahan": "Pasar", "location": "Depan pasar", "reporter_name": "Budi",
            "phone": "081234567890", "email": "budi@example.com", "anonim": "",
            "rahasia": ""}  # fmt: skip
PERMOHONAN = {"nama": "Siti", "nik": "1371015704880002", "alamat": "Jl. A. Yani 5",
              "telepon": "0812345678", "email": "siti@example.com", "pekerjaan": "Wartawan",
              "rincian": "Data DBD", "tujuan": "Liputan", "cara_memperoleh": "softcopy",
              "cara_mendapatkan": "email", "setuju": "on", "tujuan_opd": None}  # fmt: skip
KEBERATAN = {"alasan": "a", "uraian": "Tidak dijawab"}
SKM = {"gender": "P", "age": "30", "education": "sma", "occupation": "swasta",
       "service_date": "2026-01-05", "saran": "",
       **{f"u{i}": "4" for i in range(1, 10)}}  # fmt: skip


def send_form(client, world, data):
    ticket, permohonan = world["ticket"], world["permohonan"]
    forms = [
        (world["portal_host"], "/aspirasi/kirim/", _form(ASPIRASI, "aspirasi")),
        (world["opd_host"], "/aspirasi/kirim/", _form(ASPIRASI, "aspirasi")),
        (world["opd_host"], "/ppid/permohonan/", _form(PERMOHONAN, "ppid-permohonan")),
        (world["portal_host"], "/ppid/permohonan/", _form(PERMOHONAN, "ppid-permohonan")),
        (
            world["portal_host"],
            f"/ppid/lacak/{permohonan.token}/",
            _form(KEBERATAN, "ppid-keberatan"),
        ),
        (world["opd_host"], "/layanan/ktp-el/survei/", _form(SKM, "skm")),
        (
            world["portal_host"],
            f"{ticket.tracking_path()}nilai/",
            st.fixed_dictionaries(
                {
                    "aksi": st.one_of(st.sampled_from(["nilai", "buka"]), param_values),
                    "nilai": param_values,
                }
            ),
        ),
    ]
    host, url, strategy = data.draw(st.sampled_from(forms), label="form")
    values = data.draw(strategy, label="values")
    cache.clear()  # rate limits and one-time tokens are not what is tested here
    response = client.post(url, values, HTTP_HOST=host)
    assert_no_5xx(response, f"POST {url} {values!r}"[:500])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | text_values,
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(text_values, children, max_size=3)
    ),
    max_leaves=8,
)
message = st.fixed_dictionaries(
    {},
    optional={
        "id": json_values,
        "from": st.one_of(st.just("+6281234567890"), json_values),
        "text": json_values,
        "received_at": json_values,
    },
)


def _signed_generic(body: bytes) -> dict:
    ts = str(int(time.time()))
    sig = hmac.new(b"fuzz-webhook-secret", ts.encode() + b"." + body, hashlib.sha256).hexdigest()
    return {"HTTP_X_BALAI_TIMESTAMP": ts, "HTTP_X_BALAI_SIGNATURE": sig}


def _signed_smsgate(body: bytes) -> dict:
    ts = str(int(time.time()))
    sig = hmac.new(b"fuzz-smsgate-key", body + ts.encode(), hashlib.sha256).hexdigest()
    return {"HTTP_X_TIMESTAMP": ts, "HTTP_X_SIGNATURE": sig}


def send_webhook(client, world, data):
    smsgate_payload = st.fixed_dictionaries(
        {"event": st.one_of(st.just("sms:received"), json_values)},
        optional={
            "payload": st.one_of(
                st.fixed_dictionaries(
                    {},
                    optional={
                        "phoneNumber": json_values,
                        "message": json_values,
                        "messageId": json_values,
                        "receivedAt": json_values,
                    },
                ),
                json_values,
            )
        },
    )
    kinds = {
        "/sms/webhook/": (st.one_of(message, json_values), _signed_generic),
        "/sms/webhook/batch/": (
            st.one_of(
                st.fixed_dictionaries(
                    {"messages": st.lists(st.one_of(message, json_values), max_size=4)}
                ),
                json_values,
            ),
            _signed_generic,
        ),
        "/sms/webhook/smsgate/": (st.one_of(smsgate_payload, json_values), _signed_smsgate),
    }
    url = data.draw(st.sampled_from(sorted(kinds)), label="url")
    strategy, sign = kinds[url]
    payload = data.draw(strategy, label="payload")
    raw = data.draw(st.one_of(st.just(None), st.binary(max_size=200)), label="raw body")
    body = json.dumps(payload).encode() if raw is None else raw
    cache.clear()  # flood limits are not what is tested here
    response = client.post(
        url, body, content_type="application/json", HTTP_HOST=world["portal_host"], **sign(body)
    )
    assert_no_5xx(response, f"POST {url} {body[:300]!r}")


SURFACES = {
    "GET parameters": send_get_parameters,
    "path segments": send_path_segments,
    "public forms": send_form,
    "SMS webhooks": send_webhook,
}


@FUZZ
@given(data=st.data())
def test_no_public_input_answers_5xx(client, world, data):
    """One test, so the portal and OPD are provisioned once for every example."""
    surface = data.draw(st.sampled_from(list(SURFACES)), label="surface")
    SURFACES[surface](client, world, data)


SWEEP = ["a\x00b", "'\"\\", "x" * 5000, ["1", "\x00"]]


def test_every_parameter_and_path_survives_the_values_that_broke_balai(client, world):
    from urllib.parse import quote

    for target in world["gets"]:
        for value in SWEEP:
            params = {**target.fixed, **dict.fromkeys(target.params, value)}
            response = client.get(target.url, params, HTTP_HOST=target.host)
            assert_no_5xx(response, f"GET {target.url} {params!r}"[:300])
    for host, pattern in world["paths"]:
        for value in SWEEP[:3]:
            url = pattern.format(*[quote(value, safe="")] * pattern.count("{}"))
            assert_no_5xx(client.get(url, HTTP_HOST=host), f"GET {url}"[:300])
