"""The floor: every line parsed with `json`, one row per event into a fresh
SQLite file in one transaction; no domain logic.

    .venv/bin/python benchmarks/floor.py EVENTS.jsonl STORE.db
"""

from __future__ import annotations

import json
import sqlite3
import sys


def load(events: str, store: str) -> int:
    """Insert every event of `events` into `store`; return how many."""
    connection = sqlite3.connect(store)
    connection.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, account TEXT, type TEXT,"
        " at TEXT, body TEXT)"
    )
    count = 0
    with connection, open(events, "rb") as lines:
        for line in lines:
            record = json.loads(line)
            connection.execute(
                "INSERT INTO events (account, type, at, body) VALUES (?, ?, ?, ?)",
                (record["account"], record["type"], record["at"], line),
            )
            count += 1
    connection.close()
    return count


if __name__ == "__main__":
    print(load(sys.argv[1], sys.argv[2]))
