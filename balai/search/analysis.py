"""Indonesian text analysis for the public search: words, stopwords and stems.

One analysis serves both databases: text is cut into words and every word reduced to its root
by Sastrawi (the Nazief-Adriani/ECS stemmer with its dictionary of root words, PyPI
``PySastrawi``) before it reaches PostgreSQL or SQLite, and the query goes through the same
steps. Both databases therefore match exactly the same words: ``perizinan`` → ``izin``,
``pelayanan`` → ``layan``, ``mengirim`` → ``kirim`` (PostgreSQL's Snowball ``indonesian``
stemmer gives ``irim`` there, so ``kirim`` would not find ``mengirim``).

Hyphenated words: a reduplication is its root (``anak-anak`` → ``anak``); any other compound
is indexed whole and by its parts (``KTP-el`` → ``ktp``, ``el``, ``ktpel``), and searched whole
or as the phrase of its parts.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Function words that carry no meaning for search (they are neither indexed nor searched).
STOPWORDS = frozenset(
    [
        "yang",
        "dan",
        "di",
        "ke",
        "dari",
        "untuk",
        "pada",
        "dengan",
        "atau",
        "ini",
        "itu",
        "dalam",
        "oleh",
        "akan",
        "juga",
        "adalah",
        "sebagai",
        "bagi",
        "serta",
        "tersebut",
        "para",
        "kepada",
        "agar",
        "karena",
        "telah",
        "sudah",
        "pun",
        "lah",
        "kah",
        "nya",
        "si",
        "sang",
    ]
)
WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
MIN_STEM_LENGTH = 4  # shorter words are abbreviations or roots already (ktp, kk, rt)
# Each stem counts at most this many times per field, so that a long text repeating a word
# cannot outrank a title that names it (both databases see the same capped stream).
MAX_REPEATS = 3


def normalize(text: str) -> str:
    """Lower case with accents removed (``É`` → ``e``), one character for one, so that
    offsets in the result are offsets in ``text``."""
    text = text or ""
    if text.isascii():
        return text.lower()
    return "".join(_fold(c) for c in text)


@lru_cache(maxsize=4096)
def _fold(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char)
    folded = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    if len(folded) == 1:
        return folded
    lower = char.lower()
    return lower if len(lower) == 1 else " "


@lru_cache(maxsize=1)
def _stemmer():
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    # The plain stemmer: the factory's cached variant keeps every word forever.
    return StemmerFactory().create_stemmer().delegatedStemmer


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The root of one normalised word (``pelayanan`` → ``layan``); numbers stay as written."""
    if len(word) < MIN_STEM_LENGTH or word.isdigit():
        return word
    return _stemmer().stem_word(word) or word


@dataclass(frozen=True)
class Word:
    """One word as written in the text, with its position and what it is indexed as."""

    text: str
    start: int
    end: int
    terms: tuple[str, ...]  # index terms: one stem, or a compound's parts and the whole
    alternatives: tuple[tuple[str, ...], ...]  # how a query word matches: terms or phrases


@lru_cache(maxsize=50_000)
def _analyse(token: str) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]:
    if "-" not in token:
        if token in STOPWORDS or len(token) < 2:
            return (), ()
        root = stem(token)
        return (root,), ((root,),)
    parts = [p for p in token.split("-") if p]
    if len(set(parts)) == 1 or _is_reduplication(token):
        root = stem(parts[0]) if len(set(parts)) == 1 else _stemmer().stem_word(token)
        return (root,), ((root,),)
    kept = [stem(p) for p in parts if p not in STOPWORDS and len(p) >= 2]
    whole = stem("".join(parts))
    terms = tuple(dict.fromkeys([*kept, whole]))
    alternatives = ((whole,), tuple(kept)) if kept and tuple(kept) != (whole,) else ((whole,),)
    return terms, alternatives


def _is_reduplication(token: str) -> bool:
    """``sehari-hari``, ``bermain-main``: Sastrawi reduces them to one root without a hyphen."""
    return "-" not in _stemmer().stem_word(token)


def words(text: str) -> list[Word]:
    """Every meaningful word of ``text`` with its index terms (stopwords left out)."""
    text = text or ""
    normalised = normalize(text)
    out = []
    for match in WORD.finditer(normalised):
        token = match.group().strip("-")
        terms, alternatives = _analyse(token)
        if terms:
            out.append(
                Word(
                    text[match.start() : match.end()],
                    match.start(),
                    match.end(),
                    terms,
                    alternatives,
                )
            )
    return out


def index_terms(text: str) -> list[str]:
    """The stream of terms a text is indexed as, each stem at most MAX_REPEATS times."""
    seen: dict[str, int] = {}
    out = []
    for word in words(text):
        for term in word.terms:
            count = seen.get(term, 0)
            if count < MAX_REPEATS:
                seen[term] = count + 1
                out.append(term)
    return out


def trigrams(word: str) -> set[str]:
    """The trigrams of a word as PostgreSQL's pg_trgm counts them (padded with two spaces in
    front and one behind)."""
    padded = f"  {word} "
    return {padded[i : i + 3] for i in range(len(padded) - 2)}


def similarity(a: str, b: str) -> float:
    """pg_trgm's ``similarity(a, b)``: shared trigrams over all distinct trigrams."""
    ta, tb = trigrams(a), trigrams(b)
    if not ta or not tb:
        return 0.0
    return len(ta & tb) / len(ta | tb)
