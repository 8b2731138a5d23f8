"""Streaming reader of WordPress eXtended RSS (WXR) exports, and of the uploads folder or ZIP.

The XML is read item by item (``iterparse``) and each item is dropped once read, so memory stays
flat however large the export. defusedxml refuses DTDs, entity declarations (the "billion
laughs" bomb) and external entities before any of them is expanded.
"""

from __future__ import annotations

import os
import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from django.utils.translation import gettext as _

_PREFIXES = {
    "wordpress.org/export/": "wp",
    "purl.org/rss/1.0/modules/content/": "content",
    "wordpress.org/export/1.2/excerpt/": "excerpt",
    "wordpress.org/export/1.1/excerpt/": "excerpt",
    "wordpress.org/export/1.0/excerpt/": "excerpt",
    "purl.org/dc/elements/1.1/": "dc",
}
_SIZE_SUFFIX = re.compile(r"-(\d+x\d+|scaled|rotated)(?=\.[A-Za-z0-9]+$)")
UPLOADS_MARKER = "/wp-content/uploads/"


class ImportRefused(Exception):
    """The export (or uploads archive) is refused as a whole; the message is for the operator."""


def _name(tag: str) -> str:
    if tag.startswith("{"):
        uri, local = tag[1:].split("}", 1)
        for needle, prefix in sorted(_PREFIXES.items(), key=lambda kv: -len(kv[0])):
            if needle in uri:
                return f"{prefix}:{local}"
        return local
    return tag


@dataclass
class Item:
    wp_id: int
    post_type: str
    status: str
    title: str = ""
    link: str = ""
    slug: str = ""
    parent: int = 0
    menu_order: int = 0
    date: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    password: str = ""
    attachment_url: str = ""
    categories: list[tuple[str, str, str]] = field(default_factory=list)  # (domain, nice, name)
    meta: dict[str, str] = field(default_factory=dict)

    @property
    def category_names(self) -> list[str]:
        return [name for domain, _nice, name in self.categories if domain == "category"]

    @property
    def tag_names(self) -> list[str]:
        return [name for domain, _nice, name in self.categories if domain == "post_tag"]


@dataclass
class Channel:
    base_url: str = ""
    authors: dict[str, str] = field(default_factory=dict)  # login → display name
    categories: dict[str, str] = field(default_factory=dict)  # nicename → name


def _item(elem) -> Item:
    values: dict[str, Any] = {"categories": [], "meta": {}}
    for child in elem:
        name = _name(child.tag)
        text = child.text or ""
        if name == "category":
            values["categories"].append(
                (child.get("domain", ""), child.get("nicename", ""), text.strip())
            )
        elif name == "wp:postmeta":
            key = value = ""
            for sub in child:
                if _name(sub.tag) == "wp:meta_key":
                    key = sub.text or ""
                elif _name(sub.tag) == "wp:meta_value":
                    value = sub.text or ""
            values["meta"][key] = value
        else:
            values[name] = text

    def num(key: str) -> int:
        try:
            return int((values.get(key) or "0").strip())
        except ValueError:
            return 0

    return Item(
        wp_id=num("wp:post_id"),
        post_type=(values.get("wp:post_type") or "").strip(),
        status=(values.get("wp:status") or "").strip(),
        title=(values.get("title") or "").strip(),
        link=(values.get("link") or "").strip(),
        slug=(values.get("wp:post_name") or "").strip(),
        parent=num("wp:post_parent"),
        menu_order=num("wp:menu_order"),
        date=(values.get("wp:post_date") or "").strip(),
        creator=(values.get("dc:creator") or "").strip(),
        content=values.get("content:encoded") or "",
        excerpt=(values.get("excerpt:encoded") or "").strip(),
        password=(values.get("wp:post_password") or "").strip(),
        attachment_url=(values.get("wp:attachment_url") or "").strip(),
        categories=values["categories"],
        meta=values["meta"],
    )


