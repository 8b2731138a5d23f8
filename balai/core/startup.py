"""Checks the web process makes before it serves: it refuses to start with a clear message
rather than answer 500 on every page."""

from __future__ import annotations

from django.conf import settings
from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage
from django.core.exceptions import ImproperlyConfigured


def check_static_files() -> None:
    """With DEBUG off, every page names its CSS and JS through the manifest that
    ``collectstatic`` writes; without it each page (the admin's login first) fails."""
    if isinstance(staticfiles_storage, ManifestFilesMixin) and not staticfiles_storage.exists(
        staticfiles_storage.manifest_name
    ):
        raise ImproperlyConfigured(
            f"Static files are not collected in STATIC_ROOT ({settings.STATIC_ROOT}): run "
            "`manage.py collectstatic --noinput` before starting the web process (and after "
            "every upgrade). See README, Production, First run."
        )
