"""PPID in the Wagtail admin: the request queue, the DIP (scoped to the user's OPDs) and the
PPID officers (Kominfo only)."""

from __future__ import annotations

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet

from balai.opd.scoping import OPDScopedViewSet
from balai.ppid import admin_views
from balai.ppid.models import InformasiPublik, PetugasPPID

app_name = "ppid_admin"
admin_urlpatterns = [
    path("", admin_views.antrean, name="antrean"),
    path("baru/", admin_views.baru, name="baru"),
    path("permohonan/<int:pk>/", admin_views.detail, name="detail"),
    path("permohonan/<int:pk>/pemberitahuan.pdf", admin_views.pemberitahuan, name="pemberitahuan"),
    path("permohonan/<int:pk>/penolakan.pdf", admin_views.penolakan, name="penolakan"),
    path("keberatan/<int:pk>/", admin_views.keberatan, name="keberatan"),
    path("register/", admin_views.register, name="register"),
    path(
        "register/<str:jenis>.<str:fmt>",
        admin_views.register_download,
        name="register_download",
    ),
    path("laporan/", admin_views.laporan, name="laporan"),
]


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("ppid/", include((admin_urlpatterns, "ppid_admin"), namespace="ppid_admin"))]


class AntreanMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.is_officer(request.user)


@hooks.register("register_admin_menu_item")
def register_menu():
    return AntreanMenuItem(
        _("Permohonan informasi"),
        reverse("ppid_admin:antrean"),
        icon_name="clipboard-list",
        order=260,
    )


class InformasiPublikViewSet(OPDScopedViewSet):
    model = InformasiPublik
    icon = "list-ul"
    menu_label = _("Daftar Informasi Publik")
    add_to_admin_menu = True
    menu_order = 261
    url_prefix = "ppid/dip"
    list_display = ["judul", "opd", "kategori", "diperbarui_pada"]
    list_filter = ["kategori"]
    search_fields = ["judul", "ringkasan"]
    form_fields = [
        "opd",
        "judul",
        "ringkasan",
        "kategori",
        "unit_penguasa",
        "penanggung_jawab",
        "waktu_pembuatan",
        "tempat_pembuatan",
        "bentuk",
        "retensi",
        "dokumen",
        "halaman",
        "tautan",
        "pasal_pengecualian",
        "uji_konsekuensi",
        "dokumen_uji_konsekuensi",
        "masa_pengecualian",
        "diperbarui_pada",
    ]


class PetugasPPIDViewSet(ModelViewSet):
    model = PetugasPPID
    icon = "user"
    menu_label = _("Petugas PPID")
    add_to_settings_menu = True
    url_prefix = "ppid/petugas"
    list_display = ["user", "peran", "opd", "aktif"]
    form_fields = ["user", "peran", "opd", "aktif"]


@hooks.register("register_admin_viewset")
def register_viewsets():
    return [InformasiPublikViewSet("ppid_dip"), PetugasPPIDViewSet("ppid_petugas")]
