"""Provisioning an OPD: what it creates, idempotency, all-or-nothing, the three entry points."""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Page,
    Revision,
    Site,
)

from balai.opd.models import OPD, SiteBranding
from balai.opd.provisioning import (
    SAMPLE_COLUMNS,
    OPDSpec,
    ProvisioningError,
    import_opds_csv,
    provision_opd,
)

pytestmark = pytest.mark.django_db

EXPECTED_TREE = {
    "": "opdhomepage",
    "profil/": "profilpage",
    "profil/visi-misi/": "visimisipage",
    "profil/struktur-organisasi/": "strukturorganisasipage",
    "profil/tugas-fungsi/": "tugasfungsipage",
    "profil/profil-pimpinan/": "profilpimpinanpage",
    "berita/": "beritaindexpage",
    "pengumuman/": "pengumumanindexpage",
    "agenda/": "agendaindexpage",
    "galeri/": "galeriindexpage",
    "dokumen/": "dokumenindexpage",
    "layanan/": "layananindexpage",
    "ppid/": "ppidpage",
    "kontak/": "kontakpage",
}


def counts() -> dict[str, int]:
    return {
        "opd": OPD.objects.count(),
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "sites": Site.objects.count(),
        "collections": Collection.objects.count(),
        "groups": Group.objects.count(),
        "page_perms": GroupPagePermission.objects.count(),
        "collection_perms": GroupCollectionPermission.objects.count(),
        "site_perms": GroupSitePermission.objects.count(),
        "branding": SiteBranding.objects.count(),
    }


def spec(**overrides) -> OPDSpec:
    values = {
        "name": "Dinas Kesehatan",
        "short_name": "Dinkes",
        "slug": "dinkes",
        "jenis": "dinas",
        "kepala_nama": "dr. Ratna",
        "kepala_nip": "197203151998032004",
        "phone": "(0751) 123401",
        "email": "dinkes@kotacontoh.go.id",
    }
    values.update(overrides)
    return OPDSpec(**values)


def test_provisioning_creates_site_tree_collection_groups_and_settings(portal, client):
    opd = provision_opd(spec(primary_colour="#0b7a4b")).opd

    assert opd.site.hostname == "dinkes.localhost"
    home = opd.site.root_page.specific
    for suffix, model in EXPECTED_TREE.items():
        page = Page.objects.get(url_path=f"/dinkes/{suffix}")
        assert page.specific_class._meta.model_name == model
        assert page.live
    assert home.get_descendants().count() == len(EXPECTED_TREE) - 1
    assert opd.collection.name == "Dinas Kesehatan"
    assert opd.operator_group.name == "Operator Dinkes"
    assert opd.admin_group.name == "Admin Dinkes"
    assert GroupPagePermission.objects.filter(group=opd.operator_group, page=home).exists()
    assert GroupCollectionPermission.objects.filter(
        group=opd.operator_group, collection=opd.collection
    ).exists()
    assert SiteBranding.for_site(opd.site).primary_colour == "#0b7a4b"

    # ... and the site answers on its own hostname at once.
    response = client.get("/", HTTP_HOST="dinkes.localhost")
    assert response.status_code == 200
    assert "Dinas Kesehatan" in response.content.decode()
    response = client.get("/berita/", HTTP_HOST="dinkes.localhost:8000")
    assert response.status_code == 200


def test_provisioning_twice_changes_nothing(portal):
    first = provision_opd(spec())
    before = counts()
    second = provision_opd(spec())
    assert first.created and not second.created
    assert second.changes == []
    assert counts() == before


def test_provisioning_completes_a_half_made_opd_without_touching_content(portal):
    opd = provision_opd(spec()).opd
    berita = Page.objects.get(url_path="/dinkes/berita/").specific
    berita.title = "Kabar Dinkes"
    berita.save_revision().publish()
    Page.objects.get(url_path="/dinkes/kontak/").delete()

    result = provision_opd(spec())

    assert Page.objects.get(url_path="/dinkes/berita/").title == "Kabar Dinkes"
    assert Page.objects.filter(url_path="/dinkes/kontak/").exists()
    assert result.opd == opd and not result.created


