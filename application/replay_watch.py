"""What a replay tells as it goes, for a progress display to show.

A replay reads its records (in file order), checks them (in time order,
while reading when the input is sorted, after reading all when it is not),
then stores the facts that are new. `replay` calls a `Watch` at each step;
the default watches nothing and costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from standing.adapters.input.items import Parsed, Problem

Item = Parsed | Problem


class Watch(Protocol):
    def reading(self, items: Iterator[Item], sorting: bool) -> Iterator[Item]:
        """`items` as read, in file order; `sorting`: every one is read before
        any is checked (the input is not in time order). Called again when a
        replay starts over."""
        ...

    def checked(self, facts: int) -> None:
        """`facts` more records were checked."""
        ...

    def storing(self, facts: int) -> None:
        """The checked input is whole: `facts` new facts are to be stored."""
        ...

    def stored(self, facts: int) -> None:
        """`facts` more facts were stored (committed)."""
        ...


class Unwatched:
    def reading(self, items: Iterator[Item], sorting: bool) -> Iterator[Item]:
        return items

    def checked(self, facts: int) -> None:
        return None

    def storing(self, facts: int) -> None:
        return None

    def stored(self, facts: int) -> None:
        return None


UNWATCHED = Unwatched()
