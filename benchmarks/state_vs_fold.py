"""`state` from the read model beside the aggregate fold, on one busy account.

    .venv/bin/python benchmarks/state_vs_fold.py [--events 100000] [--db PATH]

Builds an account with N events (posts, removals, violations and short locks
that run out on their own) in a throwaway SQLite store, catches the read
model up, then times the same question both ways: the read model looks one
segment up; the fold reads and applies every event of the account.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

from standing.adapters.event_store import EventStore
from standing.application.session import Session
from standing.domain import events as rules
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey
from standing.projections import ReadModel

BASE = datetime(2021, 1, 1, tzinfo=UTC)
KEY = AccountKey.parse("busy")


def facts(count: int) -> Iterator[Fact]:
    """Registration, then a repeating minute-by-minute cycle of ten events."""
    yield Fact(rules.REGISTERED, KEY, BASE, FactRef("r"), {"holder": "Busy Body"})
    published: list[str] = []
    for n in range(1, count):
        at = BASE + timedelta(minutes=n)
        step = n % 10
        if step == 9:
            fields = {"reason": "spam", "duration": timedelta(seconds=30)}
            yield Fact(rules.LOCKED, KEY, at, FactRef(f"f{n}"), fields)
        elif step == 8:
            yield Fact(rules.VIOLATION, KEY, at, FactRef(f"f{n}"), {"policy": "spam"})
        elif step in (3, 6) and published:
            post = published.pop()
            yield Fact(rules.REMOVED, KEY, at, FactRef(f"f{n}"), {"post": post})
        else:
            published.append(f"p{n}")
            yield Fact(rules.PUBLISHED, KEY, at, FactRef(f"f{n}"), {"post": f"p{n}"})


def store(path: Path) -> EventStore:
    env = {"PERSISTENCE_MODULE": "eventsourcing.sqlite", "SQLITE_DBNAME": str(path)}
    return EventStore(env=env)


def timed(action: Callable[[], object], repeat: int) -> float:
    """Median seconds of `repeat` runs."""
    runs = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        runs.append(time.perf_counter() - started)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, default=None)
    args = parser.parse_args()
    if args.db is not None:
        run(args.events, args.db)
        return
    with tempfile.TemporaryDirectory() as directory:
        run(args.events, Path(directory) / "bench.db")


def run(events: int, path: Path) -> None:
    app = store(path)
    started = time.perf_counter()
    session = Session(app)
    for fact in facts(events):
        session.apply(fact)
    session.save()
    recorded = time.perf_counter() - started

    read_model = ReadModel(app)
    started = time.perf_counter()
    processed = read_model.catch_up()
    projected = time.perf_counter() - started

    last = BASE + timedelta(minutes=events)
    middle = BASE + timedelta(minutes=events // 2, seconds=15)
    fresh = ReadModel(store(path))
    assert fresh.standing(KEY, last).as_dict() == app.standing(KEY, last).as_dict()

    rows = [
        (f"record {events:,} events", recorded, 1),
        (f"catch up the read model ({processed:,} events)", projected, 1),
        (
            "state --at end, read model",
            timed(lambda: fresh.standing(KEY, last), 50),
            50,
        ),
        (
            "state --at middle, read model",
            timed(lambda: fresh.standing(KEY, middle), 50),
            50,
        ),
        (
            "state --at end, aggregate fold",
            timed(lambda: app.standing(KEY, last), 3),
            3,
        ),
        (
            "state --at middle, aggregate fold",
            timed(lambda: app.standing(KEY, middle), 3),
            3,
        ),
    ]
    for label, seconds, runs in rows:
        print(f"{label:<48} {seconds * 1000:>10.2f} ms   (median of {runs})")
    print(f"projection throughput: {processed / projected:,.0f} events/s")


if __name__ == "__main__":
    main()
