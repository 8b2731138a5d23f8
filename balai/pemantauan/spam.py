"""Suspicious-content watch: gambling/SEO spam terms and links outside the allow-list."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.html import strip_tags
from wagtail.models import Page, PageLogEntry

from balai.opd.models import OPD
from balai.opd.selectors import opd_path_prefix, opds_by_root_path

from .models import MonitoringSettings, SpamAlert

DATA = Path(__file__).parent / "data"
HREF = re.compile(r"""href=["']?(https?://[^"'\s>]+)""", re.IGNORECASE)


def _lines(path: Path) -> list[str]:
    return [
        line.strip().lower()
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]


@lru_cache(maxsize=1)
def default_terms() -> tuple[str, ...]:
    return tuple(_lines(DATA / "spam_terms.txt"))


@lru_cache(maxsize=1)
def default_domains() -> tuple[str, ...]:
    return tuple(_lines(DATA / "allowed_domains.txt"))


def term_pattern(extra: str = "") -> re.Pattern:
    terms = list(default_terms()) + [t.strip().lower() for t in extra.splitlines() if t.strip()]
    alternation = "|".join(
        re.escape(t).replace(r"\ ", r"\s+") for t in sorted(terms, key=len)[::-1]
    )
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)


def find_terms(text: str, pattern: re.Pattern | None = None) -> list[str]:
    pattern = pattern or term_pattern()
    return sorted({m.group(0).lower() for m in pattern.finditer(text or "")})


def domain_allowed(host: str, allowed: list[str]) -> bool:
    host = (host or "").lower().rstrip(".")
    return any(host == d or host.endswith("." + d) for d in allowed)


def outside_links(text: str, allowed: list[str]) -> list[str]:
    return sorted(
        {
            url
            for url in HREF.findall(text or "")
            if not domain_allowed(urlsplit(url).hostname, allowed)
        }
    )


def page_text(page) -> str:
    """Title, summary, SEO description and every text/rich-text/stream field of a page."""
    from django.db.models import CharField, TextField
    from wagtail.fields import StreamField

    parts = [page.title, page.seo_title, page.search_description]
    for f in page._meta.concrete_fields:
        if f.model is Page or not isinstance(f, (CharField, TextField, StreamField)):
            continue
        value = f.value_from_object(page)
        if value:
            parts.append(
                value if isinstance(value, str) else str(getattr(value, "raw_data", value))
            )
    return "\n".join(p for p in parts if p)


def publisher(page) -> str:
    """Who published this page last (Wagtail's log), for the audit trail shown with the alert."""
    entry = (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .select_related("user")
        .order_by("-timestamp")
        .first()
    )
    if entry and entry.user:
        return entry.user.get_username()
    revision = page.latest_revision
    return revision.user.get_username() if revision and revision.user else ""


def _opd_for_path(path: str, opds: dict[str, OPD]) -> OPD | None:
    return opds.get(opd_path_prefix(path))


def _alert(**fields) -> SpamAlert | None:
    key = {k: fields.get(k) for k in ("kind", "page", "document", "matched")}
    if SpamAlert.objects.filter(**key).exists():  # NULLs are distinct in the unique constraint
        return None
    try:
        with transaction.atomic():
            return SpamAlert.objects.create(**fields)
    except IntegrityError:
        return None  # already reported (open, unpublished or dismissed)


def scan(since=None) -> list[SpamAlert]:
    """Scan live pages (changed since ``since`` if given) and document titles; new alerts."""
    from wagtail.documents import get_document_model

    conf = MonitoringSettings.load()
    pattern = term_pattern(conf.extra_spam_terms)
    allowed = list(default_domains()) + [
        d.strip().lower() for d in conf.allowed_link_domains.splitlines() if d.strip()
    ]
    opds = opds_by_root_path()
    by_collection = {o.collection_id: o for o in opds.values()}
    created: list[SpamAlert] = []
    pages = Page.objects.live().filter(depth__gt=1)
    if since:
        pages = pages.filter(
            Q(last_published_at__gte=since) | Q(latest_revision_created_at__gte=since)
        )
    for page in pages.specific().iterator(chunk_size=500):
        text = page_text(page)
        plain = strip_tags(text)
        terms = find_terms(plain, pattern)
        links = outside_links(text, allowed)
        bad_links = [u for u in links if find_terms(u.replace("-", " ").replace(".", " "), pattern)]
        if not terms and not links:
            continue
        opd = _opd_for_path(page.path, opds)
        who = publisher(page)
        for term in terms:
            i = plain.lower().find(term.split()[0])
            created.append(
                _alert(
                    opd=opd,
                    kind=SpamAlert.Kind.PAGE,
                    page=page,
                    matched=term,
                    excerpt=plain[max(0, i - 80) : i + 120],
                    published_by=who,
                )
            )
        for url in links:
            created.append(
                _alert(
                    opd=opd,
                    kind=SpamAlert.Kind.LINK,
                    page=page,
                    matched=url[:300],
                    excerpt=("!" if url in bad_links else "") + url,
                    published_by=who,
                )
            )
    for doc in get_document_model().objects.select_related("uploaded_by_user"):
        for term in find_terms(doc.title, pattern):
            who = doc.uploaded_by_user.get_username() if doc.uploaded_by_user else ""
            created.append(
                _alert(
                    opd=by_collection.get(doc.collection_id),
                    kind=SpamAlert.Kind.DOCUMENT,
                    document=doc,
                    matched=term,
                    excerpt=doc.title,
                    published_by=who,
                )
            )
    return [a for a in created if a]


def unpublish(alert: SpamAlert, user) -> None:
    """Kominfo's one click: take the item off the public site, logged in Wagtail's history."""
    if alert.page_id:
        page = alert.page.specific
        if page.live:
            page.unpublish(user=user, log_action=True)
    elif alert.document_id:
        from wagtail.log_actions import log

        doc = alert.document
        doc.is_public = False
        doc.save(update_fields=["is_public"])
        log(instance=doc, action="wagtail.edit", user=user)
    SpamAlert.objects.filter(
        Q(page_id=alert.page_id, page__isnull=False) if alert.page_id else Q(pk=alert.pk)
    ).filter(status=SpamAlert.Status.OPEN).update(
        status=SpamAlert.Status.UNPUBLISHED, resolved_by=user, resolved_at=timezone.now()
    )


def dismiss(alert: SpamAlert, user) -> None:
    alert.status = SpamAlert.Status.DISMISSED
    alert.resolved_by = user
    alert.resolved_at = timezone.now()
    alert.save(update_fields=["status", "resolved_by", "resolved_at"])
