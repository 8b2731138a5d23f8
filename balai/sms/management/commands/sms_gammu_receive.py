"""RunOnReceive hook for gammu-smsd: store the received messages in the inbound pipeline."""

from django.core.management.base import BaseCommand

from balai.sms.gammu import messages_from_env
from balai.sms.inbound import Refused, receive
from balai.sms.models import Gateway


class Command(BaseCommand):
    help = "Called by gammu-smsd's RunOnReceive: queue the SMS in its environment."

    def handle(self, *args, **options):
        for msg in messages_from_env():
            try:
                stored, created = receive(
                    Gateway.GAMMU, msg["phone"], msg["text"], gateway_id=msg["id"]
                )
            except Refused as exc:
                self.stderr.write(f"refused {msg['phone']}: {exc}")
                continue
            self.stdout.write(f"{'stored' if created else 'duplicate'} {stored.pk}")
