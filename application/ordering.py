"""Records in order of `at` (ties in input order), held only when they must be.

A file that is already in time order is streamed as it is read (`records`,
by a second process when the input is large). On the first record out of
order, `in_time_order` raises `Unsorted`; the caller then reads again through
`sorted_records`, which holds every parsed record to sort them. Input that
cannot be read twice (standard input, a pipe, a FIFO) is read once, and kept
for the passes after the first (`Records`).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from contextlib import closing, contextmanager
from types import TracebackType
from zoneinfo import ZoneInfo

from standing.adapters.input.files import read_again
from standing.adapters.input.items import Parsed, Problem

Item = Parsed | Problem
AHEAD_BYTES = 4_000_000  # about 35,000 records: below, a second process costs more


class Unsorted(Exception):
    """The input is not in order of `at`."""


class Records:
    """The records of a replay's files, for each pass the replay makes over
    them: files read again from their start, input that cannot be read again
    read once and kept (`ReadOnce`)."""

    def __init__(self, paths: list[str], tz: ZoneInfo | None) -> None:
        from standing.adapters.input.once import ReadOnce

        self.paths, self.tz = paths, tz
        self._once = None
        if not all(read_again(path) for path in paths):
            self._once = ReadOnce(_read_here(paths, tz))

    @contextmanager
    def reading(self) -> Iterator[Iterator[Item]]:
        """One pass: every record in file order."""
        items = records(self.paths, self.tz) if self._once is None else self._once
        with closing(iter(items)) as each:
            yield each

    def close(self) -> None:
        if self._once is not None:
            self._once.close()

    def __enter__(self) -> Records:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None):
        self.close()


def in_time_order(items: Iterable[Item]) -> Iterator[Item]:
    """Each record as read; raises `Unsorted` at the first one out of order."""
    latest = None
    for item in items:
        if isinstance(item, Parsed):
            if latest is not None and item.fact.at < latest:
                raise Unsorted
            latest = item.fact.at
        yield item


def records(paths: list[str], tz: ZoneInfo | None) -> Iterator[Item]:
    """Every record of these files (to be read again) in file order: read by a
    second process when they are large enough to be worth it (`read_ahead`),
    else here."""
    if _total_size(paths) >= AHEAD_BYTES:
        from standing.adapters.input.ahead import read_ahead

        return read_ahead(paths, tz)
    return _read_here(paths, tz)


def sorted_records(items: Iterable[Item]) -> Iterator[Item]:
    """Problems first, then every parsed record sorted by `at` (stable)."""
    parsed: list[Parsed] = []
    for item in items:
        if isinstance(item, Problem):
            yield item
        else:
            parsed.append(item)
    parsed.sort(key=lambda p: p.fact.at)
    yield from parsed


def _read_here(paths: list[str], tz: ZoneInfo | None) -> Iterator[Item]:
    from standing.adapters.input.reading import (
        read_facts,  # the record models, loaded here
    )

    return read_facts(paths, tz)


def _total_size(paths: list[str]) -> int:
    """The files' size in bytes; 0 if one cannot be read (the reader here
    then reports it)."""
    try:
        return sum(os.path.getsize(path) for path in paths)
    except OSError:
        return 0
