"""schema.org JSON-LD for public pages: GovernmentOrganization (every site), NewsArticle,
Event and BreadcrumbList."""

from __future__ import annotations

from wagtail.models import Page


def _org(request, identity) -> dict:
    org = identity.get("opd") or identity.get("pemda")
    site = identity.get("site")
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": identity.get("name", ""),
        "url": (site.root_url + "/") if site else request.build_absolute_uri("/"),
    }
    if org is not None:
        if getattr(org, "address", ""):
            data["address"] = org.address
        if getattr(org, "phone", ""):
            data["telephone"] = org.phone
        if getattr(org, "email", ""):
            data["email"] = org.email
        socials = [url for _label, url in getattr(org, "social_links", [])]
        if socials:
            data["sameAs"] = socials
    if identity.get("opd") is not None and identity.get("pemda") is not None:
        data["parentOrganization"] = {
            "@type": "GovernmentOrganization",
            "name": identity["pemda"].name,
        }
    return data


def _breadcrumbs(request, page, crumbs) -> dict:
    items = []
    for pos, crumb in enumerate([*crumbs, page], start=1):
        items.append(
            {
                "@type": "ListItem",
                "position": pos,
                "name": crumb.title,
                "item": crumb.get_full_url(request),
            }
        )
    return {"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": items}


def for_page(request, page: Page | None, context) -> list[dict]:
    from balai.theme.templatetags.balai_theme import breadcrumbs, site_identity

    identity = site_identity(context)
    out = [_org(request, identity)]
    if page is None:
        return out
    crumbs = breadcrumbs(context, page)
    if crumbs:
        out.append(_breadcrumbs(request, page, crumbs))
    kind = page.specific_class.__name__ if hasattr(page, "specific_class") else ""
    if kind == "BeritaPage":
        article = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": page.title[:110],
            "datePublished": page.date.isoformat(),
            "dateModified": (page.last_published_at or page.latest_revision_created_at).isoformat()
            if (page.last_published_at or page.latest_revision_created_at)
            else page.date.isoformat(),
            "mainEntityOfPage": page.get_full_url(request),
            "publisher": {"@type": "GovernmentOrganization", "name": identity.get("name", "")},
            "author": {
                "@type": "Organization",
                "name": page.author or identity.get("name", ""),
            },
        }
        if page.summary:
            article["description"] = page.summary
        image_url = context.get("og_image")
        if image_url:
            article["image"] = [image_url]
        out.append(article)
    elif kind == "AgendaPage":
        out.append(
            {
                "@context": "https://schema.org",
                "@type": "Event",
                "name": page.title,
                "startDate": page.start.isoformat(),
                "endDate": page.end.isoformat(),
                "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
                "eventStatus": "https://schema.org/EventScheduled",
                "location": {"@type": "Place", "name": page.location, "address": page.location},
                "organizer": {
                    "@type": "GovernmentOrganization",
                    "name": page.organiser or identity.get("name", ""),
                },
                "description": page.summary or page.title,
                "url": page.get_full_url(request),
            }
        )
    return out