def test_failure_leaves_no_half_made_opd(portal):
    # The hostname is taken by a site that is not this OPD's: provisioning fails late, after the
    # OPD row, pages, collection and groups were made, and must roll all of them back.
    Site.objects.create(hostname="dinkes.localhost", port=80, root_page=Page.objects.get(depth=1))
    before = counts()
    with pytest.raises(ProvisioningError) as excinfo:
        provision_opd(spec())
    assert "sudah dipakai" in str(excinfo.value)
    assert counts() == before
    assert not Page.objects.filter(slug="dinkes").exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"slug": "Dinas Kesehatan!"}, "huruf kecil"),
        ({"slug": "www"}, "dipakai sistem"),
        ({"jenis": "kementerian"}, "tidak dikenal"),
        ({"jenis": "kelurahan", "slug": "sukamaju"}, "harus berinduk ke Kecamatan"),
        ({"kepala_nip": "12345"}, "18 angka"),
        ({"email": "bukan-email"}, "e-mail"),
        ({"parent_slug": "tidak-ada"}, "belum ada"),
    ],
)
def test_bad_input_is_refused_with_a_clear_message(portal, overrides, message):
    before = counts()
    with pytest.raises(ProvisioningError) as excinfo:
        provision_opd(spec(**overrides))
    assert message.lower() in " ".join(excinfo.value.messages).lower()
    assert counts() == before


def test_kelurahan_belongs_to_a_kecamatan(portal):
    kec = provision_opd(
        spec(name="Kecamatan Utara", short_name="Kec. Utara", slug="kec-utara", jenis="kecamatan")
    ).opd
    kel = provision_opd(
        spec(
            name="Kelurahan Sukamaju",
            short_name="Sukamaju",
            slug="sukamaju",
            jenis="kelurahan",
            parent_slug="kec-utara",
        )
    ).opd
    assert kel.parent == kec
    assert list(kec.children.all()) == [kel]


def test_management_command_provisions_and_reports_errors(portal):
    out = io.StringIO()
    call_command(
        "provision_opd",
        "--name",
        "Dinas Sosial",
        "--short-name",
        "Dinsos",
        "--slug",
        "dinsos",
        "--jenis",
        "dinas",
        stdout=out,
    )
    assert "dibuat" in out.getvalue()
    assert OPD.objects.get(slug="dinsos").site.hostname == "dinsos.localhost"
    with pytest.raises(CommandError, match="dipakai sistem"):
        call_command(
            "provision_opd",
            "--name",
            "X",
            "--short-name",
            "X",
            "--slug",
            "admin",
            "--jenis",
            "dinas",
        )


def test_sample_csv_imports_every_opd_parents_first_and_twice_is_a_no_op(portal, settings):
    data = (settings.BASE_DIR / "deploy" / "opd-contoh.csv").read_bytes()
    result = import_opds_csv(data)
    assert result.created == 16
    assert OPD.objects.get(slug="sukamaju").parent.slug == "kec-utara"
    assert Site.objects.filter(hostname__endswith=".localhost").count() == 16
    before = counts()
    again = import_opds_csv(data)
    assert again.created == 0 and again.unchanged == 16
    assert counts() == before


def test_csv_with_one_bad_row_imports_nothing(portal):
    header = ",".join(SAMPLE_COLUMNS[:5])
    data = "\n".join(
        [
            header,
            "Dinas Sosial,Dinsos,dinsos,dinas,",
            "Kelurahan Yatim,Yatim,yatim,kelurahan,",  # a kelurahan without its kecamatan
            ",,,,",
        ]
    )
    before = counts()
    with pytest.raises(ProvisioningError) as excinfo:
        import_opds_csv(data)
    assert any("yatim" in m for m in excinfo.value.messages)
    assert counts() == before


def test_csv_without_header_is_refused():
    with pytest.raises(ProvisioningError, match="nama kolom"):
        import_opds_csv("Dinas Sosial,Dinsos,dinsos,dinas\n")
