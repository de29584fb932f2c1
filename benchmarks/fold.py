"""The pure fold alone: `evolve` over a generated file's events, no storage.

    .venv/bin/python benchmarks/fold.py [--events 1000000] [--accounts 100000]

Generates the events, reads them as facts (not timed), decides each on its
account's state with `decide` and folds the events in with `evolve` (timed:
the state machine as a replay's check runs it), then folds every account's
events again with `evolve` alone (timed: what a rebuild or a simulation runs
per event). Facts on archives need the transfer's choreography between two
accounts, which the application plays; here they are counted and skipped.
Prints events per second and the processor time an event of each.
"""

from __future__ import annotations

import argparse
import json
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from standing.adapters.input.reading import read_facts
from standing.application.generating import generate
from standing.domain.errors import DomainError
from standing.domain.events import Event
from standing.domain.fold import evolve
from standing.domain.machine import decide
from standing.domain.state import AccountState


def facts_of(path: Path) -> list:
    return [
        item.fact for item in read_facts([str(path)], None) if hasattr(item, "fact")
    ]


def decided(facts: list) -> tuple[dict, int]:
    """Each account's events, and how many facts were skipped."""
    states: dict = {}
    events: dict[object, list[Event]] = defaultdict(list)
    skipped = 0
    for fact in facts:
        key = fact.key.id
        made = decide(states.get(key), fact)
        if isinstance(made, DomainError):
            skipped += 1
            continue
        for event in made:
            states[key] = evolve(states.get(key), event)
            events[key].append(event)
    return events, skipped


def folded(events: dict[object, list[Event]]) -> int:
    count = 0
    for history in events.values():
        state: AccountState | None = None
        for event in history:
            state = evolve(state, event)
        count += len(history)
    return count


def timed(work, *args):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), time.process_time()
    result = work(*args)
    return result, time.perf_counter() - wall, time.process_time() - cpu


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "events.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for record in generate(args.events, args.accounts, args.seed):
                out.write(json.dumps(record) + "\n")
        facts = facts_of(path)
    (events, skipped), wall, cpu = timed(decided, facts)
    n = sum(len(history) for history in events.values())
    print(f"{len(facts):,} facts read; {skipped:,} on archives skipped")
    print(f"decide + evolve {n / wall:>10,.0f} ev/s {cpu / n * 1e6:6.2f} µs/ev cpu")
    count, wall, cpu = timed(folded, events)
    rate, each = count / wall, cpu / count * 1e6
    print(f"evolve alone    {rate:>10,.0f} ev/s {each:6.2f} µs/ev cpu")


if __name__ == "__main__":
    main()
