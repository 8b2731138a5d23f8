"""Every admin URL pattern, Wagtail's and Balai's, read from the URL resolver, is opened with the
ids of another OPD's objects by an operator and by an admin of OPD A; none may show OPD B's
titles, numbers or names.

Each URL parameter is filled by its name (``page_id`` → B's page, ``document_id`` → B's
document…) or, for ``pk``, by the model of the view (a ModelViewSet or snippet view carries it) or
by ``PK_MODELS``. A new admin URL whose parameters cannot be filled fails the test: classify it
here. A new OPD-owned model without an object of B below fails too.
"""

from __future__ import annotations

import re
import time

import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.models import Page

from balai.content.models import BeritaPage
from balai.core.tests.test_uploads import pdf_bytes, png_bytes
from balai.opd import access
from conftest import otp_verify

pytestmark = pytest.mark.django_db

B_PAGE = "Rapat Tertutup Betazeta"
B_DOC = "Notulen Betazeta"
B_IMAGE = "Foto Betazeta"
B_TEXT = "betazeta"  # inside every other B object's text (DIP, layanan, ticket, request, SMS…)

# Unnamed patterns that only shadow a named Wagtail pattern with a scoped view (balai/urls.py).
SHADOWS = {
    "admin/choose-page/<int:parent_page_id>/",
    "admin/reports/site-history/",
    "admin/reports/site-history/results/",
    "admin/reports/page-types-usage/",
    "admin/reports/page-types-usage/results/",
    "admin/reports/workflow/",
    "admin/reports/workflow/results/",
    "admin/bulk/<str:app_label>/<str:model_name>/<str:action>/",
    # Wagtail's own 404 pages of the admin (no object).
    "admin/test404/",
    "admin/^.*/$",
}
# URLs that carry no object of an OPD (a password-reset token, the login itself).
# Wagtail's deliberate error page (failwhale) is left out too.
NO_OBJECT = {"wagtailadmin_password_reset_confirm", "wagtailadmin_error_test"}

# Non-object path parameters, per URL name (or for every URL when the key is None).
FIXED = {
    "wagtailadmin_pages:add": {
        "content_type_app_name": "content",
        "content_type_model_name": "beritapage",
    },
    "wagtailadmin_pages:preview_on_add": {
        "content_type_app_name": "content",
        "content_type_model_name": "beritapage",
    },
    "wagtailadmin_pages:type_use": {
        "content_type_app_name": "content",
        "content_type_model_name": "beritapage",
    },
    "wagtailadmin_pages:type_use_results": {
        "content_type_app_name": "content",
        "content_type_model_name": "beritapage",
    },
    "wagtailadmin_pages:choose_parent": {"app_label": "content", "model_name": "beritapage"},
    "wagtailadmin_tag_model_autocomplete": {"app_name": "taggit", "model_name": "tag"},
    "wagtailadmin_workflows:add_task": {
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    },
    "wagtailadmin_editing_sessions:ping": {"app_label": "wagtailcore", "model_name": "page"},
    "wagtailsettings:edit": {"app_name": "opd", "model_name": "sitebranding"},
    "wagtailsettings:preview_on_edit": {"app_name": "opd", "model_name": "sitebranding"},
    "wagtail_bulk_action": {"app_label": "wagtailcore", "model_name": "page", "action": "delete"},
    "wagtailadmin_pages:workflow_action": {"action_name": "approve"},
    "wagtailadmin_pages:collect_workflow_action_data": {"action_name": "approve"},
    "wagtailadmin_api:pages:action": {"action_name": "copy"},
    "pemantauan_spam_action": {"action": "selesai"},
    "ppid_admin:register_download": {"jenis": "permohonan", "fmt": "pdf"},
    None: {"filter_spec": "original"},
}

