"""Checked events waiting on disk until the whole replay has been checked.

A replay is checked whole before anything is written, but holding a million
events in memory to do so is not needed: each batch is encoded as the store
will hold it and set down in a temporary file, then written batch by batch.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from types import TracebackType
from typing import Any, BinaryIO

from eventsourcing.persistence import StoredEvent

from standing.adapters.store import StoreUnavailable

Batch = tuple[list[StoredEvent], int]
Row = tuple[Any, int, str, bytes]  # a stored event's fields, which pickle cheaply
CHUNK = 1 << 20


class Spool:
    """Batches of stored events, each with how many facts it records."""

    def __init__(self) -> None:
        with temporary_room():
            self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed on exit
        self.batches = 0

    def add(self, events: list[StoredEvent], facts: int) -> None:
        if events or facts:
            rows: list[Row] = [
                (e.originator_id, e.originator_version, e.topic, e.state)
                for e in events
            ]
            with temporary_room():
                pickle.dump((rows, facts), self._file, pickle.HIGHEST_PROTOCOL)
            self.batches += 1

    def clear(self) -> None:
        with temporary_room():
            self._file.seek(0)
            self._file.truncate()
        self.batches = 0

    def __iter__(self) -> Iterator[Batch]:
        with temporary_room():
            self._file.seek(0)  # writes out what is buffered: a full disk shows here
        for _ in range(self.batches):
            rows, facts = pickle.load(self._file)
            yield [StoredEvent(*row) for row in rows], facts

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | Any):
        with suppress(OSError):  # what a full disk left unwritten is not needed
            self._file.close()


@contextmanager
def copied(stream: BinaryIO) -> Iterator[BinaryIO]:
    """What is left to read of `stream`, in a temporary file (deleted after)."""
    with temporary_room():
        copy = tempfile.TemporaryFile()  # noqa: SIM115 - closed below
    try:
        while chunk := stream.read(CHUNK):  # a failure to read is not one of room
            with temporary_room():
                copy.write(chunk)
        with temporary_room():
            copy.flush()
        yield copy
    finally:
        with suppress(OSError):  # what a full disk left unwritten is not needed
            copy.close()


@contextmanager
def temporary_room() -> Iterator[None]:
    """A temporary folder that is full or unusable, told with where it is and
    how to give the replay room (exit 3: nothing is stored)."""
    try:
        yield
    except OSError as error:
        reason = error.strerror or type(error).__name__
        raise StoreUnavailable(
            f"cannot write in the temporary folder {_folder()}: {reason}; "
            "free space there, or set TMPDIR to a folder with room"
        ) from error


def _folder() -> str:
    try:
        return tempfile.gettempdir()
    except OSError:  # no folder is usable
        return os.environ.get("TMPDIR") or "(none usable)"
