"""Backup and restore: one archive with the database and the media, restorable on an empty
installation (issue 12, point 6). ``manage.py backup`` and ``manage.py restore`` call these
functions; the runbook is deploy/backup.md.

The archive is a gzip'd tar, readable with standard tools:

- ``manifest.json``: format, date, database engine, applied migrations, whether media is inside;
- ``database.pgdump`` (``pg_dump --format=custom``, PostgreSQL) or ``database.sqlite3`` (a copy
  made with SQLite's online backup API, so the demo can keep running);
- ``media/<name>``: every file of the default storage (disk or S3 bucket), read through Django's
  storage API, so an archive restores onto either kind of storage.

A restore refuses to write into a database that has tables, or a storage that has files, unless
it is forced: an archive must never overwrite a live installation by mistake.
"""

from __future__ import annotations

import io
import json
import os
import re
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.cache import cache
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE_FILES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
ENGINE_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}
MEDIA_PREFIX = "media/"


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class Summary:
    path: Path
    engine: str
    media_files: int | None  # None: media not in the archive
    media_bytes: int = 0
    needs_migrate: bool = False

    def describe(self) -> str:
        parts = [ENGINE_NAMES[self.engine]]
        if self.media_files is None:
            parts.append("tanpa media")
        else:
            parts.append(f"{self.media_files} berkas media, {self.media_bytes / 1e6:.1f} MB")
        return ", ".join(parts)


def default_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"balai-{stamp}.tar.gz"


# --- backup --------------------------------------------------------------------------------


def create_backup(path: Path, *, include_media: bool = True) -> Summary:
    """Write one archive of the database and (unless told otherwise) the media to ``path``.

    The archive holds personal data (PPID requesters, phone numbers): it is created readable by
    its owner only, and appears under its name only once complete.
    """
    engine = _engine()
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    manifest = {
        "format": FORMAT,
        "created_at": timezone.now().isoformat(),
        "engine": engine,
        "database": DATABASE_FILES[engine],
        "migrations": sorted(f"{app}.{name}" for app, name in _applied_migrations()),
        "media": include_media,
        "storage": settings.STORAGES["default"]["BACKEND"],
    }
    count = size = 0
    with tempfile.TemporaryDirectory(prefix="balai-backup-") as tmp:
        db_file = Path(tmp) / DATABASE_FILES[engine]
        if engine == "postgresql":
            _pg_dump(db_file)
        else:
            _sqlite_copy(db_file)
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            with os.fdopen(fd, "wb") as raw, tarfile.open(fileobj=raw, mode="w:gz") as tar:
                data = json.dumps(manifest, indent=2).encode()
                tar.addfile(_member(MANIFEST, len(data)), io.BytesIO(data))
                with db_file.open("rb") as fh:
                    tar.addfile(_member(db_file.name, db_file.stat().st_size), fh)
                if include_media:
                    for name in media_names():
                        info = _member(MEDIA_PREFIX + name, default_storage.size(name))
                        with default_storage.open(name, "rb") as fh:
                            tar.addfile(info, fh)
                        count += 1
                        size += info.size
            os.replace(partial, path)
        finally:
            if partial.exists():
                partial.unlink()
    return Summary(path, engine, count if include_media else None, size)


def media_names(storage=None, folder: str = "") -> Iterator[str]:
    """Every file name in the storage (disk or bucket), depth first."""
    storage = storage or default_storage
    try:
        dirs, files = storage.listdir(folder)
    except FileNotFoundError:  # a disk storage whose folder does not exist yet: empty
        return
    for name in sorted(files):
        yield f"{folder}/{name}" if folder else name
    for name in sorted(dirs):
        yield from media_names(storage, f"{folder}/{name}" if folder else name)


def _engine() -> str:
    if connection.vendor not in DATABASE_FILES:
        raise BackupError(f"Basis data {connection.vendor} tidak didukung (PostgreSQL/SQLite).")
    return connection.vendor


