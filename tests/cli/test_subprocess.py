"""The installed `standing` executable, run as a user runs it."""

from __future__ import annotations

import json
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
