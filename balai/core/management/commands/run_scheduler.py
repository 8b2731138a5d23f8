"""Run Balai's scheduler: enqueue periodic jobs when their time comes (see balai.core.scheduler)."""

import signal
import time

from django.core.management.base import BaseCommand

from balai.core.scheduler import jobs, tick


class Command(BaseCommand):
    help = "Enqueue periodic tasks on time; safe to run on several replicas at once."

    def add_arguments(self, parser):
        parser.add_argument("--interval", type=float, default=15.0, help="Seconds between ticks")
        parser.add_argument("--once", action="store_true", help="Tick once and exit")

    def handle(self, *args, **options):
        self.running = True
        signal.signal(signal.SIGTERM, self._stop)
        signal.signal(signal.SIGINT, self._stop)
        names = ", ".join(sorted(jobs())) or "(none)"
        self.stdout.write(f"Scheduler: {names}")
        while self.running:
            for name in tick():
                self.stdout.write(f"enqueued {name}")
            if options["once"]:
                break
            time.sleep(options["interval"])

    def _stop(self, *args):
        self.running = False
