"""Test settings: the production settings, plus only what makes tests fast and deterministic.

The database comes from DATABASE_URL exactly as in production (SQLite or PostgreSQL).
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-key")
os.environ.setdefault("BALAI_HTTPS", "0")

from balai.settings.base import *  # noqa: E402,F403

# A fast hasher: hashing strength is not what the tests measure.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files are not collected for tests.
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "var" / "test-media"))  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests submit forms programmatically; the minimum fill time is tested on its own.
BALAI_FORM_MIN_SECONDS = 0
# Balai's full-page cache is switched on by the tests that test it (balai/core/tests/test_speed*).
BALAI_PAGE_CACHE = env_bool("BALAI_PAGE_CACHE", False)  # noqa: F405
