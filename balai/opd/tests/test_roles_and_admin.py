"""Roles through the admin: provisioning form, CSV import, operators, workflows, dashboard,
deactivation, language, login throttling."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import ModelLogEntry, Page, WorkflowState

from balai.content.models import BeritaPage
from balai.opd.models import OPD
from conftest import otp_verify

pytestmark = pytest.mark.django_db


def news_post_data(title: str, action: str | None = "action-publish") -> dict:
    data = {
        "title": title,
        "slug": title.lower().replace(" ", "-"),
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


def add_news_url(opd: OPD) -> str:
    index = Page.objects.get(url_path=f"/{opd.slug}/berita/")
    return reverse("wagtailadmin_pages:add", args=["content", "beritapage", index.pk])


# --- provisioning through the admin ------------------------------------------------------------


def test_kominfo_provisions_an_opd_with_the_admin_form(client_as, kominfo, portal):
    response = client_as(kominfo).post(
        reverse("opd:add"),
        {
            "name": "Dinas Perhubungan",
            "short_name": "Dishub",
            "slug": "dishub",
            "jenis": "dinas",
            "kepala_nip": "",
            "email": "dishub@kotacontoh.go.id",
        },
    )
    assert response.status_code == 302
    opd = OPD.objects.get(slug="dishub")
    assert opd.site.hostname == "dishub.localhost"
    assert Page.objects.filter(url_path="/dishub/kontak/").exists()
    assert ModelLogEntry.objects.filter(
        action="balai.opd.provision", object_id=str(opd.pk)
    ).exists()


def test_admin_form_shows_provisioning_errors_and_creates_nothing(client_as, kominfo, portal):
    response = client_as(kominfo).post(
        reverse("opd:add"),
        {"name": "Kelurahan Tanpa Induk", "short_name": "KTI", "slug": "kti", "jenis": "kelurahan"},
    )
    assert response.status_code == 200
    assert "harus berinduk ke Kecamatan" in response.content.decode()
    assert not OPD.objects.exists()


def test_nobody_deletes_an_opd_it_is_deactivated_instead(client_as, kominfo, opd_a):
    response = client_as(kominfo).post(reverse("opd:delete", args=[opd_a.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert OPD.objects.filter(pk=opd_a.pk).exists()


def test_opd_admin_cannot_create_opds(client_as, admin_a):
    response = client_as(admin_a).get(reverse("opd:add"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")


def test_csv_import_through_the_admin(client_as, kominfo, portal, settings):
    data = (settings.BASE_DIR / "deploy" / "opd-contoh.csv").read_bytes()
    response = client_as(kominfo).post(
        reverse("opd_import"), {"file": SimpleUploadedFile("opd.csv", data)}
    )
    assert response.status_code == 200
    assert "16 OPD baru" in response.content.decode()
    assert OPD.objects.count() == 16


def test_csv_import_is_kominfo_only(client_as, admin_a):
    response = client_as(admin_a).get(reverse("opd_import"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")
    assert not OPD.objects.exclude(slug="alfa").exists()


# --- operators ---------------------------------------------------------------------------------


def operator_form(opd, username="operator-baru", password="Kuat-Sekali-2026!", role="operator"):
    return {
        "username": username,
        "first_name": "Operator",
        "last_name": "Baru",
        "email": f"{username}@example.go.id",
        "opd": opd.pk,
        "role": role,
        "password1": password,
        "password2": password,
    }


def test_opd_admin_adds_an_operator_who_can_work_at_once(client, client_as, admin_a, opd_a):
    response = client_as(admin_a).post(reverse("operator:add"), operator_form(opd_a))
    assert response.status_code == 302
    client.logout()
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "operator-baru", "password": "Kuat-Sekali-2026!"},
    )
    response = client.get(add_news_url(opd_a))
    assert response.status_code == 200


def test_opd_admin_cannot_add_an_operator_to_another_opd(client_as, admin_a, opd_b):
    response = client_as(admin_a).post(reverse("operator:add"), operator_form(opd_b))
    assert response.status_code == 200
    assert not opd_b.operator_group.user_set.exists()


def test_weak_password_is_refused_with_a_clear_message(client_as, admin_a, opd_a):
    response = client_as(admin_a).post(
        reverse("operator:add"), operator_form(opd_a, password="password1")
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert "terlalu umum" in body or "too common" in body
    assert not opd_a.operator_group.user_set.filter(username="operator-baru").exists()


def test_operator_cannot_manage_accounts(client_as, operator_a):
    response = client_as(operator_a).get(reverse("operator:index"), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wagtailadmin_home")


def test_opd_admin_promotes_and_deactivates_an_operator(client_as, admin_a, operator_a, opd_a):
    response = client_as(admin_a).post(
        reverse("operator:edit", args=[operator_a.pk]),
        {
            "first_name": "Op",
            "last_name": "A",
            "email": "op@example.go.id",
            "role": "admin",
            "password1": "",
            "password2": "",
        },  # fmt: skip (is_active unchecked)
    )
    assert response.status_code == 302
    operator_a.refresh_from_db()
    assert not operator_a.is_active
    assert operator_a.groups.filter(pk=opd_a.admin_group_id).exists()
    assert not operator_a.groups.filter(pk=opd_a.operator_group_id).exists()


# --- publishing: direct or through the OPD's approval workflow ---------------------------------


def test_operator_publishes_directly_when_the_opd_has_no_workflow(
    client, client_as, operator_a, opd_a
):
    response = client_as(operator_a).post(add_news_url(opd_a), news_post_data("Posyandu Balita"))
    assert response.status_code == 302
    page = BeritaPage.objects.get(title="Posyandu Balita")
    assert page.live
    client.logout()
    assert client.get("/berita/posyandu-balita/", HTTP_HOST=opd_a.hostname).status_code == 200


def test_operator_submits_for_approval_and_the_opd_admin_approves(client, make_opd, make_user):
    opd = make_opd("gamma", requires_approval=True)
    operator = make_user("operator-gamma", opd)
    admin = make_user("admin-gamma", opd, role="admin")
    client.force_login(operator, backend="django.contrib.auth.backends.ModelBackend")

    # "Publish" is not the operator's to press: the page stays a draft.
    client.post(add_news_url(opd), news_post_data("Vaksinasi Lansia"))
    page = BeritaPage.objects.get(title="Vaksinasi Lansia")
    assert not page.live

    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        news_post_data("Vaksinasi Lansia", action="action-submit"),
    )
    page.refresh_from_db()
    state = page.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert client.get("/berita/vaksinasi-lansia/", HTTP_HOST=opd.hostname).status_code == 404

    client.force_login(admin, backend="django.contrib.auth.backends.ModelBackend")
    otp_verify(client, admin)  # OPD admins sign in with a second factor
    response = client.get(reverse("wagtailadmin_home"))
    assert "Vaksinasi Lansia" in response.content.decode()  # waiting on the admin's dashboard
    task_state = state.current_task_state
    response = client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )
    page.refresh_from_db()
    assert page.live
    assert client.get("/berita/vaksinasi-lansia/", HTTP_HOST=opd.hostname).status_code == 200


def test_switching_to_approval_removes_the_operators_publish_right(
    client_as, admin_a, operator_a, opd_a
):
    client_as(admin_a).post(
        reverse("opd:edit", args=[opd_a.pk]),
        {"requires_approval": "on", "kepala_nip": "", "email": ""},
    )
    opd_a.refresh_from_db()
    assert opd_a.requires_approval
    perms = opd_a.root_page.permissions_for_user(operator_a)
    assert not perms.can_publish()


# --- dashboard and language --------------------------------------------------------------------


def test_opd_dashboard_in_indonesian_with_a_write_news_button(client_as, operator_a, opd_a):
    # Indonesian even for a browser that asks for English first.
    body = (
        client_as(operator_a)
        .get(reverse("wagtailadmin_home"), HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
        .content.decode()
    )
    assert "Tulis berita" in body
    assert add_news_url(opd_a) in body
    assert 'lang="id-id"' in body
    assert "Dasbor" in body  # Wagtail's own admin strings, in Bahasa Indonesia


def test_admin_in_english_when_the_user_chooses_it(client_as, operator_a):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(operator_a)
    profile.preferred_language = "en"
    profile.save()
    body = client_as(operator_a).get(reverse("wagtailadmin_home")).content.decode()
    assert "Dashboard" in body


# --- deactivation ------------------------------------------------------------------------------


def test_deactivated_site_shows_a_notice_keeps_content_and_comes_back(
    client, client_as, kominfo, opd_a
):
    pages_before = Page.objects.descendant_of(opd_a.root_page).count()
    client_as(kominfo).post(
        reverse("opd:edit", args=[opd_a.pk]),
        {
            "name": opd_a.name,
            "short_name": opd_a.short_name,
            "jenis": "dinas",
            "kepala_nip": "",
            "email": "",
        },  # is_active unchecked
    )
    opd_a.refresh_from_db()
    assert not opd_a.is_active
    client.logout()
    response = client.get("/berita/", HTTP_HOST=opd_a.hostname)
    assert response.status_code == 503
    assert "Situs sedang tidak aktif" in response.content.decode()
    assert Page.objects.descendant_of(opd_a.root_page).count() == pages_before
    assert ModelLogEntry.objects.filter(action="balai.opd.deactivate").exists()

    client_as(kominfo).post(
        reverse("opd:edit", args=[opd_a.pk]),
        {
            "name": opd_a.name,
            "short_name": opd_a.short_name,
            "jenis": "dinas",
            "kepala_nip": "",
            "email": "",
            "is_active": "on",
        },
    )
    client.logout()
    assert client.get("/berita/", HTTP_HOST=opd_a.hostname).status_code == 200


# --- login security ----------------------------------------------------------------------------


def test_repeated_failed_logins_lock_the_account(client, operator_a, settings):
    url = reverse("wagtailadmin_login")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(url, {"username": "operator-alfa", "password": "salah"})
    response = client.post(url, {"username": "operator-alfa", "password": "Uji-Balai-2026!"})
    assert response.status_code == 429
    assert "terkunci" in response.content.decode()
    assert not response.wsgi_request.user.is_authenticated
    assert ModelLogEntry.objects.filter(action="balai.auth.login_failed").count() >= 1


def test_successful_login_is_audit_logged_with_the_address(client, operator_a):
    client.post(
        reverse("wagtailadmin_login"),
        {"username": "operator-alfa", "password": "Uji-Balai-2026!"},
        REMOTE_ADDR="10.1.2.3",
    )
    entry = ModelLogEntry.objects.get(action="balai.auth.login")
    assert entry.user == operator_a and entry.data["ip"] == "10.1.2.3"


def test_language_follows_the_persons_choice_not_the_browser(client):
    login = reverse("wagtailadmin_login")
    english_browser = {"HTTP_ACCEPT_LANGUAGE": "en-US,en;q=0.9"}
    assert 'lang="id-id"' in client.get(login, **english_browser).content.decode()
    client.post(reverse("set_language"), {"language": "en", "next": login})
    assert 'lang="en"' in client.get(login).content.decode()
    client.post(reverse("set_language"), {"language": "id-id", "next": login})
    assert 'lang="id-id"' in client.get(login, **english_browser).content.decode()
