"""A replay's second process imports standing's own installed code, never a
folder named as one of its packages in the directory where `standing` runs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from standing.adapters.input.ahead import read_ahead
from standing.adapters.input.reading import read_facts
from standing.application.ordering import AHEAD_BYTES
from tests.cli.records import event, registered
from tests.foreign_packages import foreign_packages, imported

STANDING = str(Path(sys.executable).with_name("standing"))


def test_records_read_ahead_beside_packages_named_as_standings_are_read_by_standing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = tmp_path / "events.jsonl"
    records = [
        registered("jack"),
        event("post.published", "jack", "2021-01-02", post="p1"),
    ]
    events.write_text("".join(json.dumps(record) + "\n" for record in records))
    monkeypatch.chdir(foreign_packages(tmp_path, monkeypatch))

    ahead = list(read_ahead([str(events)], None))

    assert imported(tmp_path) == []
    assert ahead == list(read_facts([str(events)], None))


@pytest.mark.slow
def test_a_large_replay_run_beside_packages_named_as_standings_stores_every_event(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    events = tmp_path / "large.jsonl"
    generate = ["generate", "--events", "36000", "--accounts", "3000", "-o"]
    subprocess.run([STANDING, *generate, str(events)], check=True, timeout=300)
    folder = foreign_packages(tmp_path, monkeypatch)

    replayed = subprocess.run(
        [STANDING, "replay", str(events), "--db", str(tmp_path / "store.db")],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )

    assert events.stat().st_size >= AHEAD_BYTES  # read by a second process
    assert imported(tmp_path) == []
    assert replayed.returncode == 0, replayed.stderr
    assert "Applied 36000 event(s)" in replayed.stdout
