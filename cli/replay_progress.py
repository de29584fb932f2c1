"""A replay's progress on a terminal: each long phase a named bar with its
total, rate and time left; nothing when stderr is not a terminal.

The phases: "reading and checking" (bytes of the input files, or records
from standard input, whose size is not known), or for input not in time
order "reading, to sort" and then "checking" (records); "storing" (facts);
"read models" (events). A finished phase's bar stays, full, while the next
runs; all go when the replay ends, and its summary line stays.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator
from functools import cached_property
from types import TracebackType
from typing import TYPE_CHECKING

from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    ProgressColumn,
    Task,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
    TransferSpeedColumn,
)
from rich.text import Text

from standing.adapters.input.items import STDIN, Parsed
from standing.application.replay_watch import Item
from standing.cli.line_offsets import LineOffsets

if TYPE_CHECKING:
    from standing.projections import ReadModel

BYTES, RECORDS, FACTS, EVENTS = "bytes", "records", "facts", "events"
EVERY = 1000  # records read between two moves of the reading bar


class ReplayProgress:
    """The bars of one replay (a `Watch`), on `console` when `shown`."""

    def __init__(self, console: Console, paths: list[str], shown: bool) -> None:
        self.paths = paths
        self.shown = shown
        self.bars = Progress(*_columns(), console=console, transient=True)
        self.checking: TaskID | None = None
        self.storing_bar: TaskID | None = None

    def __enter__(self) -> ReplayProgress:
        if self.shown:
            self.bars.start()
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None):
        if self.shown:  # stopped, rich ends a display that never started with a line
            self.bars.stop()

    def reading(self, items: Iterator[Item], sorting: bool) -> Iterator[Item]:
        if not self.shown:
            return items
        for task in list(self.bars.task_ids):  # a replay that starts over
            self.bars.remove_task(task)
        self.checking = self.storing_bar = None
        return self._read(items, sorting)

    @cached_property
    def offsets(self) -> LineOffsets | None:
        """Where the input's lines end; None unless every input is a regular
        file: standard input or a pipe (`<(...)`) has no size, and can be
        read only once, by the replay; one that cannot be read, the replay
        reports."""
        try:
            if STDIN in self.paths or not all(map(_regular, self.paths)):
                return None
            return LineOffsets(self.paths)
        except OSError:
            return None

    def _read(self, items: Iterator[Item], sorting: bool) -> Iterator[Item]:
        offsets = self.offsets
        name = "reading, to sort" if sorting else "reading and checking"
        total = offsets.total if offsets else None
        task = self._add(name, BYTES if offsets else RECORDS, total)
        read = parsed = 0
        for item in items:
            yield item
            read += 1
            parsed += isinstance(item, Parsed)
            if read % EVERY == 0:
                done = offsets.at(item.file, item.line) if offsets else read
                self.bars.update(task, completed=done)
        self.bars.update(
            task, completed=total if offsets else read, total=total or read
        )
        if sorting:
            self.checking = self._add("checking", RECORDS, parsed)

    def checked(self, facts: int) -> None:
        if self.checking is not None:
            self.bars.advance(self.checking, facts)

    def storing(self, facts: int) -> None:
        if self.shown:
            self._finish()
            self.storing_bar = self._add("storing", FACTS, facts)

    def stored(self, facts: int) -> None:
        if self.storing_bar is not None:
            self.bars.advance(self.storing_bar, facts)

    def read_models(self, model: ReadModel) -> Callable[[int, int], None]:
        """The progress of `model`'s catch-up (`done` of `head` events), on a
        bar that starts where the model stands."""
        if not self.shown:
            return lambda done, head: None
        self._finish()
        start = model.status()[0]
        task = self._add("read models", EVENTS, start.head)
        self.bars.update(task, completed=start.position)
        return lambda done, head: self.bars.update(task, completed=done, total=head)

    def _add(self, name: str, unit: str, total: int | None) -> TaskID:
        return self.bars.add_task(name, total=total, unit=unit)

    def _finish(self) -> None:
        """The phases so far shown full: they are done."""
        for task in self.bars.tasks:
            total = task.total if task.total is not None else task.completed
            self.bars.update(task.id, completed=total, total=total)


def _regular(path: str) -> bool:
    return stat.S_ISREG(os.stat(path).st_mode)


class Amount(ProgressColumn):
    """`12.3/36.1 MB` of bytes, else `120,000/300,000 facts`."""

    def render(self, task: Task) -> Text:
        if task.fields["unit"] == BYTES:
            return DownloadColumn().render(task)
        total = f"/{int(task.total):,}" if task.total is not None else ""
        amount = f"{int(task.completed):,}{total} {task.fields['unit']}"
        return Text(amount, style="progress.download")


class Rate(ProgressColumn):
    """`1.2 MB/s` of bytes, else `5,432 facts/s`."""

    def render(self, task: Task) -> Text:
        if task.fields["unit"] == BYTES:
            return TransferSpeedColumn().render(task)
        speed = task.finished_speed or task.speed
        if speed is None:
            return Text("")
        return Text(
            f"{speed:,.0f} {task.fields['unit']}/s", style="progress.data.speed"
        )


def _columns() -> tuple[ProgressColumn, ...]:
    return (
        TextColumn("{task.description}"),
        BarColumn(),
        Amount(),
        Rate(),
        TimeRemainingColumn(elapsed_when_finished=True),
    )
