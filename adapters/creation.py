"""Tables are created on first use; two processes may do it at the same time.

PostgreSQL's `CREATE TABLE IF NOT EXISTS` (and `CREATE SCHEMA IF NOT
EXISTS`) is not safe against a concurrent creator: the loser fails on a
duplicate type, relation or schema, on a catalogue row the winner is updating
("tuple concurrently updated"), on a deadlock between the two, or, when both
created the tracking table, on recording the migration marker the winner
recorded first. Trying again then finds the tables there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
ATTEMPTS = 5
LOST_RACE = (
    "already exists",
    "pg_type_typname_nsp_index",
    "pg_namespace_nspname_index",
    "tuple concurrently updated",
    "deadlock detected",
    "Failed to record tracking for __migration__",
)


def created(make: Callable[[], T]) -> T:
    """`make()`, tried again when it lost a race to create the same tables."""
    for attempt in range(1, ATTEMPTS + 1):
        try:
            return make()
        except Exception as error:
            if attempt == ATTEMPTS or not _lost_race(error):
                raise
            time.sleep(0.05 * attempt)
    raise RuntimeError("unreachable")  # pragma: no cover


def _lost_race(error: BaseException | None) -> bool:
    while error is not None:
        if any(sign in str(error) for sign in LOST_RACE):
            return True
        error = error.__cause__ or error.__context__
    return False
