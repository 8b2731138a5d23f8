"""An operator of OPD A can see or touch nothing of OPD B through the admin over HTTP.

Every page, document, image, collection, setting, user and report of B is tried: listing, viewing,
editing, deleting, moving, choosing in a chooser and searching. A denial is a 403 or 404, or
Wagtail's own denial (a redirect to the dashboard with "you do not have permission"); in every case
the response carries none of B's data.
"""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page

from balai.content.models import BeritaPage
from balai.core.tests.test_uploads import pdf_bytes, png_bytes
from balai.documents.models import BalaiDocument
from balai.images.models import BalaiImage
from balai.opd.models import OPD

pytestmark = pytest.mark.django_db

SECRET_PAGE = "Rapat Internal Beta Rahasia"
SECRET_DOC = "Dokumen Internal Beta"
SECRET_IMAGE = "Foto Kegiatan Beta"


@pytest.fixture
def b_objects(opd_b, operator_b, run_tasks):
    berita_index = Page.objects.get(url_path="/beta/berita/")
    page = BeritaPage(title=SECRET_PAGE, slug="rapat-beta", summary="Ringkasan Beta")
    berita_index.add_child(instance=page)
    page.save_revision(user=operator_b).publish(user=operator_b)
    page.title = SECRET_PAGE + " (draf)"
    page.save_revision(user=operator_b)
    doc = BalaiDocument.objects.create(
        title=SECRET_DOC,
        file=ContentFile(pdf_bytes(), name="beta.pdf"),
        collection=opd_b.collection,
        description="isi dokumen beta",
    )
    image = BalaiImage.objects.create(
        title=SECRET_IMAGE,
        file=ContentFile(png_bytes(), name="beta.png"),
        collection=opd_b.collection,
    )
    run_tasks()  # the search index is updated by the task worker: B's objects are searchable
    return {"page": page, "doc": doc, "image": image, "opd": opd_b, "operator": operator_b}


def leaks(response) -> list[str]:
    body = response.content.decode(errors="ignore") if hasattr(response, "content") else ""
    return [s for s in (SECRET_PAGE, SECRET_DOC, SECRET_IMAGE, "operator-beta") if s in body]


def assert_denied(response, own_home: Page):
    """``response`` was fetched with follow=True."""
    final = response.redirect_chain[-1][0] if response.redirect_chain else None
    if final == reverse("wagtailadmin_explore", args=[own_home.pk]):
        pass  # Wagtail's explorer sends the user back to their own section of the tree
    elif final is not None:
        assert final == reverse("wagtailadmin_home"), final
        messages = [str(m) for m in response.context["messages"]]
        assert any("izin" in m or "permission" in m for m in messages), messages
    else:
        assert response.status_code in (403, 404, 405), response.status_code
    assert leaks(response) == []


def object_urls(b) -> list[str]:
    page, doc, image, opd = b["page"], b["doc"], b["image"], b["opd"]
    home = opd.root_page
    revision = page.latest_revision
    return [
        # pages
        reverse("wagtailadmin_explore", args=[home.pk]),
        reverse("wagtailadmin_explore", args=[page.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        reverse("wagtailadmin_pages:delete", args=[page.pk]),
        reverse("wagtailadmin_pages:move", args=[page.pk]),
        reverse("wagtailadmin_pages:copy", args=[page.pk]),
        reverse("wagtailadmin_pages:add_subpage", args=[page.get_parent().pk]),
        reverse("wagtailadmin_pages:add", args=["content", "beritapage", page.get_parent().pk]),
        reverse("wagtailadmin_pages:history", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_index", args=[page.pk]),
        reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]),
        reverse("wagtailadmin_pages:view_draft", args=[page.pk]),
        reverse("wagtailadmin_pages:unpublish", args=[page.pk]),
        reverse("wagtailadmin_pages:lock", args=[page.pk]),
        reverse("wagtailadmin_pages:usage", args=[page.pk]),
        reverse("wagtailadmin_pages:workflow_history", args=[page.pk]),
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        reverse("wagtailadmin_choose_page_child", args=[home.pk]),
        # documents and images
        reverse("wagtaildocs:edit", args=[doc.pk]),
        reverse("wagtaildocs:delete", args=[doc.pk]),
        reverse("wagtaildocs:document_usage", args=[doc.pk]),
        reverse("wagtaildocs_chooser:chosen", args=[doc.pk]),
        reverse("wagtailimages:edit", args=[image.pk]),
        reverse("wagtailimages:delete", args=[image.pk]),
        reverse("wagtailimages:image_usage", args=[image.pk]),
        reverse("wagtailimages:url_generator", args=[image.pk]),
        reverse("wagtailimages:preview", args=[image.pk, "original"]),
        reverse("wagtailimages_chooser:chosen", args=[image.pk]),
        # collection, settings, OPD record, users
        reverse("wagtailadmin_collections:edit", args=[opd.collection.pk]),
        reverse("wagtailadmin_collections:delete", args=[opd.collection.pk]),
        reverse("wagtailsettings:edit", args=["opd", "sitebranding", opd.site.pk]),
        reverse("opd:edit", args=[opd.pk]),
        reverse("opd:history", args=[opd.pk]),
        reverse("operator:edit", args=[b["operator"].pk]),
        reverse("wagtailusers_users:edit", args=[b["operator"].pk]),
        reverse("wagtailusers_groups:edit", args=[opd.operator_group.pk]),
    ]


@pytest.mark.parametrize("role", ["operator", "admin"])
def test_every_admin_url_of_another_opd_is_denied(client_as, make_user, opd_a, b_objects, role):
    client = client_as(make_user(f"{role}-alfa", opd_a, role=role))
    for url in object_urls(b_objects):
        for method in ("get", "post"):
            response = getattr(client, method)(url, follow=True)
            try:
                assert_denied(response, opd_a.root_page)
            except AssertionError as exc:
                raise AssertionError(f"{method.upper()} {url}: {exc}") from exc


def test_posted_destructive_actions_change_nothing(client_as, operator_a, b_objects):
    client = client_as(operator_a)
    page, doc, image = b_objects["page"], b_objects["doc"], b_objects["image"]
    a_berita = Page.objects.get(url_path="/alfa/berita/")
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, a_berita.pk]))
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        {"title": "diretas", "slug": "diretas", "action-publish": "1"},
    )
    client.post(reverse("wagtaildocs:delete", args=[doc.pk]))
    client.post(reverse("wagtailimages:delete", args=[image.pk]))
    client.post(reverse("wagtaildocs:edit", args=[doc.pk]), {"title": "diretas"})
    page.refresh_from_db()
    assert page.live and page.title.startswith(SECRET_PAGE)
    assert page.get_parent().url_path == "/beta/berita/"
    assert BalaiDocument.objects.get(pk=doc.pk).title == SECRET_DOC
    assert BalaiImage.objects.filter(pk=image.pk).exists()


