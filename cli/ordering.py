"""Records in order of `at` (ties in input order), held only when they must be.

A file that is already in time order is streamed as it is read. On the first
record out of order, `in_time_order` raises `Unsorted`; the caller then asks
`sorted_records`, which holds every parsed record to sort them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from typing import BinaryIO
from zoneinfo import ZoneInfo

from cli.input import Parsed, Problem, read_facts
from cli.input.reading import STDIN

Item = Parsed | Problem


class Unsorted(Exception):
    """The input is not in order of `at`."""


def in_time_order(
    paths: list[str], tz: ZoneInfo | None, stdin: BinaryIO | None
) -> Iterator[Item]:
    """Each record as read; raises `Unsorted` at the first one out of order."""
    latest = None
    for item in read_facts(paths, tz, _rewound(stdin)):
        if isinstance(item, Parsed):
            if latest is not None and item.fact.at < latest:
                raise Unsorted
            latest = item.fact.at
        yield item


def sorted_records(
    paths: list[str], tz: ZoneInfo | None, stdin: BinaryIO | None
) -> Iterator[Item]:
    """Problems first, then every parsed record sorted by `at` (stable)."""
    parsed: list[Parsed] = []
    for item in read_facts(paths, tz, _rewound(stdin)):
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
    with tempfile.TemporaryFile() as copy:
        shutil.copyfileobj(sys.stdin.buffer, copy)
        yield copy  # type: ignore[misc]


def _rewound(stream: BinaryIO | None) -> BinaryIO | None:
    if stream is not None:
        stream.seek(0)
    return stream
