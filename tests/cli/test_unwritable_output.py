"""Where the answer goes: a full disk, or an encoding short of characters."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

STANDING = str(Path(sys.executable).with_name("standing"))
FULL = Path("/dev/full")  # a device that is always out of space (Linux)


def _store(tmp_path: Path, holder: str) -> str:
    events = tmp_path / "events.jsonl"
    record = {"type": "account.registered", "at": "2021-01-01", "account": "jack"}
    events.write_text(json.dumps({**record, "holder": holder}) + "\n")
    db = str(tmp_path / "store.db")
    subprocess.run([STANDING, "replay", str(events), "--db", db], check=True)
    return db


@pytest.mark.skipif(not FULL.exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("output", [[], ["--json"]], ids=["table", "json"])
def test_an_answer_written_to_a_full_disk_says_so_without_a_traceback(output, tmp_path):
    db = _store(tmp_path, "Jack")

    with FULL.open("w") as full:
        result = subprocess.run(
            [STANDING, "accounts", "--db", db, *output],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=60,
        )

    assert result.returncode == 3
    assert result.stderr.startswith(f"Error: {os.strerror(errno.ENOSPC)}")
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("query", [["state", "jack"], ["accounts"]], ids=" ".join)
def test_an_output_encoding_that_cannot_show_a_character_gets_its_escape(
    query, tmp_path
):
    db = _store(tmp_path, "Zoë")

    result = subprocess.run(
        [STANDING, *query, "--db", db],
        capture_output=True,
        env={**os.environ, "PYTHONIOENCODING": "ascii"},
        timeout=60,
    )

    assert result.returncode == 0, result.stderr
    assert b"Zo\\xeb" in result.stdout
