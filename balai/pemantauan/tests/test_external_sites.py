"""The watch over OPD sites not yet on Balai, against local HTTPS servers only (issue 16, point 5).

One threaded HTTPS server with a self-signed certificate that expires in ten days plays five old
OPD sites: a healthy one with a fresh RSS feed, one that shows Googlebot gambling spam (cloaking),
one with visible gambling links, an abandoned one whose sitemap is two years old, and a broken
one. A second, plain-HTTP server plays a site without TLS.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import socket
import ssl
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.urls import reverse
from django.utils import timezone

from balai.pemantauan.external import check_all, check_site
from balai.pemantauan.models import ExternalSite, Zone
from balai.pemantauan.tasks import check_external_sites_task  # registered at collection time

pytestmark = pytest.mark.django_db

NOW = dt.datetime.now(dt.UTC)
CERT_EXPIRES = NOW + dt.timedelta(days=10)


def rfc822(when: dt.datetime) -> str:
    return email.utils.format_datetime(when)


PAGES = {
    "/baik/": (
        '<html><head><link rel="alternate" type="application/rss+xml" href="/baik/rss/">'
        "</head><body><h1>Dinas Perikanan</h1>"
        '<a href="https://www.kota.go.id/">Pemkot</a></body></html>'
    ),
    "/baik/rss/": (
        "<?xml version='1.0'?><rss><channel><title>Berita</title>"
        f"<item><pubDate>{rfc822(NOW - dt.timedelta(days=40))}</pubDate></item>"
        f"<item><pubDate>{rfc822(NOW - dt.timedelta(days=3))}</pubDate></item>"
        "</channel></rss>"
    ),
    "/cloak/": "<html><body><h1>Dinas Pariwisata</h1><p>Jadwal wisata.</p></body></html>",
    "/cloak/sitemap.xml": (
        "<urlset><url><loc>https://x/</loc>"
        f"<lastmod>{(NOW - dt.timedelta(days=2)).date().isoformat()}</lastmod></url></urlset>"
    ),
    "/judi/": (
        "<html><body><p>Selamat datang</p><p>Daftar judi online terpercaya</p>"
        '<a href="https://slot-gacor-maxwin.example/">masuk</a></body></html>'
    ),
    "/lama/": "<html><body><h1>Kecamatan Lama</h1></body></html>",
    "/lama/sitemap.xml": (
        "<urlset><url><loc>https://x/</loc><lastmod>"
        f"{(NOW - dt.timedelta(days=730)).strftime('%Y-%m-%dT%H:%M:%S+07:00')}"
        "</lastmod></url></urlset>"
    ),
    "/polos/": "<html><body>Situs lama tanpa HTTPS</body></html>",
    "/polos/feed/": (
        "<feed xmlns='http://www.w3.org/2005/Atom'>"
        f"<updated>{(NOW - dt.timedelta(days=5)).isoformat()}</updated></feed>"
    ),
}
GOOGLEBOT_ONLY = {
    "/cloak/": (
        "<html><body><h1>Dinas Pariwisata</h1><p>SLOT GACOR hari ini, bocoran admin maxwin</p>"
        '<a href="https://situs-togel.example/">daftar</a></body></html>'
    )
}


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):  # noqa: N802 — http.server's name
        path = self.path.split("?")[0]
        if path == "/rusak/":
            self.send_error(503)
            return
        body = PAGES.get(path)
        if "Googlebot" in self.headers.get("User-Agent", "") and path in GOOGLEBOT_ONLY:
            body = GOOGLEBOT_ONLY[path]
        if body is None:
            self.send_error(404)
            return
        data = body.encode()
        self.send_response(200)
        kind = "application/xml" if path.endswith(("/rss/", ".xml", "/feed/")) else "text/html"
        self.send_header("Content-Type", f"{kind}; charset=utf-8")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


def self_signed(tmp_path) -> tuple[str, str]:
    """A certificate for localhost that expires in ten days, and its key."""
    import ipaddress

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")])
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - dt.timedelta(days=355))
        .not_valid_after(CERT_EXPIRES)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    cert_file, key_file = tmp_path / "cert.pem", tmp_path / "key.pem"
    cert_file.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return str(cert_file), str(key_file)


def serve(server: ThreadingHTTPServer):
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    return thread


@pytest.fixture
def sites_server(tmp_path, settings):
    """https://localhost:<port>/<site>/ and http://127.0.0.1:<port>/<site>/ on ports the system
    picks; the certificate is trusted through BALAI_EXTERNAL_CA_BUNDLE unless a test says
    otherwise."""
    cert, key = self_signed(tmp_path)
    https = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    https.socket = context.wrap_socket(https.socket, server_side=True)
    plain = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    serve(https), serve(plain)
    settings.BALAI_EXTERNAL_CA_BUNDLE = cert
    yield (
        f"https://localhost:{https.server_address[1]}",
        f"http://127.0.0.1:{plain.server_address[1]}",
    )
    for server in (https, plain):
        server.shutdown()
        server.server_close()


def add(url: str, name: str, **extra) -> ExternalSite:
    return ExternalSite.objects.create(url=url, name=name, **extra)


def test_healthy_site_is_green_with_tls_expiry_and_feed_date(sites_server):
    https, _http = sites_server
    site = check_site(add(f"{https}/baik/", "Dinas Perikanan"))
    assert site.http_status == 200 and site.response_ms is not None and site.error == ""
    assert site.tls_trusted is True
    assert abs(site.tls_expires_at - CERT_EXPIRES) < dt.timedelta(seconds=2)
    assert site.last_updated_source == f"{https}/baik/rss/"
    assert abs(site.last_updated - (NOW - dt.timedelta(days=3))) < dt.timedelta(seconds=2)
    assert site.spam_terms == [] and site.cloaking_terms == [] and site.outside_links == 0
    # alive 40 + TLS expiring within 30 days 10 + fresh 40
    assert site.score == 90 and site.zone == Zone.HIJAU


def test_cloaking_gambling_shown_only_to_googlebot_is_red(sites_server):
    https, _http = sites_server
    site = check_site(add(f"{https}/cloak/", "Dinas Pariwisata"))
    assert site.spam_terms == []  # a browser sees a clean page
    assert site.cloaking
    assert {"slot gacor", "maxwin", "bocoran admin"} <= set(site.cloaking_terms)
    assert "https://situs-togel.example/" in site.cloaking_terms
    assert site.last_updated is not None  # the sitemap's lastmod
    assert site.zone == Zone.MERAH and site.score <= 50


def test_visible_gambling_links_are_found_as_on_balai_pages(sites_server):
    https, _http = sites_server
    site = check_site(add(f"{https}/judi/", "Dinas Sosial"))
    assert site.spam_terms == ["judi online"]
    assert site.spam_links == ["https://slot-gacor-maxwin.example/"]
    assert site.outside_links == 1
    assert site.last_updated is None
    assert site.zone == Zone.MERAH


def test_abandoned_and_broken_sites(sites_server, settings):
    https, _http = sites_server
    lama = check_site(add(f"{https}/lama/", "Kecamatan Lama"))
    assert lama.last_updated.year == (NOW - dt.timedelta(days=730)).year
    assert lama.last_updated_source.endswith("/lama/sitemap.xml")
    assert lama.score == 50 and lama.zone == Zone.MERAH  # alive 40 + TLS 10 + stale 0
    rusak = check_site(add(f"{https}/rusak/", "Dinas Rusak"))
    assert rusak.http_status == 503 and rusak.score == 0 and rusak.zone == Zone.MERAH
    with socket.socket() as closed:  # a port held but not listening: the connection is refused
        closed.bind(("127.0.0.1", 0))
        mati = check_site(add(f"https://localhost:{closed.getsockname()[1]}/", "Dinas Mati"))
    assert mati.http_status is None and "ConnectError" in mati.error and mati.zone == Zone.MERAH


def test_untrusted_certificate_still_reports_its_expiry(sites_server, settings):
    https, _http = sites_server
    settings.BALAI_EXTERNAL_CA_BUNDLE = ""  # the system store does not know our test CA
    site = check_site(add(f"{https}/baik/", "Dinas Perikanan"))
    assert site.tls_trusted is False
    assert abs(site.tls_expires_at - CERT_EXPIRES) < dt.timedelta(seconds=2)
    # the content is still read (spam, last update); the certificate costs its points
    assert site.http_status == 200 and site.last_updated is not None
    assert site.score == 80 and site.zone == Zone.KUNING


def test_plain_http_site_gets_no_tls_points(sites_server):
    _https, http = sites_server
    site = check_site(add(f"{http}/polos/", "Kelurahan Polos"))
    assert site.tls_expires_at is None and site.tls_trusted is None
    assert site.last_updated_source == f"{http}/polos/feed/"
    assert site.score == 80 and site.zone == Zone.KUNING  # alive 40 + fresh 40, no TLS


def test_nightly_job_is_on_the_scheduler_and_checks_every_active_site(sites_server, run_tasks):
    from balai.core.scheduler import jobs

    https, _http = sites_server
    job = jobs()[check_external_sites_task.module_path]
    assert job.at == dt.time(4, 0)
    add(f"{https}/baik/", "Dinas Perikanan")
    add(f"{https}/judi/", "Dinas Sosial")
    paused = add(f"{https}/lama/", "Kecamatan Lama", is_active=False)
    check_external_sites_task.enqueue()
    run_tasks()
    assert ExternalSite.objects.filter(checked_at__isnull=False).count() == 2
    paused.refresh_from_db()
    assert paused.checked_at is None
    assert len(check_all()) == 2


def test_dashboard_shows_outside_sites_beside_balai_opds(
    sites_server, client_as, kominfo, opd_a, admin_a
):
    https, _http = sites_server
    check_site(add(f"{https}/baik/", "Dinas Perikanan Lama", opd=opd_a))
    check_site(add(f"{https}/cloak/", "Dinas Pariwisata Lama"))
    response = client_as(kominfo).get(reverse("pemantauan_dashboard"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Situs OPD di luar Balai" in html
    section = html[html.index('data-testid="external-sites"') :]
    # worst first, with the same zone badges as Balai's own OPDs
    assert section.index("Dinas Pariwisata Lama") < section.index("Dinas Perikanan Lama")
    assert 'pm-zone--merah">Merah' in section and 'pm-zone--hijau">Hijau' in section
    assert "Cloaking" in section and "slot gacor" in section
    assert 'data-testid="external-zone-merah">1<' in section
    assert opd_a.name in section
    assert timezone.localtime(CERT_EXPIRES).strftime("%Y") in section


def test_only_kominfo_manages_the_list(client_as, kominfo, admin_a, opd_a):
    url = reverse("pemantauan_situs_luar:add")
    response = client_as(admin_a).get(url)
    assert response.status_code in (302, 403)
    client = client_as(kominfo)
    response = client.post(
        url,
        {
            "name": "Dinas Lama",
            "url": "https://dinaslama.kota.go.id/",
            "opd": opd_a.pk,
            "is_active": "on",
            "notes": "",
        },
    )
    assert response.status_code == 302
    site = ExternalSite.objects.get()
    assert site.opd == opd_a and site.checked_at is None
    assert "Dinas Lama" in client.get(reverse("pemantauan_dashboard")).content.decode()
    response = client.post(url, {"name": "Salah", "url": "bukan alamat", "is_active": "on"})
    assert response.status_code == 200 and ExternalSite.objects.count() == 1


def test_check_now_button_queues_one_site(sites_server, client_as, kominfo, admin_a, run_tasks):
    https, _http = sites_server
    site = add(f"{https}/judi/", "Dinas Sosial")
    url = reverse("pemantauan_external_check", args=[site.pk])
    refused = client_as(admin_a).post(url)
    assert refused.status_code in (302, 403) and refused.get("Location", "/admin/") == "/admin/"
    run_tasks()
    site.refresh_from_db()
    assert site.checked_at is None  # nothing was queued for an OPD admin
    response = client_as(kominfo).post(url)
    assert response.status_code == 302
    run_tasks()
    site.refresh_from_db()
    assert site.checked_at is not None and site.zone == Zone.MERAH
