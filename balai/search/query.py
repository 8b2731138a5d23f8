"""A citizen's query as the index understands it: groups of alternatives, all groups required.

``akta kelahiran`` → ``(akta) AND (lahir)``; with Kominfo's synonym ``KTP, KTP-el, e-KTP``
the query ``e-KTP baru`` becomes ``(ektp OR ktpel OR "ktp el" OR ktp) AND (baru)``. An
alternative is a tuple of stems: one stem is a word, several are a phrase. Whatever the input
(quotes, operators, HTML, control characters), only stems made of ``a-z0-9`` come out, so the
databases only ever receive well-formed queries built from parameters.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.cache import cache

from balai.search import analysis

Alternative = tuple[str, ...]
Group = tuple[Alternative, ...]
SYNONYMS_CACHE_KEY = "balai:search:synonyms"


@dataclass(frozen=True)
class ParsedQuery:
    groups: tuple[Group, ...]
    words: tuple[str, ...]  # the query's meaningful words, normalised, in order

    def __bool__(self) -> bool:
        return bool(self.groups)

    @property
    def terms(self) -> frozenset[str]:
        """Every stem the query can match: what the results page highlights."""
        return frozenset(stem for group in self.groups for alt in group for stem in alt)


def _key(word: analysis.Word) -> str:
    """The one term a word is compared on for synonyms: its root, or a compound whole."""
    return word.alternatives[0][0]


def synonym_groups() -> list[tuple[tuple[str, ...], Group]]:
    """Kominfo's synonyms as (key sequence of one member, alternatives of the whole group),
    longest member first; cached until the list changes."""
    groups = cache.get(SYNONYMS_CACHE_KEY)
    if groups is None:
        from balai.search.models import Synonym

        groups = compile_synonyms([s.term_list for s in Synonym.objects.all()])
        cache.set(SYNONYMS_CACHE_KEY, groups, None)
    return groups


def forget_synonyms() -> None:
    cache.delete(SYNONYMS_CACHE_KEY)


def compile_synonyms(lists: list[list[str]]) -> list[tuple[tuple[str, ...], Group]]:
    compiled = []
    for terms in lists:
        members = [analysis.words(term) for term in terms]
        members = [m for m in members if m]
        alternatives: list[Alternative] = []
        for member in members:
            if len(member) == 1:
                alternatives.extend(member[0].alternatives)
            else:
                alternatives.append(tuple(_key(w) for w in member))
        group = tuple(dict.fromkeys(alternatives))
        for member in members:
            compiled.append((tuple(_key(w) for w in member), group))
    compiled.sort(key=lambda item: -len(item[0]))
    return compiled


def parse(text: str, synonyms: list[tuple[tuple[str, ...], Group]] | None = None) -> ParsedQuery:
    """The groups of ``text``; ``synonyms`` defaults to Kominfo's list."""
    found = analysis.words(text)
    if synonyms is None:
        synonyms = synonym_groups() if found else []
    keys = [_key(w) for w in found]
    groups: list[Group] = []
    i = 0
    while i < len(found):
        for member, group in synonyms:
            if tuple(keys[i : i + len(member)]) == member:
                groups.append(group)
                i += len(member)
                break
        else:
            groups.append(found[i].alternatives)
            i += 1
    unique = tuple(dict.fromkeys(groups))
    return ParsedQuery(unique, tuple(w.text.lower() for w in found))
