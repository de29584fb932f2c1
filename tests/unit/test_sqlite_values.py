"""None and bytes are bound as SQLite's NULL and BLOB, whatever adapters the
application registers to bind them faster."""

import sqlite3

import standing.application.service  # noqa: F401 - registers the adapters


def test_none_and_bytes_are_stored_as_null_and_blob():
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (a, b)")
    state = b'{"at": 1}'

    connection.execute("INSERT INTO t VALUES (?, ?)", (None, state))

    stored = connection.execute("SELECT a, b, typeof(a), typeof(b) FROM t").fetchone()
    assert stored == (None, state, "null", "blob")
