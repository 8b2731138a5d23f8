"""Highlight the searched words in a result's title and excerpt, with every character escaped.

The database decides what matches (PostgreSQL stems Indonesian words, so ``pelayanan`` finds
``layanan``); this module only marks, for display, the words that look like a query word: the
same word, or the same root after removing common Indonesian affixes. Text is escaped piece by
piece before ``<mark>`` is added, so content can never inject HTML into the results page.
"""

from __future__ import annotations

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

WORD = re.compile(r"\w+", re.UNICODE)
# Longest first. A rough approximation of the Snowball Indonesian stemmer's affix rules.
PREFIXES = ("meng", "meny", "mem", "men", "me", "peng", "peny", "pem", "pen", "per", "pe",
            "ber", "be", "ter", "di", "ke", "se")  # fmt: skip
SUFFIXES = ("nya", "kan", "lah", "kah", "an", "i")
MIN_ROOT = 4


def root(word: str) -> str:
    """A crude Indonesian root: ``pelayanan`` → ``layan``, ``layanan`` → ``layan``."""
    word = word.lower()
    for suffix in SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= MIN_ROOT:
            word = word[: -len(suffix)]
            break
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= MIN_ROOT:
            word = word[len(prefix) :]
            break
    return word


def query_terms(query: str) -> set[str]:
    return {w.lower() for w in WORD.findall(query) if len(w) >= 2}


def _matches(word: str, terms: set[str], roots: set[str]) -> bool:
    lower = word.lower()
    return lower in terms or root(lower) in roots


def highlight(text: str, query: str) -> SafeString:
    """``text`` escaped, with the words matching ``query`` wrapped in ``<mark>``."""
    terms = query_terms(query)
    if not terms or not text:
        return escape(text or "")
    roots = {root(t) for t in terms}
    out: list[str] = []
    last = 0
    for match in WORD.finditer(text):
        if _matches(match.group(), terms, roots):
            out.append(escape(text[last : match.start()]))
            out.append(f"<mark>{escape(match.group())}</mark>")
            last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def excerpt(text: str, query: str, length: int = 220) -> str:
    """About ``length`` characters of ``text`` around the first matching word (plain text)."""
    text = " ".join(text.split())
    if len(text) <= length:
        return text
    terms = query_terms(query)
    roots = {root(t) for t in terms}
    start = 0
    for match in WORD.finditer(text):
        if _matches(match.group(), terms, roots):
            start = max(0, match.start() - length // 3)
            break
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    piece = text[start : start + length]
    if start + length < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + piece
