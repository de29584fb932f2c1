"""Whether a store holds standing's events, checked before a query opens it.

Opening the application creates the library's tables where they are missing.
A query, a status or a rebuild must never do that to a file or a database
that is not a standing store: that is a store it cannot use (exit 3).
"""

from __future__ import annotations

from pathlib import Path

from cli.store import StoreUnavailable, memory

APPLICATION = "standing"  # `StandingApplication.name`
SQLITE_EVENTS = "stored_events"  # the library's table names
POSTGRES_EVENTS = f"{APPLICATION}_events"
EVENT_COLUMNS = frozenset({"originator_id", "originator_version", "topic", "state"})


def require_events(env: dict[str, str], shown: str) -> None:
    """Raise `StoreUnavailable` unless the store at `shown` (its address, fit
    to print) has standing's events table."""
    if env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite":
        if memory(env["SQLITE_DBNAME"]):  # in memory: made by this process
            return
        columns = _sqlite_columns(env["SQLITE_DBNAME"])
    else:
        columns = _postgres_columns(env)
    if not columns:
        raise StoreUnavailable(
            f"no store at {shown}: it holds no standing events; replay events "
            "into it first, or check --db and STANDING_DB"
        )
    if not EVENT_COLUMNS.issubset(columns):
        raise StoreUnavailable(
            f"cannot open store {shown}: its events table is not standing's"
        )


def _sqlite_columns(path: str) -> set[str]:
    import sqlite3

    uri = f"{Path(path).absolute().as_uri()}?mode=ro"
    connection = sqlite3.connect(uri, uri=True)
    try:
        rows = connection.execute(f"PRAGMA table_info({SQLITE_EVENTS})").fetchall()
    finally:
        connection.close()
    return {row[1] for row in rows}


def _postgres_columns(env: dict[str, str]) -> set[str]:
    import psycopg

    with psycopg.connect(
        dbname=env["POSTGRES_DBNAME"],
        host=env["POSTGRES_HOST"],
        port=env["POSTGRES_PORT"],
        user=env["POSTGRES_USER"],
        password=env["POSTGRES_PASSWORD"],
        connect_timeout=int(env["POSTGRES_CONNECT_TIMEOUT"]),
        autocommit=True,
    ) as connection:
        rows = connection.execute(
            "SELECT column_name FROM information_schema.columns "
            "WHERE table_schema=%s AND table_name=%s",
            (env.get("POSTGRES_SCHEMA") or "public", POSTGRES_EVENTS),
        ).fetchall()
    return {row[0] for row in rows}