def _applied_migrations():
    return MigrationRecorder(connection).applied_migrations().keys()


def _sqlite_copy(target: Path) -> None:
    connection.ensure_connection()
    copy = sqlite3.connect(target)
    try:
        connection.connection.backup(copy)  # consistent even while the demo keeps writing
    finally:
        copy.close()


def _pg_env() -> dict[str, str]:
    """libpq's environment for the configured database (Django's own dbshell mapping: password,
    SSL files, service), plus host, port, user and database name."""
    from django.db.backends.postgresql.client import DatabaseClient

    db = connection.settings_dict
    _args, env = DatabaseClient.settings_to_cmd_args_env(db, [])
    wanted = {
        "PGHOST": db.get("HOST"),
        "PGPORT": db.get("PORT"),
        "PGUSER": db.get("USER"),
        "PGDATABASE": db.get("NAME"),
    }
    return {**os.environ, **(env or {}), **{k: str(v) for k, v in wanted.items() if v}}


def _pg_tool(name: str) -> str:
    """The path of pg_dump/pg_restore, refused when it is older than the server (it would
    refuse to dump, or silently miss what the newer server stores)."""
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            f"{name} tidak ditemukan. Pasang klien PostgreSQL (Debian: apt-get install "
            "postgresql-client) dengan versi mayor yang sama dengan server atau lebih baru."
        )
    output = subprocess.run([path, "--version"], capture_output=True, text=True, check=False)
    match = re.search(r"(\d+)(?:\.\d+)?", output.stdout)
    connection.ensure_connection()
    server_major = connection.pg_version // 10000
    if match and int(match.group(1)) < server_major:
        raise BackupError(
            f"{name} versi {match.group(1)} lebih tua dari server PostgreSQL {server_major}: "
            f"pasang postgresql-client-{server_major}."
        )
    return path


def _pg_dump(target: Path) -> None:
    tool = _pg_tool("pg_dump")
    result = subprocess.run(
        [tool, "--format=custom", "--no-owner", "--no-privileges", f"--file={target}"],
        env=_pg_env(),
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"pg_dump gagal: {result.stderr.strip()}")


def _member(name: str, size: int) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, int(timezone.now().timestamp())
    return info


# --- restore -------------------------------------------------------------------------------


def restore_backup(path: Path, *, force: bool = False, media_only: bool = False) -> Summary:
    """Restore the database and the media of an archive made by ``create_backup``.

    Refuses (BackupError, nothing changed) when the archive is not Balai's, was made on another
    database engine, or when the database has tables or the storage has files and ``force`` is
    not given. With ``force``, PostgreSQL replaces the archived objects in one transaction
    (``pg_restore --clean``), SQLite replaces the whole file, and media files of the same name
    are overwritten (other files stay). ``media_only`` leaves the database alone and puts back
    the media files only (e.g. into a new bucket after the old one was lost).
    """
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Arsip tidak ditemukan: {path}")
    try:
        tar = tarfile.open(path, "r:gz")  # noqa: SIM115 - closed below
    except (tarfile.TarError, OSError) as exc:
        raise BackupError(f"{path} bukan arsip cadangan Balai ({exc}).") from exc
    with tar:
        manifest = _read_manifest(tar, path)
        engine = _engine()
        if manifest["engine"] != engine:
            source = ENGINE_NAMES[manifest["engine"]]
            raise BackupError(
                f"Cadangan ini dari {source}, basis data tujuan {ENGINE_NAMES[engine]}: "
                f"pulihkan ke basis data {source}."
            )
        if media_only and not manifest["media"]:
            raise BackupError(f"{path} tidak berisi media (dibuat dengan --no-media).")
        _refuse_to_overwrite(force, check_media=manifest["media"], check_database=not media_only)
        member = tar.next()
        if member is None or member.name != manifest["database"]:
            raise BackupError(f"{path} tidak berisi {manifest['database']}: arsip rusak.")
        if not media_only:
            with tempfile.TemporaryDirectory(prefix="balai-restore-") as tmp:
                db_file = Path(tmp) / manifest["database"]
                with tar.extractfile(member) as src, db_file.open("wb") as dst:
                    shutil.copyfileobj(src, dst)
                if engine == "postgresql":
                    _pg_restore(db_file, clean=force)
                else:
                    _sqlite_restore(db_file)
        count = size = 0
        for member in tar:
            if not member.isfile() or not member.name.startswith(MEDIA_PREFIX):
                continue
            name = _safe_media_name(member.name[len(MEDIA_PREFIX) :])
            if default_storage.exists(name):
                default_storage.delete(name)
            with tar.extractfile(member) as src:
                saved = default_storage.save(name, File(src, name=name))
            if saved != name:
                raise BackupError(f"Penyimpanan media menamai ulang {name} menjadi {saved}.")
            count += 1
            size += member.size
    if not media_only:
        _forget_old_state()
    return Summary(
        path, engine, count if manifest["media"] else None, size, needs_migrate=_needs_migrate()
    )


