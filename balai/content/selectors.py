"""Reads behind the public lists: one site's news/announcements/agenda, and the portal's
aggregation across every OPD.

Every function runs a fixed number of queries whatever the number of OPDs: the OPD of each item is
found from its tree path in a map built by one query (``opds_by_root_path``), never per item.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, is_dataclass
from datetime import datetime

from django.core.paginator import Page as PaginatorPage
from django.core.paginator import Paginator
from django.db.models import Max, Model, Q, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from balai.content.models import AgendaPage, AlbumPage, BeritaPage, PengumumanPage
from balai.core.pagecache import bump_generation, remember
from balai.opd.models import OPD, SiteBranding
from balai.opd.selectors import HOME_PATH_LEN, opd_path_prefix, opds_by_root_path

PER_PAGE = 12
# What counts as a "publication" for the directory's "latest publication" date.
PUBLICATION_MODELS = (BeritaPage, PengumumanPage, AgendaPage, AlbumPage)


def attach_opd(items, opds: dict[str, OPD]) -> list:
    """Mark each page with the OPD it belongs to (``item.source_opd``, None for the portal)."""
    items = list(items)
    for item in items:
        item.source_opd = opds.get(opd_path_prefix(item))
    return items


def _with_images(qs: QuerySet) -> QuerySet:
    return qs.select_related("featured_image").prefetch_related("featured_image__renditions")


def hidden_from_portal_paths() -> list[str]:
    """Home paths of sites whose owners chose not to show their items on the portal."""
    return list(
        SiteBranding.objects.filter(show_on_portal=False).values_list(
            "site__root_page__path", flat=True
        )
    )


def _exclude_paths(qs: QuerySet, paths: list[str]) -> QuerySet:
    if not paths:
        return qs
    cond = Q()
    for path in paths:
        cond |= Q(path__startswith=path)
    return qs.exclude(cond)


# --- one site or the whole city -----------------------------------------------------------


def news(root: Page | None = None) -> QuerySet[BeritaPage]:
    """Published news under ``root`` (None: all sites), newest first."""
    qs = BeritaPage.objects.live().public()
    if root is not None:
        qs = qs.descendant_of(root)
    return _with_images(qs).select_related("category").order_by("-date", "-first_published_at")


def current_announcements(root: Page | None = None) -> QuerySet[PengumumanPage]:
    """Announcements in force today: started, and not past their ``valid_until``.

    Expired announcements leave the lists; their own URL keeps working.
    """
    today = timezone.localdate()
    qs = PengumumanPage.objects.live().public().filter(valid_from__lte=today)
    qs = qs.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))
    if root is not None:
        qs = qs.descendant_of(root)
    return qs.order_by("-date", "-first_published_at")


def upcoming_agenda(root: Page | None = None, now: datetime | None = None) -> QuerySet[AgendaPage]:
    """Events not yet over, soonest first."""
    qs = AgendaPage.objects.live().public().filter(end__gte=now or timezone.now())
    if root is not None:
        qs = qs.descendant_of(root)
    return qs.order_by("start")


def past_agenda(root: Page | None = None, now: datetime | None = None) -> QuerySet[AgendaPage]:
    qs = AgendaPage.objects.live().public().filter(end__lt=now or timezone.now())
    if root is not None:
        qs = qs.descendant_of(root)
    return qs.order_by("-start")


def albums(root: Page | None = None) -> QuerySet[AlbumPage]:
    qs = AlbumPage.objects.live().public()
    if root is not None:
        qs = qs.descendant_of(root)
    return qs.prefetch_related("photos__image__renditions").order_by("-date")


def paginate(qs, request, per_page: int = PER_PAGE) -> PaginatorPage:
    paginator = Paginator(qs, per_page)
    return paginator.get_page(request.GET.get("halaman"))


# --- the portal ---------------------------------------------------------------------------


@dataclass
class PortalHome:
    news: list
    announcements: list
    agenda: list


def portal_home(portal_root: Page, n_news: int = 6, n_ann: int = 5, n_agenda: int = 5):
    """Latest items of every OPD (and the portal's own), each with its OPD."""
    opds = opds_by_root_path()
    hidden = hidden_from_portal_paths()
    return PortalHome(
        news=attach_opd(_exclude_paths(news(), hidden)[:n_news], opds),
        announcements=attach_opd(_exclude_paths(current_announcements(), hidden)[:n_ann], opds),
        agenda=attach_opd(_exclude_paths(upcoming_agenda(), hidden)[:n_agenda], opds),
    )


def site_latest(home: Page, n: int = 4) -> PortalHome:
    """The newest items of one OPD site, for its home page."""
    return PortalHome(
        news=list(news(home)[:n]),
        announcements=list(current_announcements(home)[:n]),
        agenda=list(upcoming_agenda(home)[:n]),
    )


def latest_publication_by_home() -> dict[str, datetime]:
    """Home path -> date-time of the newest news/announcement/agenda/album published there."""
    result: dict[str, datetime] = {}
    for model in PUBLICATION_MODELS:
        rows = (
            model.objects.live()
            .annotate(home=Substr("path", 1, HOME_PATH_LEN))
            .values("home")
            .annotate(latest=Max("first_published_at"))
        )
        for row in rows:
            if row["latest"] and (row["home"] not in result or row["latest"] > result[row["home"]]):
                result[row["home"]] = row["latest"]
    return result


DIRECTORY_CACHE_KEY = "balai:content:directory"


def directory() -> list[tuple[str, list[OPD]]]:
    """Active OPD sites grouped by type (in the order of ``OPD.Jenis``), each with
    ``latest_publication`` set."""
    opds = list(
        OPD.objects.active()
        .provisioned()
        .select_related("site__root_page", "logo", "parent")
        .prefetch_related("logo__renditions")
        .order_by("name")
    )
    latest = latest_publication_by_home()
    groups: dict[str, list[OPD]] = {}
    for opd in opds:
        opd.latest_publication = latest.get(opd.site.root_page.path)
        groups.setdefault(opd.jenis, []).append(opd)
    return [(str(label), groups[value]) for value, label in OPD.Jenis.choices if value in groups]


def cached(key: str, builder, timeout: int = 300):
    """A small read-through cache whose keys all die when anything public changes.

    Keyed by the city's content generation (:func:`balai.core.pagecache.remember`), bumped once a
    publish, unpublish, move, delete or settings change has committed.
    """

    def build():
        value = builder()
        forget_prefetched_renditions(value)
        return value

    return remember(f"content:{key}", build, timeout)


def bump_cache_version() -> None:
    bump_generation()


def forget_prefetched_renditions(value, _seen: set[int] | None = None) -> None:
    """Drop the renditions prefetched when a cached list was built.

    Wagtail takes prefetched renditions as complete: a list cached before its renditions existed
    would make every later request regenerate the image file (``create_renditions``; 44 of 78 ms
    of the OPD home in issue 11's profile). Without the prefetch, renditions are found in the
    renditions cache, or in one query.
    """
    seen = set() if _seen is None else _seen
    if id(value) in seen:
        return
    seen.add(id(value))
    if isinstance(value, list | tuple):
        for item in value:
            forget_prefetched_renditions(item, seen)
    elif isinstance(value, dict):
        for item in value.values():
            forget_prefetched_renditions(item, seen)
    elif is_dataclass(value) and not isinstance(value, type):
        for field in fields(value):
            forget_prefetched_renditions(getattr(value, field.name), seen)
    elif isinstance(value, Model):
        if isinstance(value, AbstractImage):
            getattr(value, "_prefetched_objects_cache", {}).pop("renditions", None)
        for related in value._state.fields_cache.values():
            forget_prefetched_renditions(related, seen)
        for prefetched in getattr(value, "_prefetched_objects_cache", {}).values():
            forget_prefetched_renditions(list(prefetched), seen)
