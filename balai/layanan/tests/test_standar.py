"""Standar pelayanan completeness is computed; publishing incomplete needs acknowledgement."""

import pytest
from django.core.exceptions import ValidationError

from balai.layanan.models import Layanan
from balai.layanan.services import complete_q, missing_components, validate_for_publishing

pytestmark = pytest.mark.django_db


def test_missing_components_are_computed(opd_a, make_layanan):
    full = make_layanan(opd_a, "a")
    assert missing_components(full)["public"] == []
    assert "Dasar hukum" in missing_components(full)["internal"]
    assert len(missing_components(full)["internal"]) == 8
    bare = Layanan(opd=opd_a, name="Kosong", slug="kosong", category="sosial")
    assert missing_components(bare)["public"] == [
        "Persyaratan",
        "Sistem, mekanisme, dan prosedur",
        "Jangka waktu pelayanan",
        "Biaya/tarif",
        "Produk pelayanan",
        "Penanganan pengaduan, saran, dan masukan",
    ]


def test_paid_service_needs_amount_and_legal_basis(opd_a, make_layanan):
    paid = make_layanan(opd_a, "izin", biaya_gratis=False, biaya=150000)
    assert "Biaya/tarif" in paid.missing_public
    paid.biaya_dasar_hukum = "Perda No. 3 Tahun 2024 tentang Retribusi"
    assert paid.is_complete and paid.biaya_display == "Rp 150.000"


def test_query_rule_matches_python_rule(opd_a, make_layanan):
    make_layanan(opd_a, "a")
    make_layanan(opd_a, "b", produk="")
    make_layanan(opd_a, "c", jangka_waktu=None)
    make_layanan(opd_a, "d", biaya_gratis=False, biaya=5000)
    make_layanan(opd_a, "e", biaya_gratis=False, biaya=5000, biaya_dasar_hukum="Perda 1/2024")
    in_db = set(Layanan.objects.filter(complete_q()).values_list("slug", flat=True))
    in_py = {s.slug for s in Layanan.objects.all() if s.is_complete}
    assert in_db == in_py == {"a", "e"}


def test_whitespace_only_component_is_missing_in_both_rules(opd_a, make_layanan):
    """Spaces, tabs or line breaks alone are not a component (one rule for Python and SQL)."""
    make_layanan(opd_a, "spasi", produk="   ")
    make_layanan(opd_a, "baris", pengaduan="\n\t \n")
    make_layanan(opd_a, "dasar", biaya_gratis=False, biaya=5000, biaya_dasar_hukum="  ")
    make_layanan(opd_a, "isi", produk="  KTP elektronik  ")
    in_db = set(Layanan.objects.filter(complete_q()).values_list("slug", flat=True))
    in_py = {s.slug for s in Layanan.objects.all() if s.is_complete}
    assert in_db == in_py == {"isi"}
    assert "Produk pelayanan" in Layanan.objects.get(slug="spasi").missing_public


def test_publishing_incomplete_needs_acknowledgement(opd_a):
    layanan = Layanan(
        opd=opd_a, name="Akta", slug="akta", category="kependudukan", is_published=True
    )
    with pytest.raises(ValidationError) as error:
        validate_for_publishing(layanan)
    assert "Komponen publik belum lengkap" in str(error.value)
    layanan.incomplete_acknowledged = True
    validate_for_publishing(layanan)  # accepted, and shown as incomplete
    assert not layanan.is_complete


def test_admin_refuses_to_publish_incomplete_and_scopes_to_own_opd(
    client_as, operator_a, opd_a, opd_b, make_layanan
):
    other = make_layanan(opd_b, "milik-beta", name="Milik Beta")
    client = client_as(operator_a)
    index = client.get("/admin/layanan/")
    assert index.status_code == 200 and "Milik Beta" not in index.content.decode()
    assert client.get(f"/admin/layanan/edit/{other.pk}/").status_code == 404
    form = {
        "opd": opd_a.pk,
        "name": "Akta Kematian",
        "slug": "akta-kematian",
        "category": "kependudukan",
        "jangka_waktu_satuan": "hari_kerja",
        "kanal": "offline",
        "is_published": "on",
    }
    response = client.post("/admin/layanan/new/", form)
    assert response.status_code == 200
    assert "Komponen publik belum lengkap" in response.content.decode()
    assert not Layanan.objects.filter(slug="akta-kematian").exists()
    form["incomplete_acknowledged"] = "on"
    response = client.post("/admin/layanan/new/", form)
    assert response.status_code == 302
    created = Layanan.objects.get(slug="akta-kematian")
    assert created.opd == opd_a and created.is_published and not created.is_complete
