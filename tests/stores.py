"""Stores for tests: a fresh SQLite file, or a fresh PostgreSQL schema."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from uuid import uuid4

import pytest

POSTGRES_VARIABLE = "STANDING_TEST_POSTGRES"
BACKENDS = ("sqlite", "postgres")


def postgres_base() -> str:
    """The server's address, or skip (visibly) when none is configured."""
    url = os.environ.get(POSTGRES_VARIABLE)
    if not url:
        pytest.skip(
            f"PostgreSQL not configured: set {POSTGRES_VARIABLE}, e.g. "
            "postgresql://postgres@127.0.0.1:5432/test"
        )
    return url


@contextmanager
def fresh_store(backend: str, tmp_path: Path) -> Iterator[str]:
    """A store address no other test uses; PostgreSQL's schema is dropped after."""
    if backend == "sqlite":
        yield str(tmp_path / "store.db")
        return
    import psycopg

    base = postgres_base()
    schema = f"test_{uuid4().hex[:16]}"
    with psycopg.connect(base, autocommit=True, connect_timeout=5) as connection:
        connection.execute(f'CREATE SCHEMA "{schema}"')
    try:
        yield f"{base}?schema={schema}"
    finally:
        with psycopg.connect(base, autocommit=True, connect_timeout=5) as connection:
            connection.execute(f'DROP SCHEMA "{schema}" CASCADE')


def stored_rows(url: str) -> list[tuple]:
    """Every stored event's (originator, version, topic), in a stable order."""
    columns = "originator_id, originator_version, topic"
    order = "ORDER BY originator_id, originator_version"
    if url.startswith("postgresql://"):
        import psycopg

        base, schema = url.split("?schema=")
        with psycopg.connect(base) as connection:
            query = f'SELECT {columns} FROM "{schema}".standing_events {order}'
            return [tuple(map(str, row)) for row in connection.execute(query)]
    if not Path(url).exists():
        return []
    with sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=5) as connection:
        try:
            rows = connection.execute(f"SELECT {columns} FROM stored_events {order}")
            return [tuple(map(str, row)) for row in rows]
        except sqlite3.OperationalError:
            return []