LISTINGS = [
    ("wagtailadmin_explore_root", {}),
    ("wagtailadmin_pages:search", {"q": "Beta"}),
    ("wagtailadmin_pages:search", {"q": "Rapat"}),
    ("wagtailadmin_choose_page", {}),
    ("wagtailadmin_choose_page_search", {"q": "Rapat"}),
    ("wagtaildocs:index", {}),
    ("wagtaildocs:index", {"q": "Internal"}),
    ("wagtaildocs_chooser:choose", {}),
    ("wagtaildocs_chooser:choose_results", {"q": "Beta"}),
    ("wagtailimages:index", {}),
    ("wagtailimages:index", {"q": "Foto"}),
    ("wagtailimages_chooser:choose", {}),
    ("wagtailimages_chooser:choose_results", {"q": "Beta"}),
    ("wagtailadmin_home", {}),
    ("wagtailadmin_reports:site_history", {}),
    ("wagtailadmin_reports:locked_pages", {}),
    ("wagtailadmin_reports:aging_pages", {}),
    ("wagtailadmin_reports:workflow", {}),
    ("wagtailadmin_reports:workflow_tasks", {}),
    ("wagtailadmin_reports:page_types_usage", {}),
    ("wagtailadmin_collections:index", {}),
    ("wagtailusers_users:index", {}),
    ("wagtailusers_groups:index", {}),
    ("wagtailsites:index", {}),
    ("opd:index", {}),
    ("operator:index", {}),
]


def test_listings_searches_choosers_and_reports_show_nothing_of_another_opd(
    client_as, admin_a, b_objects
):
    """One walk over every listing (one fixture city: building it per URL cost CI minutes);
    the failure names every URL that leaked and what it showed."""
    client = client_as(admin_a)
    b_objects["page"].save_revision(user=b_objects["operator"], log_action=True)
    found = {}
    for name, params in LISTINGS:
        response = client.get(reverse(name), params)
        assert response.status_code in (200, 302, 403, 404), f"{name} {params}"
        if leaked := leaks(response):
            found[f"{name} {params}"] = leaked
    assert found == {}


def test_own_opd_is_fully_reachable(client_as, admin_a, opd_a):
    """The same URLs that deny B's objects work for A's own (so the denials above are real)."""
    client = client_as(admin_a)
    page = Page.objects.get(url_path="/alfa/berita/")
    assert client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200
    assert client.get(reverse("wagtailadmin_explore", args=[opd_a.root_page.pk])).status_code == 200
    assert (
        client.get(
            reverse("wagtailsettings:edit", args=["opd", "sitebranding", opd_a.site.pk])
        ).status_code
        == 200
    )
    assert client.get(reverse("opd:edit", args=[opd_a.pk])).status_code == 200
    response = client.get(reverse("wagtailadmin_choose_page"))
    assert response.status_code == 200


def test_kominfo_sees_every_opd(client_as, kominfo, opd_a, b_objects):
    client = client_as(kominfo)
    response = client.get(reverse("opd:index"))
    assert "Dinas Alfa" in response.content.decode() and "Dinas Beta" in response.content.decode()
    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "Rapat"})
    assert SECRET_PAGE in response.content.decode()
    assert OPD.objects.count() == 2
