"""Balai's Indonesian catalogue of the admin strings that Wagtail and its helpers ship.

Wagtail's own ``id_ID`` catalogue covers well under half of its admin strings, so Balai carries a
complete one in ``balai/locale/id_ID`` (``LOCALE_PATHS`` wins over every app's catalogue). The
message ids to cover are read from the installed packages themselves, so a Wagtail upgrade that
adds strings shows up as missing translations (``manage.py admin_catalogue``, and a test).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.conf import settings

DOMAINS = ("django", "djangojs")
LOCALE = "id_ID"
# Packages whose admin strings Balai translates, besides every installed ``wagtail*`` app.
# django-filter ships no English source catalogue; any of its catalogues lists the same ids.
EXTRA_SOURCES = {"taggit": "en", "django_filters": "de"}


@dataclass
class Entry:
    msgid: str
    msgctxt: str | None = None
    msgid_plural: str | None = None
    msgstr: list[str] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)
    fuzzy: bool = False

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.msgctxt, self.msgid)

    @property
    def translated(self) -> bool:
        return not self.fuzzy and bool(self.msgstr) and all(s for s in self.msgstr)


_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[\d+\])?)\s+(\".*\")\s*$")


def _unquote(literal: str) -> str:
    return ast.literal_eval(literal)


def parse_po(path: Path) -> list[Entry]:
    """The live (non-obsolete) entries of a .po file, header excluded."""
    entries: list[Entry] = []
    current: dict = {}
    last: str | None = None

    def flush() -> None:
        nonlocal current, last
        if current.get("msgid"):
            flags = current.get("flags", [])
            plural = sorted(k for k in current if k.startswith("msgstr["))
            entries.append(
                Entry(
                    msgid=current["msgid"],
                    msgctxt=current.get("msgctxt"),
                    msgid_plural=current.get("msgid_plural"),
                    msgstr=[current[k] for k in plural] if plural else [current.get("msgstr", "")],
                    flags=[f for f in flags if f != "fuzzy"],
                    comments=current.get("comments", []),
                    fuzzy="fuzzy" in flags,
                )
            )
        current, last = {}, None

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        starts_entry = line.startswith("#") or line.startswith(("msgctxt", "msgid "))
        if not line or (starts_entry and any(k.startswith("msgstr") for k in current)):
            flush()
        if not line or line.startswith("#~"):
            continue
        if line.startswith("#,"):
            current.setdefault("flags", []).extend(
                f.strip() for f in line[2:].split(",") if f.strip()
            )
        elif line.startswith("#."):
            current.setdefault("comments", []).append(line[2:].strip())
        elif line.startswith("#"):
            continue
        elif match := _KEYWORD.match(line):
            last = match.group(1)
            current[last] = _unquote(match.group(2))
        elif line.startswith('"') and last:
            current[last] += _unquote(line)
    flush()
    return entries


def _quote(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
    return '"' + escaped.replace("\n", "\\n") + '"'


def format_entry(entry: Entry) -> str:
    out = [f"#. {c}" for c in entry.comments]
    flags = [f for f in entry.flags if f != "fuzzy"] + (["fuzzy"] if entry.fuzzy else [])
    if flags:
        out.append("#, " + ", ".join(flags))
    if entry.msgctxt is not None:
        out.append("msgctxt " + _quote(entry.msgctxt))
    out.append("msgid " + _quote(entry.msgid))
    if entry.msgid_plural is not None:
        out.append("msgid_plural " + _quote(entry.msgid_plural))
        out.append("msgstr[0] " + _quote(entry.msgstr[0] if entry.msgstr else ""))
    else:
        out.append("msgstr " + _quote(entry.msgstr[0] if entry.msgstr else ""))
    return "\n".join(out)


HEADER = """\
# Bahasa Indonesia for the admin strings of Wagtail, django-taggit and django-filter in Balai.
# Terms: docs/glosarium-admin.md. Maintained with `manage.py admin_catalogue`; never run
# makemessages for this locale (Balai's own message ids are already Indonesian).
msgid ""
msgstr ""
"Project-Id-Version: Balai\\n"
"PO-Revision-Date: 2026-12-04 00:00+0700\\n"
"Last-Translator: Balai\\n"
"Language-Team: Balai\\n"
"Language: id\\n"
"MIME-Version: 1.0\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Content-Transfer-Encoding: 8bit\\n"
"Plural-Forms: nplurals=1; plural=0;\\n"
"""


def write_po(path: Path, entries: Iterable[Entry]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "\n\n".join(format_entry(e) for e in entries)
    path.write_text(HEADER + "\n" + body + "\n", encoding="utf-8")


def source_files(domain: str) -> Iterator[tuple[str, Path]]:
    """(app label, .po file) listing the message ids of every installed admin package."""
    for config in apps.get_app_configs():
        module = config.name
        if module.startswith("wagtail"):
            language = "en"
        elif module in EXTRA_SOURCES:
            language = EXTRA_SOURCES[module]
        else:
            continue
        po = Path(config.path) / "locale" / language / "LC_MESSAGES" / f"{domain}.po"
        if po.exists():
            yield module, po


def source_entries(domain: str) -> dict[tuple[str | None, str], Entry]:
    """Every message id to translate in a domain, first occurrence wins, with its origin noted."""
    found: dict[tuple[str | None, str], Entry] = {}
    for module, po in source_files(domain):
        for entry in parse_po(po):
            if entry.key not in found:
                found[entry.key] = Entry(
                    msgid=entry.msgid,
                    msgctxt=entry.msgctxt,
                    msgid_plural=entry.msgid_plural,
                    flags=[f for f in entry.flags if f != "fuzzy"],
                    comments=[module],
                )
    return found


def balai_po(domain: str) -> Path:
    return Path(settings.LOCALE_PATHS[0]) / LOCALE / "LC_MESSAGES" / f"{domain}.po"


def balai_entries(domain: str) -> dict[tuple[str | None, str], Entry]:
    path = balai_po(domain)
    return {e.key: e for e in parse_po(path)} if path.exists() else {}


@dataclass
class Coverage:
    domain: str
    total: int
    translated: int
    missing: list[Entry]


def coverage(domain: str) -> Coverage:
    sources = source_entries(domain)
    ours = balai_entries(domain)
    missing = [s for key, s in sources.items() if not (key in ours and ours[key].translated)]
    return Coverage(domain, len(sources), len(sources) - len(missing), missing)


def merged(domain: str) -> list[Entry]:
    """Balai's catalogue brought up to date with the installed packages' message ids.

    Translations are kept; new ids come in empty; ids no package uses any more are dropped,
    except Balai's own additions (entries whose comment says ``balai``).
    """
    sources = source_entries(domain)
    ours = balai_entries(domain)
    result = []
    for key, source in sources.items():
        existing = ours.get(key)
        if existing is not None:
            source.msgstr = existing.msgstr
            source.fuzzy = existing.fuzzy
        result.append(source)
    result += [e for key, e in ours.items() if key not in sources and "balai" in e.comments]
    return result
