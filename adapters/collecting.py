"""Cyclic garbage collection, made rarer while a batch job makes objects by
the million.

The collector looks over the young objects every 700 new ones; a replay or
a catch-up makes millions, most of which live on (the accounts) or die by
reference counting alone (decoded events, rows), so a collection that often
finds nothing is paid for again and again.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_OBJECTS = 50_000


@contextmanager
def fewer_collections(young: int = YOUNG_OBJECTS) -> Iterator[None]:
    """Collect the young generation only every `young` new objects, inside."""
    before = gc.get_threshold()
    gc.set_threshold(young, *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
