"""The records of an input that can be read only once, for every pass.

A replay may go over its records more than once: again in order of `at`
when they are not, again after another writer stored the same accounts.
Standard input, a pipe or a FIFO gives its bytes once; read again, it gives
nothing, and the records would be lost. `ReadOnce` reads such input once and
keeps each item on disk as it is read (as `cli.input.ahead` sends it), so
memory holds a batch, and every pass sees every item.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator
from types import TracebackType

from standing.adapters.input.ahead import BATCH, Item, decoded, encoded


class ReadOnce:
    """`items`, read once as the first pass needs them, and kept for the next."""

    def __init__(self, items: Iterator[Item]) -> None:
        self._items = items
        self._file = tempfile.TemporaryFile()  # noqa: SIM115 - closed by close()
        self._offsets: list[int] = []  # where each kept batch starts
        self._pending: list[tuple] = []

    def __iter__(self) -> Iterator[Item]:
        """One pass: what was read before, then the rest, read now."""
        self._keep()
        for offset in list(self._offsets):
            self._file.seek(offset)
            for sent in pickle.load(self._file):
                yield decoded(sent)
        for item in self._items:
            self._pending.append(encoded(item))
            if len(self._pending) >= BATCH:
                self._keep()
            yield item

    def _keep(self) -> None:
        if self._pending:
            self._offsets.append(self._file.seek(0, os.SEEK_END))
            pickle.dump(self._pending, self._file, pickle.HIGHEST_PROTOCOL)
            self._pending = []

    def close(self) -> None:
        self._file.close()
        close = getattr(self._items, "close", None)
        if close is not None:
            close()

    def __enter__(self) -> ReadOnce:
        return self

    def __exit__(self, *_: type[BaseException] | BaseException | TracebackType | None):
        self.close()