# ``pk`` of views that do not carry their model.
PK_MODELS = {
    "wagtailadmin_api:pages:detail": "page",
    "wagtailadmin_api:pages:action": "page",
    "wagtailadmin_api:documents:detail": "document",
    "wagtailadmin_api:images:detail": "image",
    "wagtailadmin_pages:revisions_compare": "page",
    "wagtailadmin_collections:edit": "collection",
    "wagtailadmin_collections:delete": "collection",
    "wagtailadmin_workflows:enable": "workflow",
    "wagtailadmin_workflows:disable": "workflow",
    "wagtailadmin_workflows:edit": "workflow",
    "wagtailadmin_workflows:usage": "workflow",
    "wagtailadmin_workflows:usage_results": "workflow",
    "wagtailadmin_workflows:edit_task": "task",
    "wagtailadmin_workflows:disable_task": "task",
    "wagtailadmin_workflows:enable_task": "task",
    "wagtaildocs_chooser:chosen": "document",
    "wagtailimages_chooser:chosen": "image",
    "ppid_admin:detail": "permohonan",
    "ppid_admin:pemberitahuan": "permohonan",
    "ppid_admin:keberatan": "keberatan",
    "ppid_admin:penolakan": "permohonan",
    "aspirasi:attachment": "ticket",
    "wordpress_import_detail": "wp_import",
    "sms_retry": "outbound",
    "sms_release": "inbound",
    "wagtailsettings:edit": "site",
    "wagtailsettings:preview_on_edit": "site",
}

# Object parameters by name.
PARAMS = {
    "page_id": "page", "parent_page_id": "page", "page_to_move_id": "page", "page_pk": "page",
    "destination_id": "a_page", "object_id": "page",
    "revision_id": "revision", "revision_id_a": "revision", "revision_id_b": "revision",
    "document_id": "document", "doc_id": "document", "image_id": "image",
    "collection_id": "collection", "task_state_id": "task_state", "task_id": "task",
    "workflow_state_id": "workflow_state", "workflow_pk": "workflow",
    "uploaded_file_id": "uploaded_file", "session_id": "session", "redirect_id": "redirect",
    "opd_id": "opd", "alert_id": "spam_alert", "digest_id": "digest",
    "site_id": "external_site",
}  # fmt: skip


def admin_patterns():
    """(route, name, callback) of every pattern under /admin/."""
    found = []

    def walk(patterns, prefix="", namespace=None):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                walk(p.url_patterns, prefix + str(p.pattern), ns)
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if route.startswith("admin/"):
                    name = f"{namespace}:{p.name}" if namespace and p.name else p.name
                    found.append((route, name, p.callback))

    walk(get_resolver().url_patterns)
    return found


def route_params(route: str) -> list[str]:
    return [a or b for a, b in re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)]


