"""A sender's address on each channel, in one canonical spelling (the flood limit, threading and
replies compare these): an E.164 number for SMS and WhatsApp, the numeric chat id for Telegram."""

from __future__ import annotations

import re

from balai.core.privacy import normalise_phone

_CHAT_ID = re.compile(r"^-?\d{1,19}$")


def normalise_address(channel: str, raw) -> str | None:
    """The canonical address, or None when ``raw`` is not one on ``channel``."""
    raw = str(raw or "").strip()
    if channel == "telegram":
        return raw if _CHAT_ID.match(raw) else None
    return normalise_phone(raw)
