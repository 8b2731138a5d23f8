"""WSGI entry point for gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "balai.settings.base")

application = get_wsgi_application()

from balai.core.startup import check_static_files  # noqa: E402 - needs Django set up

check_static_files()