@pytest.fixture
def b_world(make_opd, opd_a, make_user, run_tasks):
    """One object of every kind in OPD B (which requires approval, so a workflow is running)."""
    from django.utils import timezone
    from wagtail.admin.models import EditingSession
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import UploadedFile

    from balai.aspirasi import services as aspirasi
    from balai.aspirasi.models import RoutingRule
    from balai.documents.models import BalaiDocument
    from balai.images.models import BalaiImage
    from balai.layanan.models import Layanan, Loket, Maklumat, SurveyResponse
    from balai.migrasi.models import WordPressImport
    from balai.pemantauan.models import Digest, ExternalSite, Scorecard, SpamAlert
    from balai.ppid import services as ppid
    from balai.ppid.models import InformasiPublik, Keberatan, PetugasPPID
    from balai.sms.models import InboundSMS, OutboundSMS

    opd = make_opd("beta", name="Dinas Beta", short_name="Beta", requires_approval=True)
    operator = make_user("operator-betazeta", opd)
    admin = make_user("admin-betazeta", opd, role="admin")
    index = Page.objects.get(url_path="/beta/berita/")
    page = BeritaPage(title=B_PAGE, slug="rapat-betazeta", summary="ringkas")
    index.add_child(instance=page)
    page.save_revision(user=operator).publish(user=admin)
    revision = page.save_revision(user=operator)
    workflow = page.get_workflow()
    workflow_state = workflow.start(page, operator)
    doc = BalaiDocument.objects.create(
        title=B_DOC, file=ContentFile(pdf_bytes(), name="betazeta.pdf"), collection=opd.collection
    )
    image = BalaiImage.objects.create(
        title=B_IMAGE,
        file=ContentFile(png_bytes(), name="betazeta.png"),
        collection=opd.collection,
    )
    layanan = Layanan.objects.create(
        opd=opd, name="Layanan betazeta", slug="betazeta", category="lainnya"
    )
    permohonan = ppid.submit_request(
        ppid.DataPemohon(
            nama="Pemohon betazeta",
            nik="3273010101010001",
            alamat="Jl. betazeta",
            rincian="rincian betazeta",
            tujuan="tujuan",
            cara_memperoleh="melihat",
            cara_mendapatkan="email",
            email="betazeta@example.id",
        ),
        opd=opd,
        notify=False,
    )
    ticket = aspirasi.create_ticket(channel="web", text="Keluhan betazeta", opd=opd)
    objects = {
        "opd": opd,
        "ticket": ticket,
        "a_page": Page.objects.get(url_path="/alfa/berita/"),
        "page": page,
        "revision": revision,
        "workflow": workflow,
        "workflow_state": workflow_state,
        "task_state": workflow_state.current_task_state,
        "task": workflow_state.current_task_state.task,
        "document": doc,
        "image": image,
        "collection": opd.collection,
        "site": opd.site,
        "uploaded_file": UploadedFile.objects.create(
            file=ContentFile(b"x", name="betazeta.txt"), uploaded_by_user=operator
        ),
        "session": EditingSession.objects.create(
            user=operator, content_object=page, last_seen_at=timezone.now()
        ),
        "redirect": Redirect.objects.create(
            old_path="/betazeta-lama", site=opd.site, redirect_link="/betazeta-baru"
        ),
        "permohonan": permohonan,
        "keberatan": Keberatan.objects.create(
            permohonan=permohonan,
            alasan="c",
            uraian="keberatan betazeta",
            tenggat=timezone.localdate(),
        ),
        "outbound": OutboundSMS.objects.create(phone="6281200000009", text="Balasan betazeta"),
        "inbound": InboundSMS.objects.create(
            gateway="console",
            fingerprint="betazeta",
            phone="6281200000009",
            text="Lapor betazeta",
            received_at=timezone.now(),
        ),
        "spam_alert": SpamAlert.objects.create(opd=opd, kind="page", page=page, matched="betazeta"),
        "digest": Digest.objects.create(opd=opd, subject="Ringkasan betazeta", body="betazeta"),
        # Kominfo's list of sites not on Balai: no OPD may open it.
        "external_site": ExternalSite.objects.create(
            name="Situs lama betazeta", url="http://betazeta.invalid/"
        ),
        # B's WordPress import, failed with an error that names B's page.
        "wp_import": WordPressImport.objects.create(
            opd=opd,
            created_by=admin,
            export_path="betazeta.xml",
            status=WordPressImport.Status.FAILED,
            error=f"Gagal mengimpor {B_PAGE}",
        ),
    }
    by_model = {
        InformasiPublik: InformasiPublik.objects.create(
            opd=opd,
            judul="Informasi betazeta",
            ringkasan="r",
            kategori="berkala",
            unit_penguasa="u",
            penanggung_jawab="p",
            waktu_pembuatan="2026",
            tempat_pembuatan="t",
            retensi="5",
        ),
        Layanan: layanan,
        Maklumat: Maklumat.objects.create(
            opd=opd,
            signed_by="Kepala betazeta",
            signed_by_position="Kepala",
            signed_on=timezone.localdate(),
        ),
        SurveyResponse: SurveyResponse.objects.create(
            layanan=layanan,
            opd=opd,
            submitted_at=timezone.now(),
            service_date=timezone.localdate(),
            gender="P",
            age=30,
            education="sma",
            occupation="swasta",
            saran="saran betazeta",
            **{f"u{i}": 4 for i in range(1, 10)},
        ),
        PetugasPPID: PetugasPPID.objects.create(
            user=make_user("ppid-betazeta", opd), opd=opd, peran=PetugasPPID.Peran.PELAKSANA
        ),
        RoutingRule: RoutingRule.objects.create(keyword="betazeta", opd=opd),
        Loket: Loket.objects.create(
            opd=opd, layanan=layanan, name="Loket betazeta", key_hash="betazeta", key_hint="beta"
        ),
        ExternalSite: objects["external_site"],
        WordPressImport: objects["wp_import"],
        Scorecard: None,  # no admin URL takes a scorecard id
        type(ticket): ticket,
        type(operator): operator,
        type(opd.operator_group): opd.operator_group,
        type(opd.site): opd.site,
        type(opd): opd,
        type(page): page,
        Page: page,
        type(doc): doc,
        type(image): image,
    }
    objects["by_model"] = by_model
    return objects