def read(path: str | os.PathLike, channel: Channel | None = None) -> Iterator[Item]:
    """Yield every ``<item>`` of an export; fill ``channel`` with authors/categories on the way."""
    channel = channel if channel is not None else Channel()
    try:
        events = iterparse(str(path), events=("start", "end"), forbid_dtd=True)
        parent = None
        depth = 0
        for event, elem in events:
            if event == "start":
                depth += 1
                if _name(elem.tag) == "channel":
                    parent = elem
                continue
            depth -= 1
            name = _name(elem.tag)
            if name == "item":
                yield _item(elem)
                if parent is not None:
                    parent.remove(elem)
                elem.clear()
            elif name == "wp:author":
                login = display = ""
                for sub in elem:
                    if _name(sub.tag) == "wp:author_login":
                        login = (sub.text or "").strip()
                    elif _name(sub.tag) == "wp:author_display_name":
                        display = (sub.text or "").strip()
                channel.authors[login] = display or login
            elif name == "wp:category":
                nice = cat = ""
                for sub in elem:
                    if _name(sub.tag) == "wp:category_nicename":
                        nice = (sub.text or "").strip()
                    elif _name(sub.tag) == "wp:cat_name":
                        cat = (sub.text or "").strip()
                channel.categories[nice] = cat
            elif name in {"wp:base_site_url", "wp:base_blog_url"} and not channel.base_url:
                channel.base_url = (elem.text or "").strip().rstrip("/")
    except DefusedXmlException as exc:
        raise ImportRefused(
            _(
                "Berkas ekspor ditolak: memuat deklarasi entitas/DTD atau rujukan ke berkas luar "
                "(pola serangan XML). Ekspor ulang dari WordPress (Alat → Ekspor)."
            )
        ) from exc
    except ParseError as exc:
        raise ImportRefused(
            _("Berkas ekspor bukan XML WordPress yang sah: %(error)s") % {"error": exc}
        ) from exc


def upload_relpath(url_or_path: str) -> str | None:
    """``…/wp-content/uploads/2023/05/x-300x225.jpg`` → ``2023/05/x.jpg``; None if no upload."""
    if UPLOADS_MARKER in url_or_path:
        rel = url_or_path.split(UPLOADS_MARKER, 1)[1]
    else:
        return None
    rel = rel.split("?", 1)[0].split("#", 1)[0]
    return _SIZE_SUFFIX.sub("", rel)


def safe_relpath(rel: str) -> str | None:
    """A relative POSIX path without ``..``, absolute parts or drive letters; None if unsafe."""
    rel = rel.replace("\\", "/").strip()
    if not rel or rel.startswith("/") or re.match(r"^[A-Za-z]:", rel) or "\x00" in rel:
        return None
    parts = PurePosixPath(rel).parts
    if any(p in {"..", ""} for p in parts):
        return None
    return "/".join(parts)


class Uploads:
    """Files of ``wp-content/uploads`` from a folder or a ZIP, looked up by relative path."""

    MAX_FILE = 50 * 1024 * 1024

    def __init__(self, source: str | os.PathLike | None):
        self.root: Path | None = None
        self.zip: zipfile.ZipFile | None = None
        self.names: dict[str, zipfile.ZipInfo] = {}
        if source is None or str(source) == "":
            return
        path = Path(source)
        if path.is_dir():
            self.root = path.resolve()
        elif zipfile.is_zipfile(path):
            self.zip = zipfile.ZipFile(path)
            for info in self.zip.infolist():
                if info.is_dir():
                    continue
                name = info.filename.replace("\\", "/")
                # keep the part after an "uploads/" folder if the ZIP holds one
                for marker in ("wp-content/uploads/", "uploads/"):
                    if marker in name:
                        name = name.split(marker, 1)[1]
                        break
                if safe_relpath(name) is None:
                    continue  # a traversal entry is never reachable
                self.names[name] = info
        else:
            raise ImportRefused(_("Folder atau ZIP unggahan tidak ditemukan atau tidak sah."))

    def read(self, rel: str) -> bytes | None:
        if self.root is not None:
            target = (self.root / rel).resolve()
            if not target.is_relative_to(self.root) or not target.is_file():
                return None
            if target.stat().st_size > self.MAX_FILE:
                return None
            return target.read_bytes()
        if self.zip is not None:
            info = self.names.get(rel)
            if info is None or info.file_size > self.MAX_FILE:
                return None
            try:
                return self.zip.read(info)
            except (zipfile.BadZipFile, RuntimeError, OSError, EOFError):
                return None  # damaged or encrypted entry: reported as a missing file
        return None

    def close(self) -> None:
        if self.zip is not None:
            self.zip.close()
