"""Records in order of `at` (ties in input order), held only when they must be.

A file that is already in time order is streamed as it is read (`records`,
by a second process when the input is large). On the first record out of
order, `in_time_order` raises `Unsorted`; the caller then reads again through
`sorted_records`, which holds every parsed record to sort them.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import BinaryIO
from zoneinfo import ZoneInfo

from cli.input.items import STDIN, Parsed, Problem
from cli.spool import copied

Item = Parsed | Problem
AHEAD_BYTES = 4_000_000  # about 35,000 records: below, a second process costs more


class Unsorted(Exception):
    """The input is not in order of `at`."""


def in_time_order(items: Iterable[Item]) -> Iterator[Item]:
    """Each record as read; raises `Unsorted` at the first one out of order."""
    latest = None
    for item in items:
        if isinstance(item, Parsed):
            if latest is not None and item.fact.at < latest:
                raise Unsorted
            latest = item.fact.at
        yield item


def records(
    paths: list[str], tz: ZoneInfo | None, stdin: BinaryIO | None
) -> Iterator[Item]:
    """Every record in file order: read by a second process when the files
    are large enough to be worth it (`read_ahead`), else here."""
    if stdin is None and _total_size(paths) >= AHEAD_BYTES:
        from cli.input.ahead import read_ahead

        return read_ahead(paths, tz)
    from cli.input.reading import read_facts  # the record models, loaded here

    return read_facts(paths, tz, _rewound(stdin))


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


@contextmanager
def spooled_stdin(paths: list[str]) -> Iterator[BinaryIO | None]:
    """Standard input copied to a temporary file, so it can be read again."""
    if STDIN not in paths:
        yield None
        return
    with copied(sys.stdin.buffer) as copy:
        yield copy


def _total_size(paths: list[str]) -> int:
    """The files' size in bytes; 0 if one cannot be read (the reader here
    then reports it)."""
    try:
        return sum(os.path.getsize(path) for path in paths)
    except OSError:
        return 0


def _rewound(stream: BinaryIO | None) -> BinaryIO | None:
    if stream is not None:
        stream.seek(0)
    return stream
