"""iCalendar (RFC 5545) output for agenda items: one event, or a site's feed."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from balai.core.downloads import download


def _escape(text: str) -> str:
    """RFC 5545 §3.3.11 TEXT escaping."""
    return (
        (text or "")
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line: str) -> str:
    """Fold content lines at 75 octets (RFC 5545 §3.1)."""
    data = line.encode()
    if len(data) <= 75:
        return line
    parts, chunk = [], b""
    for ch in line:
        b = ch.encode()
        if len(chunk) + len(b) > (75 if not parts else 74):
            parts.append(chunk.decode())
            chunk = b""
        chunk += b
    parts.append(chunk.decode())
    return "\r\n ".join(parts)


def _utc(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")


def render_calendar(request: HttpRequest, events: Iterable, name: str = "") -> str:
    host = request.get_host().split(":")[0]
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Balai//Agenda//ID",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    if name:
        lines.append(f"X-WR-CALNAME:{_escape(name)}")
    stamp = _utc(timezone.now())
    for event in events:
        url = event.get_full_url(request)
        lines += [
            "BEGIN:VEVENT",
            f"UID:agenda-{event.pk}@{host}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{_utc(event.start)}",
            f"DTEND:{_utc(event.end)}",
            f"SUMMARY:{_escape(event.title)}",
            f"LOCATION:{_escape(event.location)}",
        ]
        if event.organiser:
            lines.append(f"DESCRIPTION:{_escape(event.organiser + '. ' + (event.summary or ''))}")
        elif event.summary:
            lines.append(f"DESCRIPTION:{_escape(event.summary)}")
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "\r\n".join(_fold(line) for line in lines) + "\r\n"


def calendar_response(
    request: HttpRequest, events: Iterable, filename: str, name: str = ""
) -> HttpResponse:
    calendar = render_calendar(request, events, name)
    return download(calendar, filename, "text/calendar; charset=utf-8")
