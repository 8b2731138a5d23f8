"""/healthz and the environment-driven settings."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_healthz_reports_database_and_cache(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"]["ok"] and body["cache"]["ok"]
    assert body["database"]["detail"] == ("postgresql" if settings.IS_POSTGRES else "sqlite")


def test_healthz_is_503_when_the_cache_is_unreachable(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens on port 1
        }
    }
    from django.core.cache import caches

    caches._settings = caches.settings = settings.CACHES
    caches._connections.__dict__.pop("default", None)
    try:
        response = client.get("/healthz")
        assert response.status_code == 503
        assert response.json()["cache"]["ok"] is False
    finally:
        caches._connections.__dict__.pop("default", None)


def _settings_in_subprocess(env: dict[str, str], expression: str) -> str:
    code = (
        "import os, django; os.environ['DJANGO_SETTINGS_MODULE']='balai.settings.base'; "
        f"from django.conf import settings; print(json.dumps({expression}))"
    )
    dropped = {"DEBUG", "SECRET_KEY", "BALAI_HTTPS", "DJANGO_SETTINGS_MODULE"}
    clean = {k: v for k, v in os.environ.items() if k not in dropped}
    result = subprocess.run(
        [sys.executable, "-c", "import json; " + code],
        env={**clean, **env},
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        check=False,
    )
    return result.stdout.strip() or result.stderr


def test_debug_is_off_and_https_hardening_on_unless_asked():
    out = _settings_in_subprocess(
        {"SECRET_KEY": "x" * 50},
        "[settings.DEBUG, settings.SESSION_COOKIE_SECURE, settings.CSRF_COOKIE_SECURE, "
        "settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT]",
    )
    assert json.loads(out) == [False, True, True, 31536000, True]


def test_production_refuses_to_start_without_a_secret_key():
    out = _settings_in_subprocess({}, "settings.DEBUG")
    assert "SECRET_KEY is not set" in out


def test_database_and_cache_come_from_the_environment():
    out = _settings_in_subprocess(
        {
            "SECRET_KEY": "x" * 50,
            "DATABASE_URL": "postgres://u:p@db.example:5433/balai",
            "REDIS_URL": "redis://cache.example:6379/2",
            "BALAI_PORTAL_DOMAIN": "kotacontoh.go.id",
        },
        "[settings.DATABASES['default']['HOST'], settings.DATABASES['default']['PORT'], "
        "settings.CACHES['default']['LOCATION'], settings.ALLOWED_HOSTS[:2]]",
    )
    assert json.loads(out) == [
        "db.example",
        5433,
        "redis://cache.example:6379/2",
        ["kotacontoh.go.id", ".kotacontoh.go.id"],
    ]
