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
        _drop_schemas(base, [schema])


@contextmanager
def schemas_not_there_yet(count: int = 1) -> Iterator[tuple[str, list[str]]]:
    """The server's address and `count` schema names no other test uses, left
    uncreated; whatever a test creates under them is dropped after."""
    base = postgres_base()
    schemas = [f"test_new_{uuid4().hex[:12]}" for _ in range(count)]
    try:
        yield base, schemas
    finally:
        _drop_schemas(base, schemas)


def _drop_schemas(base: str, schemas: list[str]) -> None:
    import psycopg

    with psycopg.connect(base, autocommit=True, connect_timeout=5) as connection:
        for schema in schemas:
            connection.execute(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE')


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


def run_sql(url: str, *statements: str) -> None:
    """Run statements on the store at `url` (a SQLite path, or a schema), as
    another program would: in one transaction, with nothing of standing's."""
    if url.startswith("postgresql://"):
        import psycopg

        base, schema = url.split("?schema=")
        with psycopg.connect(base) as connection:
            connection.execute(f'SET search_path TO "{schema}"')
            for statement in statements:
                connection.execute(statement)  # type: ignore[arg-type]
        return
    with sqlite3.connect(url, timeout=5) as connection:
        for statement in statements:
            connection.execute(statement)
    connection.close()


def table_names(url: str) -> set[str]:
    """The tables in the store at `url`."""
    if url.startswith("postgresql://"):
        import psycopg

        base, schema = url.split("?schema=")
        with psycopg.connect(base) as connection:
            rows = connection.execute(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema=%s",
                (schema,),
            ).fetchall()
            return {row[0] for row in rows}
    with sqlite3.connect(f"file:{url}?mode=ro", uri=True, timeout=5) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type='table'")
        names = {row[0] for row in rows}
    connection.close()
    return names
