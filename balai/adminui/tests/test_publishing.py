"""Publishing through the admin: the first button is the one that publishes (or submits for
review), a slug clash never blocks a new page, and the operator is told where the page shows."""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page

from balai.content.models import BeritaPage

pytestmark = pytest.mark.django_db


def news_data(title: str, action: str | None = "action-publish", slug: str | None = None) -> dict:
    data = {
        "title": title,
        "slug": slug if slug is not None else re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-"),
        "date": "2026-11-20",
        "summary": "Ringkasan",
        "featured_image_alt": "",
        "body-count": "0",
        "gallery_images-TOTAL_FORMS": "0",
        "gallery_images-INITIAL_FORMS": "0",
        "gallery_images-MIN_NUM_FORMS": "0",
        "gallery_images-MAX_NUM_FORMS": "1000",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
    }
    if action:
        data[action] = "1"
    return data


def news_index(opd) -> Page:
    return Page.objects.get(url_path=f"/{opd.slug}/berita/")


def add_url(opd) -> str:
    return reverse("wagtailadmin_pages:add", args=["content", "beritapage", news_index(opd).pk])


def primary_button(html: str) -> str:
    """Label of the editor footer's big button (the menu's default item)."""
    footer = html[html.index('class="actions actions--primary') :]
    first = re.search(r"<button\b[^>]*>(.*?)</button>", footer, re.S)
    return re.sub(r"<[^>]+>|\s+", " ", first.group(1)).strip()


def messages_of(response) -> list[str]:
    """The messages as the operator reads them (Wagtail's carry HTML for their buttons)."""
    return [
        re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", str(m)))).strip()
        for m in get_messages(response.wsgi_request)
    ]


@pytest.fixture
def approval_opd(make_opd):
    return make_opd("gamma", name="Dinas Gamma", short_name="Gamma", requires_approval=True)


def test_publish_is_the_first_button_for_an_operator_who_may_publish(client_as, operator_a, opd_a):
    page = client_as(operator_a).get(add_url(opd_a)).content.decode()
    assert primary_button(page) == "Terbitkan"
    assert "Simpan draf" in page  # still there, in the menu beside it


def test_review_is_the_first_button_where_the_opd_requires_approval(
    client_as, make_user, approval_opd
):
    operator = make_user("operator-gamma", approval_opd)
    page = client_as(operator).get(add_url(approval_opd)).content.decode()
    assert primary_button(page) == "Ajukan untuk ditinjau"
    assert 'name="action-publish"' not in page


def test_the_reviewer_approves_and_publishes_with_the_first_button(
    client, client_as, make_user, approval_opd
):
    operator = make_user("operator-gamma", approval_opd)
    reviewer = make_user("admin-gamma", approval_opd, role="admin")
    client_as(operator).post(add_url(approval_opd), news_data("Vaksinasi Massal", "action-submit"))
    page = BeritaPage.objects.get(slug="vaksinasi-massal")
    assert page.current_workflow_state is not None and not page.live
    client.logout()
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert primary_button(client_as(reviewer).get(edit).content.decode()) == (
        "Setujui dan terbitkan"
    )


def test_publishing_tells_where_and_when_the_news_appears(client_as, operator_a, opd_a):
    response = client_as(operator_a).post(add_url(opd_a), news_data("Posyandu Lansia Puskesmas"))
    assert response.status_code == 302
    page = BeritaPage.objects.get(slug="posyandu-lansia-puskesmas")
    assert page.live
    shown = " ".join(messages_of(response))
    assert "Halaman 'Posyandu Lansia Puskesmas' dibuat dan diterbitkan." in shown
    assert f"Sudah tampil untuk publik di {page.full_url}" in shown
    assert "beranda Dinas Alfa dan beranda portal kota dalam beberapa detik" in shown


