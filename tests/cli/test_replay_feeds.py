"""However the events of a replay are fed (a file, a JSON array, standard
input, a pipe, out of order, split across files), the same events are stored
and every query answers the same."""

from __future__ import annotations

import json
import random
import tempfile
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from standing.cli.main import app
from standing.domain.timefmt import iso, iso_duration
from tests.cli.pipes import piped
from tests.integration.standing_histories import Step, histories, minutes
from tests.properties import examples, property_test
from tests.stores import stored_rows

pytestmark = property_test

SETTINGS = settings(
    max_examples=examples(12),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
Record = dict[str, Any]
Fed = tuple[list[str], bytes | None]  # the files to name, and standard input
Feed = Callable[[list[Record], Path], AbstractContextManager[Fed]]


def as_record(step: Step) -> Record:
    """The step as a line of an event file says it."""
    fields = {name: _json(value) for name, value in step.fields.items()}
    given = {name: value for name, value in fields.items() if value is not None}
    return {"type": step.type, "at": iso(step.at), "account": step.handle} | given


def _json(value: Any) -> Any:
    if isinstance(value, datetime):
        return iso(value)
    if isinstance(value, timedelta):
        return iso_duration(value)
    return value


def out_of_order(records: list[Record], rng: random.Random) -> list[Record]:
    """`records` shuffled, except that those of one instant keep their order
    (a replay keeps it: SPEC section 3)."""
    order = list(range(len(records)))
    rng.shuffle(order)
    slots, groups = defaultdict(list), defaultdict(list)
    for slot, index in enumerate(order):
        slots[records[index]["at"]].append(slot)
    for record in records:
        groups[record["at"]].append(record)
    shuffled: list[Record] = list(records)
    for at, group in groups.items():
        for slot, record in zip(slots[at], group, strict=True):
            shuffled[slot] = record
    return shuffled


def lines(records: list[Record]) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def written(path: Path, data: bytes) -> str:
    path.write_bytes(data)
    return str(path)


@contextmanager
def a_file(records: list[Record], here: Path) -> Iterator[Fed]:
    yield [written(here / "events.jsonl", lines(records))], None


@contextmanager
def an_array(records: list[Record], here: Path) -> Iterator[Fed]:
    yield [written(here / "events.json", json.dumps(records, indent=1).encode())], None


@contextmanager
def stdin(records: list[Record], here: Path) -> Iterator[Fed]:
    yield ["-"], lines(records)


@contextmanager
def a_pipe(records: list[Record], here: Path) -> Iterator[Fed]:
    with piped(lines(records)) as path:
        yield [path], None


@contextmanager
def split(records: list[Record], here: Path) -> Iterator[Fed]:
    """Three files, the middle one a JSON array."""
    third = len(records) // 3 + 1
    parts = [records[:third], records[third : 2 * third], records[2 * third :]]
    yield (
        [
            written(here / "a.jsonl", lines(parts[0])),
            written(here / "b.json", json.dumps(parts[1]).encode()),
            written(here / "c.jsonl", lines(parts[2])),
        ],
        None,
    )


FEEDS: dict[str, Feed] = {
    "file": a_file,
    "array": an_array,
    "stdin": stdin,
    "pipe": a_pipe,
    "split": split,
}


def replayed(feed: Feed, records: list[Record], here: Path, db: Path) -> None:
    with feed(records, here) as (paths, data):
        result = CliRunner().invoke(
            app, ["replay", *paths, "--db", str(db), "--json"], input=data
        )
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["rejected"] == 0


def outcome(db: Path, instants: list[datetime]) -> tuple[list[tuple], list[Any]]:
    """The stored events, and every account as of each instant (as the
    status and output of `accounts`: a store with nothing in it is none)."""
    runner = CliRunner()
    at = [["accounts", "--at", iso(instant), "--db", str(db)] for instant in instants]
    answers = [runner.invoke(app, [*query, "--json"]) for query in at]
    return stored_rows(str(db)), [(a.exit_code, a.stdout) for a in answers]


@SETTINGS
@given(history=histories(max_steps=25), rng=st.randoms(use_true_random=False))
def test_every_way_of_feeding_a_replay_stores_the_same_and_answers_alike(
    history: list[Step], rng: random.Random
) -> None:
    records = [as_record(step) for step in history]
    shuffled = out_of_order(records, rng)
    last = history[-1].minute if history else 0
    instants = [minutes(last // 2), minutes(last), minutes(last + 500)]
    with tempfile.TemporaryDirectory() as directory:
        here = Path(directory)
        replayed(a_file, records, here, here / "expected.db")
        expected = outcome(here / "expected.db", instants)
        # a record repeated word for word is one fact (its derived id is the same)
        distinct = {json.dumps(record, sort_keys=True) for record in records}
        assert len(expected[0]) >= len(distinct)
        for name, feed in FEEDS.items():
            for order, fed in (("sorted", records), ("unsorted", shuffled)):
                db = here / f"{name}-{order}.db"
                replayed(feed, fed, here, db)
                assert outcome(db, instants) == expected, (name, order)