def _read_manifest(tar: tarfile.TarFile, path: Path) -> dict:
    try:
        first = tar.next()
        if first is None or first.name != MANIFEST:
            raise BackupError(f"{path} bukan arsip cadangan Balai (tanpa {MANIFEST}).")
        manifest = json.load(tar.extractfile(first))
    except (tarfile.TarError, OSError, ValueError) as exc:
        raise BackupError(f"{path} bukan arsip cadangan Balai ({exc}).") from exc
    if manifest.get("format") != FORMAT or manifest.get("engine") not in DATABASE_FILES:
        raise BackupError(
            f"Format arsip {manifest.get('format')} tidak dikenal versi Balai ini "
            f"(format {FORMAT})."
        )
    return manifest


def _refuse_to_overwrite(force: bool, *, check_media: bool, check_database: bool) -> None:
    if force:
        return
    tables = connection.introspection.table_names() if check_database else []
    if tables:
        db = connection.settings_dict["NAME"]
        raise BackupError(
            f"Basis data tujuan ({db}) tidak kosong: berisi {len(tables)} tabel (misalnya "
            f"{sorted(tables)[0]}). Pemulihan akan menimpa isinya. Pulihkan ke basis data yang "
            "kosong, atau jalankan lagi dengan --force bila memang ingin menimpanya."
        )
    if check_media and next(media_names(), None) is not None:
        raise BackupError(
            "Penyimpanan media tujuan tidak kosong. Pemulihan akan menimpa berkasnya. Gunakan "
            "MEDIA_ROOT/bucket yang kosong, atau jalankan lagi dengan --force."
        )


def _pg_restore(dump: Path, *, clean: bool) -> None:
    tool = _pg_tool("pg_restore")
    connection.close()  # hold no lock on the tables pg_restore replaces
    args = [tool, "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction"]
    if clean:
        args += ["--clean", "--if-exists"]
    env = _pg_env()
    result = subprocess.run(
        [*args, f"--dbname={env['PGDATABASE']}", str(dump)],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(
            "pg_restore gagal, basis data tidak diubah: "
            f"{result.stderr.strip()}\nBila tabel yang tidak ada di cadangan menghalangi, "
            "pulihkan ke basis data yang baru dan kosong."
        )


def _sqlite_restore(copy: Path) -> None:
    connection.ensure_connection()
    source = sqlite3.connect(copy)
    try:
        source.backup(connection.connection)
    finally:
        source.close()


def _safe_media_name(name: str) -> str:
    parts = PurePosixPath(name).parts
    if not parts or name.startswith("/") or any(p in ("..", "") for p in parts):
        raise BackupError(f"Nama berkas media tidak aman di arsip: {name!r}")
    return name


def _forget_old_state() -> None:
    """Caches that still describe the database before the restore."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    cache.clear()


def _needs_migrate() -> bool:
    executor = MigrationExecutor(connection)
    return bool(executor.migration_plan(executor.loader.graph.leaf_nodes()))
