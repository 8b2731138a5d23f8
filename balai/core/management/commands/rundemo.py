"""Serve the demo: web server, task worker and scheduler in one command (stops all on Ctrl-C)."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the demo city: runserver + the task worker + run_scheduler."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="0.0.0.0:8000")

    def handle(self, *args, **options):
        manage = [sys.executable, "manage.py"]
        env = os.environ.copy()
        # This command is the demo and says so; runserver's "not for production" banner is for
        # people who might mistake it for a deployment (deploy/ has the gunicorn setup).
        env.setdefault("DJANGO_RUNSERVER_HIDE_WARNING", "true")
        worker = (
            ["rqworker", "--with-scheduler", "default"]
            if settings.TASKS_BACKEND == "rq"
            else ["db_worker", "--interval", "1"]
        )
        helpers = [
            subprocess.Popen([*manage, *worker], env=env),
            subprocess.Popen([*manage, "run_scheduler"], env=env),
        ]
        try:
            subprocess.call([*manage, "runserver", options["addrport"], "--noreload"], env=env)
        finally:
            for proc in helpers:
                proc.terminate()
            for proc in helpers:
                proc.wait(timeout=10)
