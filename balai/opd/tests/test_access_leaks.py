"""The leaks found in issue 12 stay closed: the admin API, DIP/layanan copy and form choices,
Wagtail's move confirmation and bulk-action confirmations show nothing of another OPD."""

from __future__ import annotations

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page

from balai.content.models import BeritaPage
from balai.core.tests.test_uploads import pdf_bytes, png_bytes
from balai.documents.models import BalaiDocument
from balai.images.models import BalaiImage
from balai.layanan.models import Layanan
from balai.opd import access
from balai.ppid.models import InformasiPublik

pytestmark = pytest.mark.django_db

B_PAGE = "Rapat Tertutup Beta"
B_DOC = "Notulen Rahasia Beta"
B_IMAGE = "Foto Internal Beta"
B_DIP = "Informasi Daftar Beta"
B_LAYANAN = "Layanan Khusus Beta"
SECRETS = (B_PAGE, B_DOC, B_IMAGE, B_DIP, B_LAYANAN, "Dinas Beta")


def _page(opd, title, user):
    index = Page.objects.get(url_path=f"/{opd.slug}/berita/")
    page = BeritaPage(title=title, slug=title.lower().replace(" ", "-"), summary="ringkas")
    index.add_child(instance=page)
    page.save_revision(user=user).publish(user=user)
    return page


def _dip(opd, judul, **extra):
    return InformasiPublik.objects.create(
        opd=opd,
        judul=judul,
        ringkasan="r",
        kategori="berkala",
        unit_penguasa="u",
        penanggung_jawab="p",
        waktu_pembuatan="2026",
        tempat_pembuatan="t",
        retensi="5 tahun",
        **extra,
    )


@pytest.fixture
def b(opd_b, operator_b):
    doc = BalaiDocument.objects.create(
        title=B_DOC, file=ContentFile(pdf_bytes(), name="beta.pdf"), collection=opd_b.collection
    )
    image = BalaiImage.objects.create(
        title=B_IMAGE, file=ContentFile(png_bytes(), name="beta.png"), collection=opd_b.collection
    )
    page = _page(opd_b, B_PAGE, operator_b)
    dip = _dip(opd_b, B_DIP, dokumen=doc, halaman=page)
    layanan = Layanan.objects.create(opd=opd_b, name=B_LAYANAN, slug="khusus", category="lainnya")
    return {"doc": doc, "image": image, "page": page, "dip": dip, "layanan": layanan}


@pytest.fixture
def a(opd_a, operator_a):
    doc = BalaiDocument.objects.create(
        title="Dokumen Alfa",
        file=ContentFile(pdf_bytes(), name="a.pdf"),
        collection=opd_a.collection,
    )
    return {"doc": doc, "page": _page(opd_a, "Berita Alfa", operator_a)}


def _shown(response) -> list[str]:
    body = response.content.decode(errors="ignore")
    return [s for s in SECRETS if s in body]


