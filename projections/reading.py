"""The read model for one query command, through one plain connection.

A query that asks once and exits opens one connection with the database's
own driver (`sqlite3`, `psycopg`): no pool, nothing created, neither the
`eventsourcing` library nor the aggregate loaded. Only when the view is
behind the stored events, or its tables are missing, does the reader open
the application and catch up (`ReadModel`, which creates what is missing, in
a store that holds standing's events: `cli.store_check`), then ask again.
Every connection is closed when the command ends.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from standing.adapters.opening import open_store
from standing.adapters.store import (
    address,
    check_sqlite_file,
    env_for,
    lock_timeout,
    memory,
    opening,
    postgres_connection,
)
from standing.adapters.store_check import APPLICATION, POSTGRES_EVENTS, SQLITE_EVENTS
from standing.projections.reader import Reader
from standing.projections.view_queries import ConnectedView

if TYPE_CHECKING:
    from standing.adapters.event_store import EventStore

# Where the library's recorders keep the stored events and their ids.
SQLITE = {"placeholder": "?", "events_table": SQLITE_EVENTS, "event_id": "rowid"}
POSTGRES = {
    "placeholder": "%s",
    "events_table": POSTGRES_EVENTS,
    "event_id": "notification_id",
}


@contextmanager
def reading(db: str | None) -> Iterator[Reader]:
    """The read model of the store at `db`, for one command."""
    url = address(db, must_exist=True)
    env = env_for(url)
    if memory(env.get("SQLITE_DBNAME", "")):  # nothing to share a connection with
        with opened(db) as app:
            yield _model_reader(app)
        return
    with opening(url):
        connection = _connect(env)
    with closing(connection), _store_errors(env):
        view = _view(connection, env)
        reader = Reader(view, APPLICATION, lambda: _catch_up(db))
        if not _has_tables(view, env):
            reader.catch_up()
        yield reader


@contextmanager
def opened(db: str | None) -> Iterator[EventStore]:
    """The application on the store at `db`, for one command; closed after."""
    app = open_store(db, must_exist=True)
    try:
        yield app
    finally:
        app.close()


def _connect(env: dict[str, str]) -> Any:
    if _sqlite(env):
        import sqlite3

        check_sqlite_file(env["SQLITE_DBNAME"])
        uri = f"{Path(env['SQLITE_DBNAME']).absolute().as_uri()}?mode=rw"
        connection = sqlite3.connect(
            uri, uri=True, timeout=float(lock_timeout()), isolation_level=None
        )
        connection.row_factory = sqlite3.Row
        return connection
    from psycopg.rows import dict_row

    return postgres_connection(env, row_factory=dict_row)


def _view(connection: Any, env: dict[str, str]) -> ConnectedView:
    if _sqlite(env):
        return ConnectedView(connection, **SQLITE)
    schema = env.get("POSTGRES_SCHEMA") or "public"
    return ConnectedView(connection, schema=schema, **POSTGRES)


def _has_tables(view: ConnectedView, env: dict[str, str]) -> bool:
    try:
        view.lag(APPLICATION)
    except _driver(env).Error as error:
        if _missing_table(error, env):
            return False
        raise
    return True


def _missing_table(error: Exception, env: dict[str, str]) -> bool:
    """Whether the driver says a table (or PostgreSQL's schema) is missing."""
    if _sqlite(env):
        return str(error).startswith("no such table")
    from psycopg.errors import UndefinedTable

    return isinstance(error, UndefinedTable)


@contextmanager
def _store_errors(env: dict[str, str]) -> Iterator[None]:
    """The driver's errors as the library's, which the edge reports (exit 3)."""
    try:
        yield
    except _driver(env).Error as error:
        from eventsourcing.persistence import PersistenceError

        raise PersistenceError(str(error)) from error


def _driver(env: dict[str, str]) -> Any:
    """The driver's module, already imported by `_connect`."""
    import importlib

    return importlib.import_module("sqlite3" if _sqlite(env) else "psycopg")


def _sqlite(env: dict[str, str]) -> bool:
    return env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite"


def _catch_up(db: str | None) -> None:
    with opened(db) as app:
        from standing.projections.views import (
            ReadModel,  # the projector and the aggregate
        )

        ReadModel(app).catch_up()


def _model_reader(app: EventStore) -> Reader:
    from standing.projections.views import ReadModel

    return ReadModel(app).reader