def test_a_site_hidden_from_the_portal_is_not_promised_there(client_as, operator_a, opd_a):
    from balai.opd.models import SiteBranding

    SiteBranding.objects.update_or_create(site=opd_a.site, defaults={"show_on_portal": False})
    response = client_as(operator_a).post(add_url(opd_a), news_data("Senam Sehat"))
    shown = " ".join(messages_of(response))
    assert "beranda Dinas Alfa dalam beberapa detik" in shown
    assert "portal" not in shown


def test_submitting_says_who_reviews_and_where_it_will_appear(client_as, make_user, approval_opd):
    operator = make_user("operator-gamma", approval_opd)
    response = client_as(operator).post(
        add_url(approval_opd), news_data("Donor Darah", "action-submit")
    )
    page = BeritaPage.objects.get(slug="donor-darah")
    shown = " ".join(messages_of(response))
    assert "diajukan untuk ditinjau" in shown
    assert f"Setelah disetujui, halaman ini tampil di {page.full_url}" in shown
    assert not page.live


def test_saving_a_draft_promises_nothing(client_as, operator_a, opd_a):
    response = client_as(operator_a).post(add_url(opd_a), news_data("Rapat Koordinasi", None))
    assert not BeritaPage.objects.get(slug="rapat-koordinasi").live
    assert not any("tampil" in m for m in messages_of(response))


def test_a_second_news_item_with_the_same_title_gets_a_numbered_slug(client_as, operator_a, opd_a):
    client = client_as(operator_a)
    client.post(add_url(opd_a), news_data("Posyandu Lansia", None))  # abandoned first attempt
    response = client.post(add_url(opd_a), news_data("Posyandu Lansia"))  # "Terbitkan"
    assert response.status_code == 302
    pages = BeritaPage.objects.filter(title="Posyandu Lansia").order_by("pk")
    assert [p.slug for p in pages] == ["posyandu-lansia", "posyandu-lansia-2"]
    assert pages[1].live
    assert pages[1].full_url in " ".join(messages_of(response))


def test_an_empty_slug_is_made_from_the_title(client_as, operator_a, opd_a):
    """The slug sits on the Promosi tab; an empty one must not block "Terbitkan"."""
    response = client_as(operator_a).post(add_url(opd_a), news_data("Lomba Kampung Sehat", slug=""))
    assert response.status_code == 302
    assert BeritaPage.objects.get(title="Lomba Kampung Sehat").slug == "lomba-kampung-sehat"


def test_a_draft_save_onto_a_taken_slug_is_explained_not_duplicated(client_as, operator_a, opd_a):
    """Draft saves include autosave, which may arrive after the same form was published."""
    client = client_as(operator_a)
    client.post(add_url(opd_a), news_data("Pasar Murah"))
    response = client.post(add_url(opd_a), news_data("Pasar Murah", None))
    assert response.status_code == 200
    assert "Alamat halaman (slug) “pasar-murah” sudah dipakai" in response.content.decode()
    assert BeritaPage.objects.filter(title="Pasar Murah").count() == 1


def test_renaming_a_published_page_onto_a_taken_slug_is_explained(client_as, operator_a, opd_a):
    client = client_as(operator_a)
    client.post(add_url(opd_a), news_data("Jadwal Imunisasi"))
    client.post(add_url(opd_a), news_data("Jadwal Posyandu"))
    page = BeritaPage.objects.get(slug="jadwal-posyandu")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.post(edit, news_data("Jadwal Posyandu", slug="jadwal-imunisasi"))
    body = response.content.decode()
    assert response.status_code == 200
    expected = (
        "Alamat halaman (slug) “jadwal-imunisasi” sudah dipakai halaman lain di bawah "
        "“Berita”. Ganti slug di tab Promosi, misalnya menjadi “jadwal-imunisasi-2”."
    )
    # Shown at the top of the form (visible whichever tab is open) and at the field.
    assert body.count(expected) >= 2
    assert "already in use" not in body
    page.refresh_from_db()
    assert page.slug == "jadwal-posyandu"
