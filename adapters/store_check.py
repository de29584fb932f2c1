"""Whether a store holds standing's events, checked before a query opens it.

Opening the application creates the library's tables where they are missing.
A query, a status or a rebuild must never do that to a file or a database
that is not a standing store: that is a store it cannot use (exit 3).
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from standing.adapters.store import (
    StoreUnavailable,
    address,
    check_sqlite_file,
    env_for,
    lock_timeout,
    memory,
    opening,
    postgres_connection,
)

APPLICATION = "standing"  # `EventStore.name`
SQLITE_EVENTS = "stored_events"  # the library's table names
POSTGRES_EVENTS = f"{APPLICATION}_events"
EVENT_COLUMNS = frozenset({"originator_id", "originator_version", "topic", "state"})


class Tables(NamedTuple):
    """What a store holds: the events table's columns, and how many tables."""

    event_columns: set[str]
    count: int


def require_events(env: dict[str, str], shown: str) -> None:
    """Raise `StoreUnavailable` unless the store at `shown` (its address, fit
    to print) has standing's events table."""
    if env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite":
        if memory(env["SQLITE_DBNAME"]):  # in memory: made by this process
            return
        tables = _sqlite_tables(env["SQLITE_DBNAME"])
    else:
        tables = _postgres_tables(env)
    if not tables.count:
        raise StoreUnavailable(
            f"no store at {shown}: it holds no standing events; replay events "
            "into it first, or check --db and STANDING_DB"
        )
    if not tables.event_columns:
        raise StoreUnavailable(
            f"cannot open store {shown}: it holds other tables, not standing's "
            "events (check --db and STANDING_DB)"
        )
    if not EVENT_COLUMNS.issubset(tables.event_columns):
        raise StoreUnavailable(
            f"cannot open store {shown}: its events table is not standing's"
        )


def holds_events(db: str | None) -> bool:
    """Whether the store at `db` has standing's events table already (a store
    in memory is taken to). Raises `StoreUnavailable` when it cannot be asked."""
    url = address(db)
    env = env_for(url)
    with opening(url):
        if env["PERSISTENCE_MODULE"] != "eventsourcing.sqlite":
            return bool(_postgres_tables(env).event_columns)
        path = env["SQLITE_DBNAME"]
        if memory(path):
            return True
        check_sqlite_file(path)
        return Path(path).exists() and bool(_sqlite_tables(path).event_columns)


def _sqlite_tables(path: str) -> Tables:
    import sqlite3

    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True, timeout=float(lock_timeout()))
    try:
        count = connection.execute(
            "SELECT count(*) FROM sqlite_master WHERE type='table'"
        ).fetchone()[0]
        rows = connection.execute(f"PRAGMA table_info({SQLITE_EVENTS})").fetchall()
    finally:
        connection.close()
    return Tables({row[1] for row in rows}, count)


def _postgres_tables(env: dict[str, str]) -> Tables:
    schema = env.get("POSTGRES_SCHEMA") or "public"
    with postgres_connection(env) as connection:
        columns = connection.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema=%s AND table_name=%s",
            (schema, POSTGRES_EVENTS),
        ).fetchall()
        count = connection.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema=%s",
            (schema,),
        ).fetchone()
    return Tables({row[0] for row in columns}, count[0] if count else 0)
