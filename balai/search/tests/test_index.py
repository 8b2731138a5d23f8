"""The public search index follows the content at once (publish, unpublish, delete, move,
services, documents), Kominfo's synonyms take effect on the next search, bulk loads leave no
queued index tasks, and common words stay bounded (counts "1.000+", ranking among the most
recent matches). The results page is a plain cacheable GET: no cookie, no per-user state."""

from __future__ import annotations

import datetime as dt
import html as htmllib
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from wagtail.models import Page, PageViewRestriction

from balai.content.models import BeritaPage

pytestmark = pytest.mark.django_db


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def _berita(opd, title, summary="", date=None):
    index = opd.site.root_page.get_children().get(slug="berita").specific
    return _publish(
        index, BeritaPage(title=title, summary=summary, date=date or dt.date(2026, 5, 1))
    )


def _html(client, host, **params) -> str:
    response = client.get("/cari/", params, HTTP_HOST=host)
    assert response.status_code == 200
    return response.content.decode()


def _text(client, host, **params) -> str:
    """The results page as a person reads it (marks and other tags removed)."""
    return htmllib.unescape(re.sub(r"<[^>]+>", "", _html(client, host, **params)))


def test_publishing_indexes_at_once_and_unpublishing_or_deleting_removes(
    client, opd_a, portal_host
):
    page = _berita(opd_a, "Festival layang-layang pantai")  # no worker run: found at once
    assert "Festival layang-layang pantai" in _text(client, portal_host, q="layang")

    page.title = "Festival layang-layang dibatalkan"
    page.save_revision().publish()
    html = _text(client, portal_host, q="layang")
    assert "dibatalkan" in html and "pantai" not in html

    page.unpublish()
    assert "Tidak ada yang cocok" in _text(client, portal_host, q="layang")

    page.save_revision().publish()
    assert "dibatalkan" in _text(client, portal_host, q="layang")
    Page.objects.get(pk=page.pk).delete()
    assert "dibatalkan" not in _text(client, portal_host, q="layang")


def test_moving_a_page_to_another_opd_changes_where_it_is_found(client, opd_a, opd_b):
    page = _berita(opd_a, "Lomba kebersihan kampung")
    assert "Lomba kebersihan" in _text(client, opd_a.hostname, q="kebersihan")
    target = opd_b.site.root_page.get_children().get(slug="berita")
    Page.objects.get(pk=page.pk).move(target, pos="last-child")
    assert "Lomba kebersihan" not in _text(client, opd_a.hostname, q="kebersihan")
    html = _html(client, opd_b.hostname, q="kebersihan")
    assert 'href="/berita/lomba-kebersihan-kampung/"' in html  # now a page of this site
    assert "Dinas Beta" in _text(client, opd_b.hostname, q="kebersihan")


def test_pages_behind_a_login_are_not_found(client, opd_a, portal_host):
    page = _berita(opd_a, "Notulen rapat internal")
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    assert "Notulen" not in _text(client, portal_host, q="notulen")


def test_services_are_found_under_their_tab_and_link_to_their_opd(client, opd_a, portal_host):
    from balai.layanan.models import Layanan

    layanan = Layanan.objects.create(
        opd=opd_a,
        name="Legalisir Ijazah",
        slug="legalisir",
        category="pendidikan",
        summary="Legalisir ijazah SD dan SMP.",
        is_published=True,
    )
    html = _html(client, portal_host, q="legalisir", jenis="layanan")
    assert f'href="http://{opd_a.hostname}/layanan/legalisir/"' in html
    assert '>Layanan <span class="count">1</span>' in html
    assert "<mark>Legalisir</mark> Ijazah" in html
    layanan.is_published = False
    layanan.save()
    assert "Legalisir Ijazah" not in _text(client, portal_host, q="legalisir")


def test_internal_documents_are_not_found(client, opd_a, portal_host):
    from django.core.files.base import ContentFile

    from balai.documents.models import BalaiDocument

    document = BalaiDocument(
        title="Rencana anggaran rahasia", collection_id=opd_a.collection_id, is_public=False
    )
    document.file.save("a.txt", ContentFile(b"x"), save=False)
    document.save()
    assert "Rencana anggaran" not in _text(client, portal_host, q="anggaran")
    document.is_public = True
    document.save()
    assert "Rencana anggaran rahasia" in _text(client, portal_host, q="anggaran")