@pytest.mark.parametrize("role", ["operator", "admin"])
def test_admin_api_lists_only_own_documents_and_images(client_as, make_user, opd_a, a, b, role):
    client = client_as(make_user(f"{role}-a", opd_a, role=role))
    docs = client.get("/admin/api/main/documents/").json()
    assert [d["title"] for d in docs["items"]] == ["Dokumen Alfa"]
    images = client.get("/admin/api/main/images/").json()
    assert images["items"] == []
    for url in (
        f"/admin/api/main/documents/{b['doc'].pk}/",
        f"/admin/api/main/images/{b['image'].pk}/",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert _shown(response) == []


def test_kominfo_still_sees_every_document_in_the_api(client_as, kominfo, a, b):
    titles = {
        d["title"] for d in client_as(kominfo).get("/admin/api/main/documents/").json()["items"]
    }
    assert titles == {"Dokumen Alfa", B_DOC}


def test_dip_copy_of_another_opds_item_is_404(client_as, admin_a, b):
    response = client_as(admin_a).get(reverse("ppid_dip:copy", args=[b["dip"].pk]))
    assert response.status_code == 404
    assert _shown(response) == []


def test_dip_forms_offer_only_the_users_opd_pages_and_documents(client_as, admin_a, opd_a, a, b):
    client = client_as(admin_a)
    own = _dip(opd_a, "Informasi Alfa", dokumen=a["doc"], halaman=a["page"])
    for url in (reverse("ppid_dip:add"), reverse("ppid_dip:copy", args=[own.pk])):
        response = client.get(url)
        assert response.status_code == 200
        form = response.context["form"]
        assert list(form.fields["opd"].queryset) == [opd_a]
        pages = set(form.fields["halaman"].queryset.values_list("pk", flat=True))
        assert b["page"].pk not in pages and a["page"].pk in pages
        assert list(form.fields["dokumen"].queryset) == [a["doc"]]
        assert _shown(response) == [], url


def test_dip_post_with_another_opds_document_is_refused(client_as, admin_a, opd_a, b):
    response = client_as(admin_a).post(
        reverse("ppid_dip:add"),
        {
            "opd": opd_a.pk,
            "judul": "Coba",
            "ringkasan": "r",
            "kategori": "berkala",
            "unit_penguasa": "u",
            "penanggung_jawab": "p",
            "waktu_pembuatan": "2026",
            "tempat_pembuatan": "t",
            "bentuk": "keduanya",
            "retensi": "5",
            "dokumen": b["doc"].pk,
            "diperbarui_pada": "2026-01-02",
        },
    )
    assert response.status_code == 200  # the form again, with an error on dokumen
    assert "dokumen" in response.context["form"].errors
    assert not InformasiPublik.objects.filter(judul="Coba").exists()


def test_layanan_copy_offers_only_the_users_opd(client_as, admin_a, opd_a, b):
    client = client_as(admin_a)
    assert client.get(reverse("layanan:copy", args=[b["layanan"].pk])).status_code == 404
    own = Layanan.objects.create(opd=opd_a, name="Layanan Alfa", slug="alfa", category="lainnya")
    response = client.get(reverse("layanan:copy", args=[own.pk]))
    assert response.status_code == 200
    assert list(response.context["form"].fields["opd"].queryset) == [opd_a]
    assert _shown(response) == []


@pytest.mark.parametrize("role", ["operator", "admin"])
def test_move_confirm_and_bulk_confirmations_hide_another_opds_page(
    client_as, make_user, opd_a, a, b, role
):
    client = client_as(make_user(f"{role}-a", opd_a, role=role))
    a_index = a["page"].get_parent()
    urls = [
        reverse("wagtailadmin_pages:move_confirm", args=[b["page"].pk, a_index.pk]),
        reverse("wagtailadmin_pages:move_confirm", args=[a["page"].pk, b["page"].get_parent().pk]),
    ]
    for action in ("delete", "unpublish", "move", "publish"):
        urls.append(
            reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
            + f"?id={b['page'].pk}&id={a['page'].pk}"
        )
    for obj in (b["doc"], b["image"]):
        model = type(obj)._meta
        for action in ("delete", "add_to_collection", "add_tags"):
            urls.append(
                reverse("wagtail_bulk_action", args=[model.app_label, model.model_name, action])
                + f"?id={obj.pk}"
            )
    for url in urls:
        response = client.get(url)
        assert response.status_code in (200, 302, 403, 404), url
        assert _shown(response) == [], f"{url} shows {_shown(response)}"
    # The user's own page still appears in the bulk confirmation (the filter is not blanket).
    response = client.get(
        reverse("wagtail_bulk_action", args=["wagtailcore", "page", "unpublish"])
        + f"?id={a['page'].pk}"
    )
    assert "Berita Alfa" in response.content.decode()


def test_bulk_delete_post_leaves_another_opds_page(client_as, admin_a, b):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client_as(admin_a).post(url + f"?id={b['page'].pk}")
    assert Page.objects.filter(pk=b["page"].pk).exists()


def test_access_module_answers_for_each_kind(operator_a, kominfo, a, b):
    for obj in (b["doc"], b["image"], b["page"], b["dip"], b["layanan"]):
        assert not access.can_see(operator_a, obj), obj
        assert access.can_see(kominfo, obj)
    assert access.can_see(operator_a, a["doc"]) and access.can_see(operator_a, a["page"])
    assert list(access.choices(operator_a, BalaiDocument)) == [a["doc"]]
