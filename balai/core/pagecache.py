"""Anonymous public pages: shared-cacheable headers and Balai's own full-page cache.

Every layer (browser, nginx micro-cache, a CDN, this cache) may keep an anonymous GET of public
content; a page becomes private as soon as it holds anything personal:

* a response a view marked itself (``never_cache`` on forms and tracking pages) keeps its
  ``Cache-Control``;
* a response that sets a cookie (a CSRF token, a session, a message) or was asked with a
  session or message cookie is ``private, no-store`` — so a form page that forgot its decorator
  is private anyway;
* everything else that answers 200/301/404 to a GET is
  ``public, max-age=0, s-maxage=BALAI_CACHE_S_MAXAGE, stale-while-revalidate=…``: browsers
  revalidate every time (``ETag``/``Last-Modified`` → 304, by ``ConditionalGetMiddleware``),
  shared caches keep it a couple of seconds.

The full-page cache (``BALAI_PAGE_CACHE``) keeps those public 200s in Django's default cache,
keyed by host, path, query and language and by the city's *content generation*. Any publish,
unpublish, move, delete or settings change bumps the generation once its transaction commits
(:mod:`balai.core.freshness`), so every process sharing the cache sees new content on its next
request. The generation is the time of the last change, which is also the ``Last-Modified`` of
every public page: nothing public changed after it.

Django's ``CacheMiddleware`` is not used: it turns the cache timeout into the browser's
``max-age`` (readers would see stale pages after a publish) and has no generation.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers, patch_cache_control, set_response_etag
from django.utils.http import http_date, urlencode

GENERATION_KEY = "balai:content-generation"
# Paths that are never public, whatever the response says.
PRIVATE_PREFIXES = ("/admin/", "/django-admin/", "/i18n/", "/bahasa/", "/sms/", "/healthz")
PUBLIC_STATUSES = (200, 301, 404, 410)
# Per-click and campaign identifiers that social media, ads and newsletters add to shared links
# (?fbclid=…, ?utm_source=…): the page is the same for every reader, so they are no part of its
# cache key (deploy/nginx.conf ignores them too) and are not echoed back in the page.
TRACKING_PARAMETER = re.compile(r"utm_[a-z_]+|fbclid|gclid|dclid|msclkid|igshid|mc_[ce]id|_ga")
# Each process's own memory (settings.CACHES["local"]): the second level of ``remember``.
LOCAL_CACHE = "local"
# The generation read once at the start of an anonymous public request and used throughout it.
_request_generation: ContextVar[int | None] = ContextVar("balai_request_generation", default=None)
T = TypeVar("T")
# What to remember for "there is no such thing" (``remember`` takes None for "not remembered").
NOT_FOUND = "not-found"


def private_cookie_names() -> tuple[str, ...]:
    """Cookies that make a request personal: a login session, a pending message."""
    return (settings.SESSION_COOKIE_NAME, "messages")


def generation() -> int:
    """The city's content generation (nanoseconds since the epoch of the last change).

    Within an anonymous public request it is read from the shared cache once, when the request
    starts (:class:`PublicCacheMiddleware`), so a page is built from one generation throughout.
    """
    pinned = _request_generation.get()
    if pinned is not None:
        return pinned
    return shared_generation()


def shared_generation() -> int:
    value = cache.get(GENERATION_KEY)
    if value is None:
        # Cache emptied or new: start a generation now (it invalidates nothing that exists).
        value = new_generation()
        if not cache.add(GENERATION_KEY, value, timeout=None):
            value = cache.get(GENERATION_KEY, value)
    return int(value)


def new_generation() -> int:
    return time.time_ns()


def bump_generation() -> None:
    """Mark every cached public page stale now and again once the transaction commits."""
    _request_generation.set(None)
    cache.set(GENERATION_KEY, new_generation(), timeout=None)
    transaction.on_commit(lambda: cache.set(GENERATION_KEY, new_generation(), timeout=None))


def remember(key: str, build: Callable[[], T], timeout: int = 300) -> T:
    """A value that lives as long as the content generation: read from this process's memory,
    else from the shared cache (Redis in production), else built and kept in both.

    Keys carry the generation, so a publish anywhere retires every remembered value in every
    process at once; the timeout only frees memory. The per-process level is what makes a cache
    miss of a whole page cheap: one shared-cache read (the generation) instead of one per
    fragment and list.
    """
    full = f"balai:memo:{key}:g{generation()}"
    local = caches[LOCAL_CACHE]
    value: Any = local.get(full)
    if value is None:
        value = cache.get(full)
        if value is None:
            value = build()
            cache.set(full, value, timeout)
        local.set(full, value, timeout)
    return value


def language_of(request: HttpRequest) -> str:
    from balai.core.middleware import chosen_language

    return chosen_language(request) or settings.LANGUAGE_CODE


def public_path(request: HttpRequest) -> str:
    """The request's path and query without tracking parameters (:data:`TRACKING_PARAMETER`)."""
    query = request.GET
    if not any(TRACKING_PARAMETER.fullmatch(name) for name in query):
        return request.get_full_path()
    kept = [
        (name, value)
        for name, values in query.lists()
        if not TRACKING_PARAMETER.fullmatch(name)
        for value in values
    ]
    return request.path + (f"?{urlencode(kept)}" if kept else "")


