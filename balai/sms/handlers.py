"""The channel layer's one extension point: who turns an inbound message into work.

The channel layer (gateways, webhooks, inbox, outbox) knows nothing of the domain. The app that
handles citizens' messages registers its handler from its ``AppConfig.ready`` (aspirasi does:
``register_inbound_handler(ingest_message)``); the worker calls it for every stored message.
"""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import ImproperlyConfigured

# handler(message: InboundSMS) -> a reference to what it became (e.g. a ticket number) or "".
InboundHandler = Callable[[object], str]

_handler: InboundHandler | None = None


def register_inbound_handler(handler: InboundHandler) -> None:
    """Register the handler of inbound messages (one per installation; the last one wins)."""
    global _handler
    _handler = handler


def handle_inbound(message) -> str:
    """Run the registered handler on one stored inbound message (inside the worker's
    transaction); returns the handler's reference for the admin (a ticket number)."""
    if _handler is None:
        raise ImproperlyConfigured("No inbound message handler registered (see sms/handlers.py).")
    return _handler(message) or ""
