"""The installed `standing` executable, run as a user runs it."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

STANDING = str(Path(sys.executable).with_name("standing"))


def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [STANDING, *args], capture_output=True, text=True, check=check, timeout=300
    )


def stored_count(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as connection:
            return connection.execute("SELECT COUNT(*) FROM stored_events").fetchone()[
                0
            ]
    except sqlite3.OperationalError:
        return 0


def stored_keys(db: Path) -> list[tuple]:
    with sqlite3.connect(db) as connection:
        return connection.execute(
            "SELECT originator_id, originator_version, topic FROM stored_events "
            "ORDER BY originator_id, originator_version"
        ).fetchall()


def test_the_installed_executable_replays_into_a_sqlite_file(tmp_path):
    events = tmp_path / "events.jsonl"
    events.write_text(
        '{"type": "account.registered", "at": "2021-01-01", "account": "@Jack",'
        ' "holder": "Jack"}\n'
    )
    db = tmp_path / "real.db"

    replayed = run("replay", str(events), "--db", str(db))
    answer = run("state", "jack", "--at", "2021-01-02", "--db", str(db), "--json")

    assert "Applied 1 event(s)" in replayed.stdout
    assert json.loads(answer.stdout)["status"] == "active"
    assert db.exists()


def test_errors_never_show_a_traceback(tmp_path):
    result = run(
        "state", "jack", "--db", str(tmp_path / "missing" / "x.db"), check=False
    )

    assert result.returncode == 3
    assert result.stderr.startswith("Error: ")
    assert "Traceback" not in result.stderr


@pytest.mark.slow
def test_a_replay_killed_mid_way_completes_when_run_again(tmp_path):
    events = tmp_path / "events.jsonl"
    run(
        "generate",
        "--events",
        "40000",
        "--accounts",
        "4000",
        "--seed",
        "7",
        "--out",
        str(events),
    )
    killed, clean = tmp_path / "killed.db", tmp_path / "clean.db"
    replay = subprocess.Popen(
        [STANDING, "replay", str(events), "--db", str(killed)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 120
    while stored_count(killed) == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    replay.send_signal(signal.SIGKILL)
    replay.wait()
    partial = stored_count(killed)

    rerun = run("replay", str(events), "--db", str(killed), "--json")
    run("replay", str(events), "--db", str(clean))

    assert 0 < partial < stored_count(clean), "the kill did not land mid-replay"
    assert json.loads(rerun.stdout)["duplicates"] > 0
    assert stored_keys(killed) == stored_keys(clean)
    at = ["--at", "2021-06-01"]
    assert (
        run("accounts", *at, "--db", str(killed), "--json").stdout
        == run("accounts", *at, "--db", str(clean), "--json").stdout
    )


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    try:
        return [int(child) for child in path.read_text().split()]
    except OSError:
        return []


@pytest.mark.slow
@pytest.mark.skipif(
    not Path(f"/proc/self/task/{os.getpid()}/children").exists(),
    reason="needs /proc/PID/task/PID/children (Linux)",
)
def test_ctrl_c_during_a_replay_that_reads_ahead_says_so_and_stores_nothing(tmp_path):
    events = tmp_path / "events.jsonl"
    # the reader reads it for about 4 s on a fast machine (40,000 events took
    # about 1.3 s): it is still running at the last Ctrl-C, 1.2 s in
    generated = ("--events", "120000", "--accounts", "12000", "--seed", "8")
    run("generate", *generated, "--out", str(events))
    outcomes = []
    for pause in (0.05, 0.3, 0.6, 0.9, 1.2):
        db = tmp_path / f"stopped-{pause}.db"
        replay = subprocess.Popen(
            [STANDING, "replay", str(events), "--db", str(db)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            start_new_session=True,  # its own group, as a terminal's job is
        )
        deadline = time.monotonic() + 60
        while not _children(replay.pid) and time.monotonic() < deadline:
            time.sleep(0.01)  # until the reader runs beside it
        time.sleep(pause)
        # the reader out of the job, so only the replay sees Ctrl-C: the
        # reader stopped by it too would cut a message short, at random
        apart = [os.getpgid(child) != replay.pid for child in _children(replay.pid)]
        os.killpg(replay.pid, signal.SIGINT)  # what Ctrl-C sends: the whole job
        _, stderr = replay.communicate(timeout=60)
        said = stderr.split(":")[0]
        outcomes.append((apart, replay.returncode, said, stored_count(db)))

    assert outcomes == [([True], 130, "Interrupted", 0)] * 5
