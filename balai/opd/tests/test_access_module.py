"""``balai.opd.access`` is the one place that knows which rows belong to which OPD: every model
that points at an OPD is registered there, and the module depends on no domain app."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models

from balai.opd import access
from balai.opd.models import OPD

# Models that point at an OPD without belonging to it (Kominfo's city-wide configuration).
NOT_OPD_OWNED = {
    "aspirasi.category",  # default_opd: where new tickets of a category are routed
    "opd.opd",  # parent OPD; OPD itself is registered
}
DOMAIN_APPS = ("ppid", "layanan", "aspirasi", "pemantauan", "content", "sms", "search", "documents")


def test_every_model_pointing_at_an_opd_is_registered():
    missing = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_OPD_OWNED:
            continue
        points_at_opd = any(
            isinstance(f, (models.ForeignKey, models.OneToOneField, models.ManyToManyField))
            and f.related_model is OPD
            for f in model._meta.get_fields()
            if not f.auto_created
        )
        if points_at_opd and not access.is_registered(model):
            missing.append(label)
    assert missing == [], f"register these in balai.opd.access (AppConfig.ready): {missing}"


def test_access_module_imports_no_domain_app():
    tree = ast.parse(Path(access.__file__).read_text())
    imported = [
        node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module
    ] + [
        alias.name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import)
        for alias in node.names
    ]
    assert not [m for m in imported if m.startswith(tuple(f"balai.{a}" for a in DOMAIN_APPS))]


@pytest.mark.django_db
def test_anonymous_and_inactive_users_see_nothing(operator_a, opd_a):
    from django.contrib.auth.models import AnonymousUser

    assert not access.visible(AnonymousUser(), OPD).exists()
    operator_a.is_active = False
    assert not access.visible(operator_a, OPD).exists()
    operator_a.is_active = True
    assert list(access.visible(operator_a, OPD)) == [opd_a]
    assert access.works_in(operator_a, opd_a) and not access.is_kominfo(operator_a)