def secrets(world) -> list[str]:
    return [B_PAGE, B_DOC, B_IMAGE, B_TEXT, world["permohonan"].nomor, world["ticket"].number]


def fill(route: str, name: str | None, callback, world) -> dict | str:
    """The kwargs for this URL with B's objects, or why the URL is not classified."""
    kwargs = {}
    model = getattr(callback, "view_initkwargs", {}).get("model")
    for param in route_params(route):
        fixed = {**FIXED.get(None, {}), **FIXED.get(name, {})}
        if param in fixed:
            kwargs[param] = fixed[param]
        elif param in PARAMS:
            kwargs[param] = world[PARAMS[param]].pk
        elif param == "pk" and name in PK_MODELS:
            kwargs[param] = world[PK_MODELS[name]].pk
        elif param == "pk" and model is not None:
            obj = world["by_model"].get(model)
            if obj is None and access.is_registered(model):
                return f"no object of OPD B for {model.__name__}: add one to b_world"
            kwargs[param] = obj.pk if obj is not None else 987654
        else:
            return f"parameter {param!r} is not classified"
    return kwargs


def test_no_admin_url_shows_another_opds_objects(client, make_user, opd_a, b_world):
    started = time.monotonic()
    words = secrets(b_world)
    urls, unclassified = [], []
    for route, name, callback in admin_patterns():
        if name is None:
            if route not in SHADOWS:
                unclassified.append(f"{route}: unnamed admin URL, not a known shadow")
            continue
        if name in NO_OBJECT:
            continue
        kwargs = fill(route, name, callback, b_world)
        if isinstance(kwargs, str):
            unclassified.append(f"{name} ({route}): {kwargs}")
            continue
        urls.append(reverse(name, kwargs=kwargs))
    assert unclassified == [], "classify these admin URLs:\n" + "\n".join(unclassified)
    assert len(urls) > 300  # Wagtail's and Balai's

    leaks, statuses = [], {}
    client.raise_request_exception = False  # a 500 is reported with the others, not raised
    for role in ("operator", "admin"):
        user = make_user(f"{role}-alfa", opd_a, role=role)
        client.force_login(user)
        otp_verify(client, user)
        assert client.get(reverse("wagtailadmin_home")).status_code == 200  # signed in for real
        for url in dict.fromkeys(urls):
            response = client.get(url)
            statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
            if getattr(response, "streaming", False):
                body = b"".join(response.streaming_content).decode(errors="ignore")
            else:
                body = response.content.decode(errors="ignore")
            shown = [w for w in words if w.lower() in body.lower()]
            if shown or response.status_code >= 500:
                leaks.append(f"{role} GET {url} [{response.status_code}] shows {shown}")
        client.logout()
    assert leaks == [], "\n".join(leaks)
    print(f"{len(urls)} URLs × 2 roles, statuses {statuses}, {time.monotonic() - started:.1f} s")