def page_key(request: HttpRequest, gen: int) -> str:
    """Host, path with query (less tracking parameters), and language — the identity of an
    anonymous page."""
    url = f"{request.get_host()}{public_path(request)}"
    digest = hashlib.sha256(url.encode()).hexdigest()[:32]
    return f"balai:page:{gen}:{language_of(request)}:{request.method}:{digest}"


def _is_personal_request(request: HttpRequest) -> bool:
    return any(name in request.COOKIES for name in private_cookie_names())


class PublicCacheMiddleware:
    """Sits right after WhiteNoise, outside sessions and CSRF, so it sees their cookies."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        cacheable = (
            request.method in ("GET", "HEAD")
            and not request.path.startswith(PRIVATE_PREFIXES)
            and not _is_personal_request(request)
        )
        if not cacheable:
            response = self.get_response(request)
            if not response.has_header("Cache-Control"):
                add_never_cache_headers(response)
            return response
        pinned = _request_generation.set(shared_generation())
        try:
            return self._public(request)
        finally:
            _request_generation.reset(pinned)

    def _public(self, request: HttpRequest) -> HttpResponse:
        use_page_cache = settings.BALAI_PAGE_CACHE
        gen = generation()
        if use_page_cache:
            # HEAD is answered from the GET copy (Django strips the body).
            key = page_key(request, gen).replace(":HEAD:", ":GET:")
            cached = cache.get(key)
            if cached is not None:
                cached["X-Balai-Cache"] = "hit"
                return cached
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response  # the view decided (never_cache, a file, the admin)
        if response.cookies or response.status_code not in PUBLIC_STATUSES:
            add_never_cache_headers(response)
            return response
        if language_of(request) != settings.LANGUAGE_CODE:
            # Another language is chosen by cookie; a shared cache does not key on cookies.
            patch_cache_control(response, private=True, max_age=0)
        else:
            patch_cache_control(
                response,
                public=True,
                max_age=0,
                s_maxage=settings.BALAI_CACHE_S_MAXAGE,
                stale_while_revalidate=settings.BALAI_CACHE_STALE_SECONDS,
            )
        _drop_vary_cookie(response)
        if response.status_code == 200 and not response.streaming:
            response.headers.setdefault("Last-Modified", http_date(gen // 1_000_000_000))
            set_response_etag(response)
        if use_page_cache and response.status_code == 200 and not response.streaming:
            response["X-Balai-Cache"] = "miss"
            cache.set(key, response, settings.BALAI_PAGE_CACHE_SECONDS)
        return response


def _drop_vary_cookie(response: HttpResponse) -> None:
    """An anonymous request without a session cookie got a page that depends on no cookie.

    The session middleware adds ``Vary: Cookie`` whenever a template merely asks whether
    someone is logged in; for a request without session and message cookies the answer is
    always "no", and the language cookie is handled above (other languages are private).
    """
    if not response.has_header("Vary"):
        return
    kept = [v.strip() for v in response["Vary"].split(",") if v.strip().lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]
