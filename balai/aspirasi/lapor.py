"""SP4N-LAPOR! alongside Balai: the clocks a Pemda may choose, and the adapter to LAPOR!'s API.

SP4N-LAPOR! is the national complaint system (Perpres 76/2013 on handling public-service
complaints; PermenPAN-RB 62/2018 on managing SP4N-LAPOR!, per shared/domain/aspirasi.md, which
asks to check for a newer replacement — not re-read from the official text here). A Pemda's
admin verifies a report and forwards it to the agency in charge, or to another agency or level
of government.

Clocks (``BALAI_ASPIRASI_CLOCK``):
- ``"balai"`` (default): the first response within the category's days (default 3, KemenPAN-RB
  as reported by Republika 14-06-2018) and completion by the category's tier (2/5/14/60 working
  days, shared/domain/aspirasi.md); the citizen may reopen within BALAI_ASPIRASI_REOPEN_DAYS.
- ``"lapor"``: LAPOR!'s rules as issue 16 states them: 3 working days to verify and forward,
  5 working days for the agency's first response after the disposition, and the report closes 10
  days after the follow-up unless the citizen objects. (check) The 5- and 10-day figures are not
  in the domain notes; confirm them against the official text before relying on them. Here the
  10 days are working days (one calendar for every clock) and "objecting" is reopening.

The official API is not public: ``LaporAdapter`` is the interface a real client will implement;
``LocalLaporAdapter`` is a local stand-in (tests and the demo) that hands out tracking numbers.
"""

from __future__ import annotations

import hashlib
import threading
from typing import Protocol, runtime_checkable

from django.conf import settings
from django.utils.module_loading import import_string

BALAI = "balai"
LAPOR = "lapor"
CLOCKS = (BALAI, LAPOR)

LAPOR_VERIFY_DAYS = 3  # the Pemda's admin verifies and forwards a report
LAPOR_AGENCY_RESPONSE_DAYS = 5  # the agency's first response after the disposition (check)
LAPOR_CLOSE_DAYS = 10  # closed after the follow-up unless the citizen objects (check)


def clock() -> str:
    value = getattr(settings, "BALAI_ASPIRASI_CLOCK", BALAI)
    return value if value in CLOCKS else BALAI


def lapor_clock() -> bool:
    return clock() == LAPOR


def reopen_days() -> int:
    """Working days after the answer during which the citizen may reopen (object)."""
    return LAPOR_CLOSE_DAYS if lapor_clock() else settings.BALAI_ASPIRASI_REOPEN_DAYS


@runtime_checkable
class LaporAdapter(Protocol):
    """What Balai needs from SP4N-LAPOR!'s API (to be implemented once it is published).

    ``report`` is one record of the export format (docs/aspirasi-ekspor.md).
    """

    def submit(self, report: dict) -> str:
        """Send a report; return LAPOR!'s tracking number."""
        ...

    def status(self, tracking_number: str) -> str:
        """The report's status on LAPOR! (free text as LAPOR! states it)."""
        ...


class LocalLaporAdapter:
    """A local stand-in for LAPOR!: numbers derived from Balai's, kept in this process."""

    _reports: dict[str, dict] = {}
    _lock = threading.Lock()

    def submit(self, report: dict) -> str:
        digest = hashlib.sha256(report["nomor"].encode()).hexdigest()[:8].upper()
        number = f"LPR-{digest}"
        with self._lock:
            self._reports[number] = {**report, "status": "Belum diverifikasi"}
        return number

    def status(self, tracking_number: str) -> str:
        report = self._reports.get(tracking_number)
        return report["status"] if report else ""

    @classmethod
    def received(cls) -> dict[str, dict]:
        return dict(cls._reports)


def adapter() -> LaporAdapter | None:
    """The configured adapter (``BALAI_LAPOR_ADAPTER``, a dotted path), or None: then officers
    type the tracking number LAPOR! gave them."""
    path = getattr(settings, "BALAI_LAPOR_ADAPTER", "")
    return import_string(path)() if path else None
