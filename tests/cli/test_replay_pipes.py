"""Input that can be read only once (standard input, a pipe, a FIFO) is read
once: every event in it is stored, however often the replay goes over it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from standing.adapters.opening import open_store
from standing.application import replay as replaying
from standing.application.generating import generate
from standing.application.replay import replay
from tests.cli.pipes import piped
from tests.cli.records import event, registered
from tests.stores import stored_rows

STANDING = str(Path(sys.executable).with_name("standing"))
UNSORTED = [
    registered("jack"),
    event("post.published", "jack", "2021-01-03T00:00:00Z", post="p2"),
    event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    event("post.removed", "jack", "2021-01-04T00:00:00Z", post="p1"),
]


def json_lines(records: list[dict]) -> bytes:
    return "".join(json.dumps(record) + "\n" for record in records).encode()


def test_unsorted_events_from_a_pipe_are_all_stored(standing, db):
    with piped(json_lines(UNSORTED)) as path:
        result = standing("replay", path, "--json")

    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["applied"] == 4
    assert len(stored_rows(db)) == 4


def test_a_replay_from_a_pipe_that_loses_a_race_stores_every_event(
    store_url, events_file, monkeypatch
):
    theirs = events_file(registered("jack"))
    original_store, raced = replaying._store, []

    def store_after_the_rival(*args, **kwargs):
        if not raced:  # another writer stores jack first: ours checks again
            raced.append("under way")
            replay(open_store(store_url), [str(theirs)], None)
        return original_store(*args, **kwargs)

    monkeypatch.setattr(replaying, "_store", store_after_the_rival)
    with piped(json_lines(UNSORTED)) as path:
        report = replay(open_store(store_url), [path], None)

    assert (report.applied, report.duplicates, report.rejected) == (3, 1, 0)
    assert len(stored_rows(store_url)) == 4


def test_unsorted_events_piped_to_dev_stdin_are_all_stored(tmp_path):
    db = tmp_path / "piped.db"

    replayed = subprocess.run(
        [STANDING, "replay", "/dev/stdin", "--db", str(db), "--json"],
        input=json_lines(UNSORTED),
        capture_output=True,
        timeout=120,
    )

    assert replayed.returncode == 0, replayed.stderr
    assert json.loads(replayed.stdout)["applied"] == 4


def test_unsorted_events_from_a_fifo_are_all_stored_without_hanging(tmp_path):
    fifo, source = tmp_path / "events.fifo", tmp_path / "events.jsonl"
    os.mkfifo(fifo)
    source.write_bytes(json_lines(UNSORTED))
    writer = subprocess.Popen(["sh", "-c", 'cat "$1" > "$2"', "-", source, fifo])
    try:
        replayed = subprocess.run(
            [STANDING, "replay", str(fifo), "--db", str(tmp_path / "f.db"), "--json"],
            capture_output=True,
            text=True,
            timeout=60,  # a second open of the FIFO would wait for ever
        )
    finally:
        writer.kill()
        writer.wait()

    assert replayed.returncode == 0, replayed.stderr
    assert json.loads(replayed.stdout)["applied"] == 4


@pytest.mark.slow
def test_a_large_file_redirected_to_dev_stdin_is_all_stored(tmp_path):
    events, db = tmp_path / "events.jsonl", tmp_path / "redirected.db"
    generated = generate(40_000, 4000, seed=9)  # over 4 MB: read ahead
    events.write_bytes(json_lines(list(generated)))

    with events.open("rb") as redirected:
        replayed = subprocess.run(
            [STANDING, "replay", "/dev/stdin", "--db", str(db), "--json"],
            stdin=redirected,
            capture_output=True,
            timeout=300,
        )

    assert replayed.returncode == 0, replayed.stderr
    assert json.loads(replayed.stdout)["applied"] == 40_000
