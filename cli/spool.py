"""Checked events waiting on disk until the whole replay has been checked.

A replay is checked whole before anything is written, but holding a million
events in memory to do so is not needed: each batch is encoded as the store
will hold it and set down in a temporary file, then written batch by batch.
"""

from __future__ import annotations

import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType
from typing import Any

from eventsourcing.persistence import StoredEvent

Batch = tuple[list[StoredEvent], int]
Row = tuple[Any, int, str, bytes]  # a stored event's fields, which pickle cheaply


class Spool:
    """Batches of stored events, each with how many facts it records."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed on exit
        self.batches = 0

    def add(self, events: list[StoredEvent], facts: int) -> None:
        if events or facts:
            rows: list[Row] = [
                (e.originator_id, e.originator_version, e.topic, e.state)
                for e in events
            ]
            pickle.dump((rows, facts), self._file, pickle.HIGHEST_PROTOCOL)
            self.batches += 1

    def clear(self) -> None:
        self._file.seek(0)
        self._file.truncate()
        self.batches = 0

    def __iter__(self) -> Iterator[Batch]:
        self._file.seek(0)
        for _ in range(self.batches):
            rows, facts = pickle.load(self._file)
            yield [StoredEvent(*row) for row in rows], facts

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | Any):
        self._file.close()
