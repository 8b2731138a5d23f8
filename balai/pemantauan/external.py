"""The watch over OPD sites not yet on Balai: alive, TLS, last update, gambling spam, cloaking.

Most of the gambling pages found on go.id sites sit on abandoned sites that nobody updates
(Kominfo: 683 go.id/ac.id sites handled Jan 2022–Feb 2023). From the outside Balai can see:
whether the site answers (HTTP status, response time), when its TLS certificate expires, when it
last published (RSS/Atom feed or sitemap ``lastmod``), whether its pages carry gambling/spam terms
or links (the same detection as for Balai's own pages, ``spam.py``), and whether it shows
Googlebot something else than a browser (cloaking: the injected pages are usually served to
search engines only, so the owner never sees them).

Score (0–100, zones as for Balai's own OPDs, ``services.zone_for``): answering 40, TLS 20 (10
when the certificate expires within ``TLS_WARN_DAYS``; 0 for plain HTTP, an expired certificate
or one browsers do not trust), freshness 40 (20 when the last update is older than the stale limit
of the monitoring settings but younger than ``services.DEAD_SITE_DAYS``, 0 beyond or unknown).
A site that does not answer scores 0; gambling/spam or cloaking caps it at ``services.RED_CAP``
(red).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import html
import logging
import re
import socket
import ssl
import time
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from django.conf import settings
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime

from . import spam
from .models import ExternalSite, MonitoringSettings
from .services import DEAD_SITE_DAYS, RED_CAP, zone_for

logger = logging.getLogger(__name__)

BROWSER_UA = (
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/131.0 Safari/537.36"
)
GOOGLEBOT_UA = "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
TIMEOUT_SECONDS = 15
MAX_BYTES = 2 * 1024 * 1024  # a home page, a feed or a sitemap; more is not read
TLS_WARN_DAYS = 30
FEED_TYPES = ("application/rss+xml", "application/atom+xml")
FEED_GUESSES = ("feed/", "rss.xml", "feed.xml", "atom.xml", "sitemap.xml")
_LINK_TAG = re.compile(r"<link\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"""([a-z-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.IGNORECASE)
_SCRIPTS = re.compile(r"<(script|style)\b.*?</\1\s*>", re.IGNORECASE | re.DOTALL)
_TAG = re.compile(r"<[^>]*>")
_DATES = re.compile(
    r"<(pubDate|lastBuildDate|updated|published|lastmod|dc:date)>\s*([^<]+?)\s*</\1>",
    re.IGNORECASE,
)


@dataclass
class Fetched:
    status: int | None = None
    text: str = ""
    elapsed_ms: int | None = None
    error: str = ""


@dataclass
class Findings:
    fetched: Fetched
    tls_expires_at: dt.datetime | None = None
    tls_trusted: bool | None = None
    last_updated: dt.datetime | None = None
    last_updated_source: str = ""
    spam_terms: list[str] = field(default_factory=list)
    spam_links: list[str] = field(default_factory=list)
    outside_links: int = 0
    cloaking_terms: list[str] = field(default_factory=list)


def fetch(url: str, user_agent: str) -> Fetched:
    """GET ``url`` (redirects followed), at most MAX_BYTES read; never raises.

    The certificate is not verified here: a site with a self-signed or expired certificate is
    still read for spam and its last update; ``tls_certificate`` judges the certificate.
    """
    start = time.monotonic()
    try:
        with (
            httpx.Client(
                timeout=TIMEOUT_SECONDS,
                follow_redirects=True,
                verify=False,  # noqa: S501 — see the docstring
                headers={"User-Agent": user_agent},
            ) as client,
            client.stream("GET", url) as response,
        ):
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                chunks.append(chunk)
                size += len(chunk)
                if size >= MAX_BYTES:
                    break
            elapsed = int((time.monotonic() - start) * 1000)
            body = b"".join(chunks)[:MAX_BYTES]
            try:
                text = body.decode(response.encoding or "utf-8", errors="replace")
            except LookupError:  # a charset Python does not know
                text = body.decode("utf-8", errors="replace")
            return Fetched(status=response.status_code, text=text, elapsed_ms=elapsed)
    except (httpx.HTTPError, httpx.InvalidURL, UnicodeError) as exc:
        return Fetched(error=f"{type(exc).__name__}: {exc}"[:300])


def tls_certificate(url: str) -> tuple[dt.datetime | None, bool | None]:
    """(expiry, trusted) of the certificate the HTTPS server presents; (None, None) for HTTP.

    The expiry is read even from an untrusted certificate: a self-signed or expired one is
    exactly what Kominfo wants to see.
    """
    from cryptography import x509

    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname:
        return None, None
    port = parts.port or 443
    cafile = getattr(settings, "BALAI_EXTERNAL_CA_BUNDLE", "") or None
    trusted = True
    try:
        der = _peer_certificate(parts.hostname, port, ssl.create_default_context(cafile=cafile))
    except ssl.SSLCertVerificationError:
        trusted = False
        insecure = ssl.create_default_context()
        insecure.check_hostname = False
        insecure.verify_mode = ssl.CERT_NONE
        try:
            der = _peer_certificate(parts.hostname, port, insecure)
        except (OSError, ssl.SSLError):
            return None, False
    except (OSError, ssl.SSLError):
        return None, None
    if not der:
        return None, trusted
    return x509.load_der_x509_certificate(der).not_valid_after_utc, trusted


def _peer_certificate(host: str, port: int, context: ssl.SSLContext) -> bytes | None:
    with (
        socket.create_connection((host, port), timeout=TIMEOUT_SECONDS) as sock,
        context.wrap_socket(sock, server_hostname=host) as tls,
    ):
        return tls.getpeercert(binary_form=True)


def feed_links(page: str, base_url: str) -> list[str]:
    """RSS/Atom feeds the page announces (``<link rel="alternate" type="application/rss+xml">``)."""
    found = []
    for tag in _LINK_TAG.findall(page):
        attrs = {m[0].lower(): m[1] or m[2] or m[3] for m in _ATTR.findall(tag)}
        if attrs.get("type", "").lower() in FEED_TYPES and attrs.get("href"):
            found.append(urljoin(base_url, attrs["href"]))
    return found


def _parse_date(value: str) -> dt.datetime | None:
    value = value.strip()
    try:
        parsed = email.utils.parsedate_to_datetime(value)  # RSS: RFC 822
    except (TypeError, ValueError, IndexError):
        parsed = None
    if parsed is None:
        try:
            parsed = parse_datetime(value)  # Atom, sitemap: W3C datetime
            if parsed is None and (day := parse_date(value[:10])):
                parsed = dt.datetime.combine(day, dt.time())
        except ValueError:
            return None
    if parsed is None:
        return None
    if timezone.is_naive(parsed):
        parsed = timezone.make_aware(parsed, dt.UTC)
    return parsed


def newest_date(xml: str) -> dt.datetime | None:
    """The newest item date of an RSS/Atom feed or a sitemap, not later than now."""
    now = timezone.now() + dt.timedelta(days=1)  # a wrong clock or time zone, not the future
    dates = [d for _tag, v in _DATES.findall(xml) if (d := _parse_date(v)) and d <= now]
    return max(dates, default=None)


def last_update(url: str, home_html: str) -> tuple[dt.datetime | None, str]:
    """When the site last published, from its announced feeds, then the usual feed and sitemap
    addresses; with the address it was read from."""
    candidates = feed_links(home_html, url) + [urljoin(url, g) for g in FEED_GUESSES]
    for candidate in dict.fromkeys(candidates):
        got = fetch(candidate, BROWSER_UA)
        if got.status == 200 and (when := newest_date(got.text)):
            return when, candidate
    return None, ""


def visible_text(page: str) -> str:
    """The words of an HTML page; tags become spaces so "</h1><p>slot" stays two words."""
    return html.unescape(_TAG.sub(" ", _SCRIPTS.sub(" ", page)))


def _allowed_domains(url: str, conf: MonitoringSettings) -> list[str]:
    own = (urlsplit(url).hostname or "").lower()
    extra = [d.strip().lower() for d in conf.allowed_link_domains.splitlines() if d.strip()]
    return [*spam.default_domains(), *extra, own]


def _gambling_links(page: str, allowed: list[str], pattern) -> tuple[list[str], int]:
    links = spam.outside_links(page, allowed)
    bad = [u for u in links if spam.find_terms(u.replace("-", " ").replace(".", " "), pattern)]
    return bad, len(links)


def inspect(url: str) -> Findings:
    """Everything the watch looks at for one site; network only, nothing stored."""
    conf = MonitoringSettings.load()
    pattern = spam.term_pattern(conf.extra_spam_terms)
    allowed = _allowed_domains(url, conf)
    browser = fetch(url, BROWSER_UA)
    findings = Findings(fetched=browser)
    findings.tls_expires_at, findings.tls_trusted = tls_certificate(url)
    if browser.status is None:
        return findings
    findings.spam_terms = spam.find_terms(visible_text(browser.text), pattern)
    findings.spam_links, findings.outside_links = _gambling_links(browser.text, allowed, pattern)
    googlebot = fetch(url, GOOGLEBOT_UA)
    if googlebot.status is not None:
        bot_terms = spam.find_terms(visible_text(googlebot.text), pattern)
        bot_links, _n = _gambling_links(googlebot.text, allowed, pattern)
        findings.cloaking_terms = sorted(
            (set(bot_terms) - set(findings.spam_terms))
            | (set(bot_links) - set(findings.spam_links))
        )
    findings.last_updated, findings.last_updated_source = last_update(url, browser.text)
    return findings


def score(findings: Findings, now: dt.datetime, stale_days: int) -> float:
    """The site's 0–100 score (rule in the module docstring)."""
    status = findings.fetched.status
    if status is None or status >= 400:
        return 0.0
    total = 40.0
    if findings.tls_trusted and findings.tls_expires_at and findings.tls_expires_at > now:
        total += 20 if (findings.tls_expires_at - now).days > TLS_WARN_DAYS else 10
    if findings.last_updated is not None:
        age = (now - findings.last_updated).days
        total += 40 if age <= stale_days else 20 if age <= DEAD_SITE_DAYS else 0
    if findings.spam_terms or findings.spam_links or findings.cloaking_terms:
        total = min(total, RED_CAP)
    return total


def check_site(site: ExternalSite, now: dt.datetime | None = None) -> ExternalSite:
    """Check one site and store the findings, score and zone on it."""
    now = now or timezone.now()
    findings = inspect(site.url)
    fetched = findings.fetched
    site.checked_at = now
    site.http_status = fetched.status
    site.response_ms = fetched.elapsed_ms
    site.error = fetched.error
    site.tls_expires_at = findings.tls_expires_at
    site.tls_trusted = findings.tls_trusted
    site.last_updated = findings.last_updated
    site.last_updated_source = findings.last_updated_source[:500]
    site.spam_terms = findings.spam_terms
    site.spam_links = [u[:300] for u in findings.spam_links[:50]]
    site.outside_links = findings.outside_links
    site.cloaking_terms = findings.cloaking_terms[:50]
    site.score = score(findings, now, MonitoringSettings.load().stale_days)
    site.zone = zone_for(site.score)
    site.save()
    logger.info("external site %s: %s (%s)", site.url, site.score, site.zone)
    return site


def check_all() -> list[ExternalSite]:
    """Check every watched site (the nightly job); one site's surprise does not stop the rest."""
    checked = []
    for site in ExternalSite.objects.filter(is_active=True):
        try:
            checked.append(check_site(site))
        except Exception as exc:  # noqa: BLE001 — a strange site must not stop the round
            logger.exception("external site %s: check failed", site.url)
            ExternalSite.objects.filter(pk=site.pk).update(
                checked_at=timezone.now(), error=f"{type(exc).__name__}: {exc}"[:300]
            )
    return checked
