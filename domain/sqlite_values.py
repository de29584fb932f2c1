"""How `sqlite3` binds the values this project stores most: None and bytes.

Python's `sqlite3` binds an `int`, a `float` or a `str` at once, but for
`None` and `bytes` it first looks for an adapter, and each miss raises and
clears an `AttributeError`: one a stored event (its state), three or four a
read-model row (its empty columns), about 5 % of a rebuild's work. With the
identity registered for both (as C callables: no Python frame), the look-up
hits at once. What is bound is the same: NULL and BLOB.
"""

from __future__ import annotations

import sqlite3


def bind_without_looking_for_adapters() -> None:
    sqlite3.register_adapter(type(None), {}.get)  # {}.get(None) is None
    sqlite3.register_adapter(bytes, bytes)  # bytes(b) is b
