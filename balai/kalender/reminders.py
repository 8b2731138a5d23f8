"""The one reminder and escalation routine for statutory deadlines (PPID requests, aspirations).

Each app says which of its open items are candidates (not yet reminded / escalated, by its own
bookkeeping), how to read an item's deadline, and what reminding and escalating mean; the
routine applies the one rule: remind when at most ``remind_within`` working days are left,
escalate once the deadline has passed. Working days come from Balai's one calendar.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

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
    working days; escalate the items of ``to_escalate`` whose deadline has passed."""
    reminded = escalated = 0
    for item in to_remind:
        due = deadline(item)
        if due < today or working_days_left(due, today) > remind_within:
            continue
        remind(item)
        reminded += 1
    for item in to_escalate:
        if deadline(item) < today:
            escalate(item)
            escalated += 1
    return SweepResult(reminded=reminded, escalated=escalated)