def test_kominfo_edits_synonyms_in_the_admin_and_they_apply_at_once(
    client, client_as, kominfo, operator_a, opd_a, portal_host
):
    _berita(opd_a, "Harga bahan pokok stabil menjelang Lebaran")
    assert "Harga bahan pokok" not in _text(client, portal_host, q="sembako")

    add_url = reverse("sinonim_pencarian:add")
    operator = client_as(operator_a)
    assert operator.get(add_url).status_code in (302, 403)
    operator.logout()

    admin = client_as(kominfo)
    refused = admin.post(add_url, {"terms": "sembako", "note": ""})
    assert refused.status_code == 200  # one term only: the form again, with a message
    assert "sedikitnya dua kata" in refused.content.decode()
    response = admin.post(add_url, {"terms": "sembako, bahan pokok", "note": "Kebutuhan pokok"})
    assert response.status_code == 302
    admin.logout()
    html = _html(client, portal_host, q="sembako")
    assert "Harga <mark>bahan</mark> <mark>pokok</mark>" in html


def test_the_results_page_sets_no_cookie_of_its_own(client, opd_a, portal_host):
    """Cacheable like the other public pages: whatever the shared layout sets (today the
    footer's language form sets the CSRF cookie), the search adds no cookie, no session."""
    _berita(opd_a, "Pasar murah Ramadan")
    news_list = client.get("/berita/", HTTP_HOST=portal_host)
    client.cookies.clear()
    response = client.get("/cari/", {"q": "pasar"}, HTTP_HOST=portal_host)
    assert response.status_code == 200
    assert set(response.cookies) <= set(news_list.cookies)
    assert "sessionid" not in response.cookies
    assert response.get("Vary", "") == news_list.get("Vary", "")


def test_common_words_are_counted_up_to_the_cap_and_ranked_among_recent_matches(
    client, opd_a, portal_host, monkeypatch
):
    from balai.search import backends, selectors

    monkeypatch.setattr(backends, "COUNT_CAP", 5)
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    monkeypatch.setattr(backends, "RANK_CANDIDATES", 4)
    for day in range(1, 9):
        _berita(opd_a, f"Sosialisasi layanan kependudukan hari {day}", date=dt.date(2026, 3, day))
    _berita(opd_a, "Layanan", summary="Layanan terpadu.", date=dt.date(2025, 1, 1))
    html = _html(client, portal_host, q="layanan")
    assert "Lebih dari 5 hasil" in html
    assert '>Berita <span class="count">5+</span>' in html
    # The best match is old: among the 4 most recent matches it does not take part.
    assert "hari 8" in html and "hari 5" in html
    assert "hari 4" not in html and "terpadu" not in html
    monkeypatch.setattr(backends, "RANK_CANDIDATES", 500)
    first = _html(client, portal_host, q="layanan").split('class="search-result"')[1]
    assert "terpadu" in first  # ranked first once it is a candidate


def test_bulk_loads_index_once_at_the_end_without_queued_index_tasks(client, opd_a, portal_host):
    from django_tasks_db.models import DBTaskResult

    from balai.search.indexing import bulk_indexing

    index_tasks = DBTaskResult.objects.filter(task_path__startswith="modelsearch")
    before = index_tasks.count()
    with bulk_indexing():
        _berita(opd_a, "Gelar budaya nusantara")
        assert "Gelar budaya" not in _text(client, portal_host, q="budaya")
    assert "Gelar budaya" in _text(client, portal_host, q="budaya")
    assert index_tasks.count() == before  # neither index left a task per object
    # Wagtail's own index (the admin's search) was rebuilt too.
    from wagtail.search.backends import get_search_backend

    found = get_search_backend().search("budaya", BeritaPage)
    assert [p.title for p in found] == ["Gelar budaya nusantara"]


def test_rebuild_command_rebuilds_from_scratch(client, opd_a, portal_host):
    from django.core.management import call_command

    from balai.search.models import SearchEntry

    page = _berita(opd_a, "Karnaval kemerdekaan")
    # Content written around the index (bulk SQL) is picked up by a rebuild.
    BeritaPage.objects.filter(pk=page.pk).update(summary="Pawai obor warga.")
    SearchEntry.objects.filter(object_id=page.pk).delete()
    assert "Karnaval" not in _text(client, portal_host, q="karnaval")
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Karnaval kemerdekaan" in _text(client, portal_host, q="obor")
    assert ContentType.objects.get_for_model(BeritaPage)  # content types untouched
