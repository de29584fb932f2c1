"""Opening a store: its address checked, its schema made where a replay needs
one, and the event store made on it (the library is loaded here, and only
when a store is opened)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from standing.adapters.creation import created
from standing.adapters.store import (
    address,
    check_sqlite_file,
    create_schema,
    env_for,
    opening,
    redact,
)
from standing.adapters.store_check import require_events

if TYPE_CHECKING:
    from standing.adapters.event_store import EventStore

Store = TypeVar("Store", bound="EventStore")


def open_store(
    db: str | None,
    must_exist: bool = False,
    kind: type[Store] | None = None,
) -> Store:
    """The event store (`kind`: an application made on it) at `db`; raises
    `StoreUnavailable`.

    A query (`must_exist`) never creates a store, nor the library's tables in a
    file or database that holds no standing events: either is an error.
    """
    url = address(db, must_exist)
    env = env_for(url)
    with opening(url):
        if env["PERSISTENCE_MODULE"] == "eventsourcing.sqlite":
            check_sqlite_file(env["SQLITE_DBNAME"])
        if must_exist:
            require_events(env, redact(url))
        elif "POSTGRES_SCHEMA" in env:
            created(lambda: create_schema(env))
        made: Any = kind or _event_store()
        return created(lambda: made(env=env))  # type: ignore[no-any-return]


def _event_store() -> type[EventStore]:
    from standing.adapters.event_store import EventStore  # the library: loaded here

    return EventStore
