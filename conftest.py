"""Fixtures shared by every test: the portal, provisioned OPDs, users of each role, the worker."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

DEMO_PASSWORD = "Uji-Balai-2026!"  # noqa: S105


def pytest_collection_modifyitems(config, items):
    """Tests marked ``postgres`` run in the PostgreSQL suite only."""
    if settings.IS_POSTGRES:
        return
    skip = pytest.mark.skip(reason="needs PostgreSQL (DATABASE_URL=postgres://…)")
    for item in items:
        if item.get_closest_marker("postgres"):
            item.add_marker(skip)


@pytest.fixture(autouse=True)
def _isolated_media(settings, tmp_path):
    """Each test writes uploads into its own folder."""
    settings.MEDIA_ROOT = Path(tmp_path) / "media"
    yield
    shutil.rmtree(settings.MEDIA_ROOT, ignore_errors=True)


@pytest.fixture(autouse=True)
def _clear_cache():
    from django.core.cache import caches

    for each in caches.all(initialized_only=True):
        each.clear()
    yield
    for each in caches.all(initialized_only=True):
        each.clear()


@pytest.fixture
def portal(db):
    from balai.opd.provisioning import provision_portal

    return provision_portal()


@pytest.fixture
def make_opd(portal):
    from balai.opd.provisioning import OPDSpec, provision_opd

    def make(slug: str, *, jenis: str = "dinas", requires_approval: bool = False, **extra):
        spec = OPDSpec(
            name=extra.pop("name", f"Dinas {slug.title()}"),
            short_name=extra.pop("short_name", slug.title()),
            slug=slug,
            jenis=jenis,
            requires_approval=requires_approval,
            **extra,
        )
        return provision_opd(spec).opd

    return make


@pytest.fixture
def opd_a(make_opd):
    return make_opd("alfa", name="Dinas Alfa", short_name="Alfa")


@pytest.fixture
def opd_b(make_opd):
    return make_opd("beta", name="Dinas Beta", short_name="Beta")


@pytest.fixture
def make_user(db):
    from django.contrib.auth import get_user_model

    from balai.opd.operators import create_operator

    def make(username: str, opd=None, role: str = "operator"):
        if opd is None:
            return get_user_model().objects.create_superuser(
                username, f"{username}@example.go.id", DEMO_PASSWORD
            )
        return create_operator(
            opd, username=username, password=DEMO_PASSWORD, role=role,
            email=f"{username}@example.go.id",
        )  # fmt: skip

    return make


@pytest.fixture
def kominfo(make_user):
    return make_user("kominfo")


@pytest.fixture
def operator_a(make_user, opd_a):
    return make_user("operator-alfa", opd_a)


@pytest.fixture
def admin_a(make_user, opd_a):
    return make_user("admin-alfa", opd_a, role="admin")


@pytest.fixture
def operator_b(make_user, opd_b):
    return make_user("operator-beta", opd_b)


def otp_verify(client, user) -> None:
    """Mark the client's session as having passed the second factor (a confirmed TOTP device of
    the user, as ``django_otp.login`` would record it)."""
    from django_otp import DEVICE_ID_SESSION_KEY

    from balai.adminui.twofactor import verified_device_for

    session = client.session
    session[DEVICE_ID_SESSION_KEY] = verified_device_for(user).persistent_id
    session.save()


@pytest.fixture
def client_as(client):
    """``client_as(user)``: the test client, logged in as that user (second factor passed)."""

    def login(user):
        client.force_login(user, backend="django.contrib.auth.backends.ModelBackend")
        otp_verify(client, user)
        return client

    return login


@pytest.fixture
def run_tasks(monkeypatch):
    """Run every queued background task now, through django-tasks-db's real worker.

    The worker closes "obsolete" connections between tasks; inside a test's transaction the
    connection is not in autocommit mode and would be closed under the test's feet, so that one
    housekeeping call is switched off here. Everything else is the production worker.
    """
    from django_tasks_db.management.commands import db_worker

    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run():
        call_command("db_worker", "--batch", "--no-startup-delay", "--interval", "0", verbosity=0)

    return run


def host_of(opd) -> str:
    return opd.hostname


@pytest.fixture
def portal_host():
    return settings.BALAI_PORTAL_DOMAIN
