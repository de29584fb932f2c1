"""`state` in process: p50 and p99 over random accounts and instants.

    .venv/bin/python benchmarks/probe.py STORE ACCOUNTS.txt FROM TO [--samples N]

ACCOUNTS.txt holds one handle a line; FROM and TO (ISO 8601) bound the
instants. A thousand other questions are asked first, untimed, so that a
store whose pages have left the operating system's cache is not timed cold.
Prints one JSON object: {"samples", "p50_ms", "p99_ms"}.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import time
from datetime import datetime

from standing.adapters.opening import open_store
from standing.domain.identity import AccountKey
from standing.projections import ReadModel

WARM_UP = 1_000  # questions asked, and not timed, before the timed ones


def probe(store: str, handles: list[str], start: datetime, end: datetime, n: int):
    rng = random.Random(6)
    model = ReadModel(open_store(store))
    model.catch_up()
    span = (end - start).total_seconds()
    questions = [
        (AccountKey.parse(rng.choice(handles)), _instant(start, span, rng))
        for _ in range(n + WARM_UP)
    ]
    for key, at in questions[n:]:  # other questions first: caches warm, not primed
        model.standing(key, at)
    timings = []
    for key, at in questions[:n]:
        began = time.perf_counter()
        model.standing(key, at)
        timings.append((time.perf_counter() - began) * 1000)
    cuts = statistics.quantiles(timings, n=100)
    return {"samples": n, "p50_ms": cuts[49], "p99_ms": cuts[98]}


def _instant(start: datetime, span: float, rng: random.Random) -> datetime:
    from datetime import timedelta

    return start + timedelta(seconds=rng.uniform(0, span))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("store")
    parser.add_argument("accounts")
    parser.add_argument("start", type=datetime.fromisoformat)
    parser.add_argument("end", type=datetime.fromisoformat)
    parser.add_argument("--samples", type=int, default=10_000)
    args = parser.parse_args()
    with open(args.accounts) as lines:
        handles = [line.strip() for line in lines if line.strip()]
    print(json.dumps(probe(args.store, handles, args.start, args.end, args.samples)))


if __name__ == "__main__":
    main()
