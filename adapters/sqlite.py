"""How `sqlite3` binds the values this project stores most: None and bytes.

Python's `sqlite3` binds an `int`, a `float` or a `str` at once, but for
`None` and `bytes` it first looks for an adapter, and each miss raises and
clears an `AttributeError`: one a stored event (its state), three or four a
read-model row (its empty columns), about 5 % of a rebuild's work. With the
identity registered for both (as C callables: no Python frame), the look-up
hits at once. What is bound is the same: NULL and BLOB.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from functools import cache
from operator import attrgetter
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from eventsourcing.sqlite import SQLiteApplicationRecorder

_STORED = attrgetter("originator_version", "topic", "state")
# Every stored event adds a key at a random place in the events' index, so
# most log pages are index pages written again and again: checkpointing every
# 20,000 pages (not 1,000) copies each into the file fewer times.
CHECKPOINT_PAGES = 20_000


@cache  # once a process: when the first store is opened
def bind_without_looking_for_adapters() -> None:
    sqlite3.register_adapter(type(None), {}.get)  # {}.get(None) is None
    sqlite3.register_adapter(bytes, bytes)  # bytes(b) is b


def is_sqlite(recorder: Any) -> bool:
    return isinstance(recorder, SQLiteApplicationRecorder)


def insert_rows(
    recorder: SQLiteApplicationRecorder, events: Sequence[StoredEvent]
) -> None:
    """Record `events` in one transaction, in one statement.

    The library's SQLite recorder inserts them one statement each, to learn
    their notification ids; nobody here needs those, so they go in one
    statement, through the library's own datastore.
    """
    rows = [(_as_stored_id(e.originator_id), *_STORED(e)) for e in events]
    with recorder.datastore.transaction(commit=True) as cursor:
        if len(rows) > 1:  # a replay: copy the log into the file less often
            cursor.execute(f"PRAGMA wal_autocheckpoint={CHECKPOINT_PAGES}")
        cursor.executemany(recorder.insert_events_statement, rows)


def _as_stored_id(originator_id: UUID | str) -> str:
    """An aggregate id as the library's SQLite recorder stores it."""
    return originator_id.hex if isinstance(originator_id, UUID) else originator_id
