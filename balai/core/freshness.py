"""Fresh within seconds: every change readers can see bumps the city's content generation.

The generation (:mod:`balai.core.pagecache`) keys Balai's full-page cache, the cached lists of the
homes and the header/footer fragments, in every process that shares the cache (Redis). It is
bumped twice: at once, and again when the transaction commits — the second bump drops any page
another process rendered from the old data while the transaction was still open. Shared caches
in front (nginx, a CDN) keep a page only ``BALAI_CACHE_S_MAXAGE`` seconds.

What bumps it: publishing, unpublishing, moving, renaming or deleting a page; saving or deleting
a document, an image, a layanan or its maklumat, a DIP row, an OPD, a site, a redirect, or any
site/generic setting (branding, Pemda identity). Form submissions, tickets and statistics do not:
pages showing them follow ``BALAI_PAGE_CACHE_SECONDS``. ``migrate`` (every upgrade) and
``sync_site_ports`` bump it too.
"""

from __future__ import annotations

import logging

from django.apps import apps
from django.db.models.signals import post_delete, post_migrate, post_save
from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from balai.core import pagecache

logger = logging.getLogger(__name__)

PUBLIC_MODELS = (
    "wagtailcore.Page",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",  # a page made private must leave every cache at once
    "wagtailredirects.Redirect",
    "documents.BalaiDocument",
    "images.BalaiImage",
    "layanan.Layanan",
    "layanan.Maklumat",
    "ppid.InformasiPublik",
    "opd.OPD",
    "content.KategoriBerita",
)


def content_changed(**kwargs) -> None:
    if kwargs.get("raw"):
        return  # fixtures being loaded
    pagecache.bump_generation()


def setting_changed(sender, created: bool = False, **kwargs) -> None:
    """A setting row created on first ``load()`` holds the defaults pages already showed."""
    if not created:
        content_changed(**kwargs)


def after_migrate(**kwargs) -> None:
    """An upgrade (new code and templates) makes every cached page and fragment stale."""
    try:
        pagecache.bump_generation()
    except Exception:  # noqa: BLE001 - the cache may not be reachable while deploying
        logger.warning("content generation not bumped after migrate: cache unreachable")


def connect() -> None:
    post_migrate.connect(after_migrate, dispatch_uid="balai_fresh_migrate")
    for signal in (page_published, page_unpublished, post_page_move, page_slug_changed):
        signal.connect(content_changed, dispatch_uid=f"balai_fresh_{id(signal)}")
    settings_models = [
        m for m in apps.get_models() if issubclass(m, BaseGenericSetting | BaseSiteSetting)
    ]
    for model in [apps.get_model(label) for label in PUBLIC_MODELS] + settings_models:
        uid = f"balai_fresh_{model._meta.label_lower}"
        if model in settings_models:
            post_save.connect(setting_changed, sender=model, dispatch_uid=f"{uid}_save")
        elif model._meta.label_lower != "wagtailcore.page":
            post_save.connect(content_changed, sender=model, dispatch_uid=f"{uid}_save")
        post_delete.connect(content_changed, sender=model, dispatch_uid=f"{uid}_delete")
