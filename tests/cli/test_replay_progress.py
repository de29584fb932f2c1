"""A replay's progress: named phases with totals on a terminal, nothing on a pipe."""

from __future__ import annotations

import json
import os
import random
import re
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from standing.cli import line_offsets
from standing.cli.line_offsets import LineOffsets
from tests.cli.terminals import PLAIN_TERMINAL, on_a_terminal

STANDING = str(Path(sys.executable).with_name("standing"))


@pytest.fixture
def events(tmp_path: Path) -> Path:
    path = tmp_path / "events.jsonl"
    subprocess.run(
        [STANDING, "generate", "--events", "3000", "--accounts", "300", "-o", path],
        check=True,
    )
    return path


def replay_on_a_terminal(tmp_path: Path, *args: str, stdin: Path | None = None):
    command = [STANDING, "replay", *args, "--db", str(tmp_path / "store.db")]
    return on_a_terminal(
        command, rows=24, columns=120, env=PLAIN_TERMINAL, cwd=tmp_path, stdin=stdin
    )


def test_a_terminal_sees_each_phase_named_with_its_total(tmp_path, events):
    size = events.stat().st_size / 1000

    shown = replay_on_a_terminal(tmp_path, str(events))

    assert "reading and checking" in shown
    assert f"/{size:.1f} kB" in shown  # bytes read of the file's size
    assert "/3,000 facts" in shown  # storing
    assert re.search(r"read models +\S+ [\d,]+/[\d,]+ events", shown)
    assert "Applied 3000 event(s)" in shown


def test_input_out_of_time_order_is_read_whole_then_checked(tmp_path, events):
    lines = events.read_text().splitlines()
    random.Random(1).shuffle(lines)
    shuffled = tmp_path / "shuffled.jsonl"
    shuffled.write_text("\n".join(lines) + "\n")

    shown = replay_on_a_terminal(tmp_path, str(shuffled))

    assert "reading, to sort" in shown
    assert "/3,000 records" in shown  # checking, once all are read
    assert "Applied 3000 event(s)" in shown


def test_standard_input_of_unknown_size_counts_records(tmp_path, events):
    shown = replay_on_a_terminal(tmp_path, "-", stdin=events)

    assert "reading and checking" in shown
    assert " records" in shown
    assert "Applied 3000 event(s)" in shown


def test_a_named_pipe_is_read_once_by_the_replay_alone(tmp_path, events):
    fifo = tmp_path / "events.fifo"
    os.mkfifo(fifo)
    writer = threading.Thread(target=lambda: fifo.write_bytes(events.read_bytes()))
    writer.start()

    shown = replay_on_a_terminal(tmp_path, str(fifo))

    writer.join(timeout=60)
    assert " records" in shown  # its size is not known
    assert "Applied 3000 event(s)" in shown


def test_a_pipe_gets_the_summary_alone_and_no_progress(tmp_path, events):
    db = str(tmp_path / "store.db")

    result = subprocess.run(
        [STANDING, "replay", str(events), "--db", db],
        capture_output=True,
        text=True,
        check=True,
    )

    assert result.stderr == ""
    assert result.stdout.startswith("Applied 3000 event(s)")


def test_json_on_a_terminal_has_no_progress(tmp_path, events):
    shown = replay_on_a_terminal(tmp_path, str(events), "--json")

    assert json.loads(shown)["applied"] == 3000


def test_bytes_read_are_known_from_a_records_line(tmp_path, monkeypatch):
    monkeypatch.setattr(line_offsets, "CHUNK", 64)  # many chunks, small files
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text("".join(f"{n:09d}\n" for n in range(100)))  # 10 bytes a line
    second.write_text("x\n" * 5 + "last")  # no newline at its end

    offsets = LineOffsets([str(first), str(second), str(first)])

    assert offsets.total == 1000 + 14 + 1000
    assert offsets.at(str(first), 1) == 10
    assert offsets.at(str(first), 37) == 370
    assert offsets.at(str(second), 2) == 1000 + 4
    assert offsets.at(str(second), 6) == 1014  # the last line
    assert offsets.at(str(first), 1) == 1014 + 10  # named again: read again
    assert offsets.at(str(first), 100) == 2014
