"""An empty PostgreSQL database beside the suite's own, for tests that install Balai afresh
(first run, restore)."""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings


def scratch_postgres(suffix: str) -> tuple[str, Callable[[], None]]:
    """Create (again) the empty database ``<suite database>_<suffix>``; its URL and a drop."""
    import psycopg

    db = settings.DATABASES["default"]
    name = f"{db['NAME']}_{suffix}"[:63]
    params = {
        "host": db["HOST"] or "127.0.0.1",
        "port": db["PORT"] or 5432,
        "user": db["USER"],
        "password": db["PASSWORD"] or None,
    }

    def admin(sql: str) -> None:
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            conn.execute(sql)

    admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin(f'CREATE DATABASE "{name}"')
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    url = f"postgres://{auth}@{params['host']}:{params['port']}/{name}"
    return url, lambda: admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
