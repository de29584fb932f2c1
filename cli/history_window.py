"""A history asked for: the account, its entries and periods, and the
stretch of time `--from` and `--to` choose."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Window:
    """The stretch of time `--from` and `--to` ask about, both ends included."""

    start: datetime | None = None
    end: datetime | None = None

    def holds(self, at: datetime) -> bool:
        return (self.start is None or at >= self.start) and (
            self.end is None or at <= self.end
        )

    def overlaps(self, start: datetime, end: datetime | None) -> bool:
        """Whether a period from `start` to `end` (None: ongoing) meets it."""
        return (self.end is None or start <= self.end) and (
            self.start is None or end is None or end > self.start
        )

    def entries(self, entries: Iterable[Any]) -> Iterator[Any]:
        """The entries within, read no further than its end (they come in
        order of `at`)."""
        for entry in entries:
            if self.end is not None and entry.at > self.end:
                return
            if self.start is None or entry.at >= self.start:
                yield entry


@dataclass(frozen=True, slots=True)
class History:
    account: str
    platform: str
    entries: Iterable[Any]  # `domain.timeline.Entry`, in order of `at`
    periods: list[dict[str, Any]]
    window: Window = Window()
