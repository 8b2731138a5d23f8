"""Serve the demo: web server, task worker and scheduler in one command (stops all on Ctrl-C)."""

import os
import subprocess
import sys

from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Run the demo city: runserver + db_worker + run_scheduler."

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="0.0.0.0:8000")

    def handle(self, *args, **options):
        manage = [sys.executable, "manage.py"]
        env = os.environ.copy()
        helpers = [
            subprocess.Popen([*manage, "db_worker", "--interval", "1"], env=env),
            subprocess.Popen([*manage, "run_scheduler"], env=env),
        ]
        try:
            subprocess.call([*manage, "runserver", options["addrport"], "--noreload"], env=env)
        finally:
            for proc in helpers:
                proc.terminate()
            for proc in helpers:
                proc.wait(timeout=10)
