"""Reads about OPDs: which OPD a request, page or user belongs to, and who to write to."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth import get_user_model
from django.http import HttpRequest
from wagtail.models import Page, Site

from balai.core.pagecache import NOT_FOUND, remember
from balai.opd.models import OPD

# Wagtail's treebeard paths use ``Page.steplen`` (4) characters per level; an OPD home sits at
# depth 2 (directly under the root), so the first HOME_PATH_LEN characters of a page's path are
# its site's home path. The one spelling of that rule: use opd_path_prefix / HOME_PATH_LEN.
PATH_STEP = Page.steplen
OPD_HOME_DEPTH = 2
HOME_PATH_LEN = PATH_STEP * OPD_HOME_DEPTH


def site_for_request(request: HttpRequest) -> Site | None:
    """Wagtail's site for this request, looked up once per host and content generation (every
    Site change bumps it) and handed to Wagtail, which keeps it on the request."""
    if not hasattr(request, "_wagtail_site"):
        key = f"site:{request.get_host()}:{request.get_port()}"
        found = remember(key, lambda: _site_with_its_home(request) or NOT_FOUND)
        request._wagtail_site = found if isinstance(found, Site) else None  # type: ignore[attr-defined]
    return Site.find_for_request(request)


def _site_with_its_home(request: HttpRequest) -> Site | None:
    """The site with its home page as its own type, as Wagtail's routing asks for it."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
        if load_related := getattr(site.root_page, "load_related", None):
            load_related()  # what the home's template shows (its hero image)
    return site


def private_page_paths() -> list[str]:
    """Tree paths of the pages with a view restriction (their subtrees are not public), read
    once per content generation (a privacy change bumps it)."""
    from wagtail.models import PageViewRestriction

    return remember(
        "private-page-paths",
        lambda: list(PageViewRestriction.objects.values_list("page__path", flat=True)),
    )


def opd_for_site(site: Site | None) -> OPD | None:
    if site is None:
        return None
    found = remember(
        f"opd-of-site:{site.pk}",
        lambda: OPD.objects.select_related("site", "logo").filter(site=site).first() or NOT_FOUND,
    )
    return found if isinstance(found, OPD) else None


def opd_for_request(request: HttpRequest) -> OPD | None:
    """The OPD whose site serves this request (cached on the request), or None on the portal."""
    if not hasattr(request, "_balai_opd"):
        request._balai_opd = opd_for_site(site_for_request(request))  # type: ignore[attr-defined]
    return request._balai_opd  # type: ignore[attr-defined]


def opds_by_root_path() -> dict[str, OPD]:
    """Map each provisioned OPD's home-page path to the OPD (one query)."""
    return {
        opd.site.root_page.path: opd
        for opd in OPD.objects.provisioned().select_related("site__root_page", "logo")
    }


def opd_ids_by_root_path() -> dict[str, int]:
    """Home-page path -> OPD id, for every OPD with a site (one query, ids only)."""
    return dict(OPD.objects.exclude(site=None).values_list("site__root_page__path", "pk"))


def opd_path_prefix(page: Page | str) -> str:
    """The home-page path of the site a page (or a tree path) belongs to."""
    path = page if isinstance(page, str) else page.path
    return path[:HOME_PATH_LEN]


def opd_for_page(page: Page) -> OPD | None:
    prefix = opd_path_prefix(page)
    return OPD.objects.select_related("site", "logo").filter(site__root_page__path=prefix).first()


def opd_of_user(user) -> OPD | None:
    """The single OPD of a non-Kominfo user (operators belong to one OPD), else None."""
    if not user.is_authenticated or user.is_superuser:
        return None
    return OPD.objects.for_user(user).select_related("site").first()


def kominfo_emails() -> list[str]:
    """E-mail addresses of Kominfo's active super-admins (the city-wide administrators)."""
    return list(
        get_user_model()
        .objects.filter(is_superuser=True, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
    )


def staff_emails(opds: Iterable[OPD], *, operators: bool = True) -> list[str]:
    """E-mail addresses of the active admins (and, unless ``operators=False``, operators) of
    ``opds``, each address once."""
    group_ids = [
        g
        for o in opds
        for g in ((o.operator_group_id, o.admin_group_id) if operators else (o.admin_group_id,))
        if g
    ]
    if not group_ids:
        return []
    return list(
        get_user_model()
        .objects.filter(groups__in=group_ids, is_active=True)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
