"""The one reminder and escalation routine for statutory deadlines (PPID requests, aspirations).

Each app says which of its open items may be reminded and which are overdue (by its own
bookkeeping: not yet reminded / escalated, and which of its clocks applies), how to read an
item's deadline, and what reminding and escalating mean. The routine applies the one rule —
remind when at most ``remind_within`` working days are left (Balai's one calendar), escalate what
is overdue — each item in its own transaction, so a failure leaves the others done.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from django.db import transaction

from balai.kalender.calendar import working_days_left

T = TypeVar("T")


@dataclass(frozen=True)
class SweepResult:
    reminded: int
    escalated: int


def sweep(
    *,
    to_remind: Iterable[T],
    to_escalate: Iterable[T],
    deadline: Callable[[T], dt.date],
    remind_within: int,
    remind: Callable[[T], None],
    escalate: Callable[[T], None],
    today: dt.date,
) -> SweepResult:
    """Remind the items of ``to_remind`` whose deadline is today or within ``remind_within``
    working days; escalate every item of ``to_escalate`` (overdue by the app's own clocks)."""
    reminded = escalated = 0
    for item in to_remind:
        due = deadline(item)
        if due < today or working_days_left(due, today) > remind_within:
            continue
        with transaction.atomic():  # the bookkeeping, the thread and the e-mail go together
            remind(item)
        reminded += 1
    for item in to_escalate:
        with transaction.atomic():
            escalate(item)
        escalated += 1
    return SweepResult(reminded=reminded, escalated=escalated)
