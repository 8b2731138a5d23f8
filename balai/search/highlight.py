"""Excerpts and highlighting for results, with the same word analysis as the index.

A word is marked when one of its index terms is a term of the query (``Perizinan`` is marked
for ``izin``, ``KTP-el`` for ``e-KTP`` through the synonym list). Text is escaped piece by
piece before ``<mark>`` is added, so content can never inject HTML into the results page.

Long texts (a document's full text) are not analysed word by word: a regular expression finds
the places where a query root can occur (``ayan`` finds pelayanan and layanan; the first letter
is left out because Indonesian prefixes change it: menulis → tulis) and only those words are
checked.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from balai.search import analysis

EXCERPT_LENGTH = 220
WORD_CHARS = re.compile(r"[a-z0-9-]")


@lru_cache(maxsize=512)
def _probe(terms: frozenset[str]) -> re.Pattern | None:
    pieces = sorted({t[1:] if len(t) >= 4 else t for t in terms}, key=len, reverse=True)
    if not pieces:
        return None
    return re.compile("|".join(re.escape(p) for p in pieces))


def _word_around(normalised: str, position: int) -> tuple[int, int]:
    start, end = position, position
    while start > 0 and WORD_CHARS.match(normalised[start - 1]):
        start -= 1
    while end < len(normalised) and WORD_CHARS.match(normalised[end]):
        end += 1
    return start, end


def first_match(text: str, terms: frozenset[str], start: int = 0) -> tuple[int, int] | None:
    """(start, end) of the first word of ``text`` from ``start`` on that matches ``terms``."""
    probe = _probe(terms)
    if probe is None or not text:
        return None
    normalised = analysis.normalize(text)
    position = start
    while True:
        found = probe.search(normalised, position)
        if found is None:
            return None
        word_start, word_end = _word_around(normalised, found.start())
        for word in analysis.words(text[word_start:word_end]):
            if terms.intersection(word.terms):
                return word_start + word.start, word_start + word.end
        position = max(word_end, found.start() + 1)


def highlight(text: str, terms: frozenset[str]) -> SafeString:
    """``text`` escaped, with the words matching ``terms`` wrapped in ``<mark>``."""
    if not text or not terms:
        return escape(text or "")
    out: list[str] = []
    last = 0
    for word in analysis.words(text):
        if terms.intersection(word.terms):
            out.append(escape(text[last : word.start]))
            out.append(f"<mark>{escape(text[word.start : word.end])}</mark>")
            last = word.end
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def excerpt(text: str, terms: frozenset[str], length: int = EXCERPT_LENGTH) -> tuple[str, int]:
    """About ``length`` characters of ``text`` around its first matching word (plain text),
    and the offset of that word in ``text`` (-1 when no word matches)."""
    found = first_match(text, terms)
    position = found[0] if found else -1
    if len(text) <= length:
        return text, position
    start = max(0, position - length // 3) if found else 0
    if start:
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < position else start
    piece = text[start : start + length]
    if start + length < len(text):
        piece = piece.rsplit(" ", 1)[0] + " …"
    return ("… " if start else "") + piece, position


def page_number(page_starts: list[int], position: int) -> int | None:
    """The 1-based page holding character ``position``, when the text has page offsets."""
    if not page_starts or position < 0:
        return None
    return bisect_right(page_starts, position)
