"""A replay killed outright (kill -9, power loss) at any moment: running it
again gives exactly the store a clean replay gives (SPEC section 3).

Each round kills a replay on a fresh store once a random share of its events
is stored: between two of its commits or while the read models catch up; then
kills the replay run again at a random instant (while it checks, stores the
rest or catches up), then runs it to its end."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from standing.application.generating import generate
from tests.cli import handovers
from tests.stores import BACKENDS, fresh_store, stored_rows

STANDING = str(Path(sys.executable).with_name("standing"))
ROUNDS = 2
MOMENTS = random.Random(20210106)  # when the kills land
POLL = 0.01  # seconds between two looks at what is stored
# enough for a replay of several commits: SQLite commits 20,000 events at a
# time, PostgreSQL every 5,000 facts
GENERATED = {"sqlite": 22_000, "postgres": 12_000}


def event_files(folder: Path, events: int) -> list[str]:
    """Generated facts, and handovers with their archives."""
    generated, offices = folder / "generated.jsonl", folder / "handovers.jsonl"
    records = generate(events, events // 10, seed=5)
    generated.write_text("".join(json.dumps(r) + "\n" for r in records))
    histories = (handovers.office_history(i, tenures=4) for i in range(100))
    facts = sorted((f for h in histories for f in h), key=lambda f: f["at"])
    offices.write_text("".join(json.dumps(f) + "\n" for f in facts))
    return [str(generated), str(offices)]


@pytest.mark.slow
@pytest.mark.parametrize("backend", BACKENDS)
def test_a_replay_killed_at_any_moment_completes_exactly_when_run_again(
    backend, tmp_path
):
    files = event_files(tmp_path, GENERATED[backend])
    with fresh_store(backend, _folder(tmp_path, "clean")) as clean:
        started = time.monotonic()
        assert _standing("replay", *files, "--db", clean).returncode == 0
        lasts = time.monotonic() - started
        expected = _store(clean)
    total = len(expected[0])

    outcomes = []
    for round_ in range(ROUNDS):
        with fresh_store(backend, _folder(tmp_path, f"killed{round_}")) as url:
            _killed_twice(
                files, url, MOMENTS.uniform(0, total), MOMENTS.uniform(0, lasts)
            )
            rerun = _standing("replay", *files, "--db", url, "--json")
            outcomes.append((rerun.returncode, rerun.stderr, _store(url) == expected))

    assert outcomes == [(0, "", True)] * ROUNDS


def _killed_twice(files: list[str], url: str, events: float, seconds: float) -> None:
    """A replay into `url` killed once `events` events are stored, then one
    killed `seconds` after it starts."""
    _killed_when(lambda: stored_count(url) >= events, files, url)
    instant = time.monotonic() + seconds
    _killed_when(lambda: time.monotonic() >= instant, files, url)


def _killed_when(due: Callable[[], bool], files: list[str], url: str) -> None:
    """`standing replay FILES` into `url`, killed with SIGKILL as soon as it
    is `due` (unless it ended before)."""
    replay = subprocess.Popen(
        [STANDING, "replay", *files, "--db", url],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    while replay.poll() is None and not due():
        time.sleep(POLL)
    replay.send_signal(signal.SIGKILL)
    replay.wait()


def stored_count(url: str) -> int:
    """How many events the store at `url` holds (0 before its tables exist)."""
    query = "SELECT COUNT(*) FROM {}"
    if url.startswith("postgresql://"):
        import psycopg

        base, schema = url.split("?schema=")
        with psycopg.connect(base, autocommit=True) as connection:
            try:
                table = f'"{schema}".standing_events'
                return connection.execute(query.format(table)).fetchone()[0]
            except psycopg.errors.UndefinedTable:
                return 0
    try:
        with closing(sqlite3.connect(f"file:{url}?mode=ro", uri=True)) as db:
            return db.execute(query.format("stored_events")).fetchone()[0]
    except sqlite3.OperationalError:  # no file yet, or no table
        return 0


def _store(url: str) -> tuple[list[tuple], str]:
    """The stored events, and every account's state as a query answers."""
    accounts = ("accounts", "--at", "2022-01-01", "--json", "--db", url)
    return stored_rows(url), _standing(*accounts).stdout


def _standing(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STANDING, *args], capture_output=True, text=True, timeout=600
    )


def _folder(parent: Path, name: str) -> Path:
    folder = parent / name
    folder.mkdir()
    return folder
