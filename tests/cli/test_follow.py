"""`standing projections follow`: a worker that keeps the read models current."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from standing.adapters.opening import open_store
from standing.application.replay import replay
from standing.projections import ReadModel
from tests.cli.records import event, registered

STANDING = str(Path(sys.executable).with_name("standing"))


def start_follower(url: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [STANDING, "projections", "follow", "--db", url, "--poll", "0.1"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def wait_until_current(url: str, timeout: float = 30) -> int:
    """The read model's position, once a follower has brought it to the head."""
    model = ReadModel(open_store(url))
    deadline = time.monotonic() + timeout
    while (status := model.status()[0]).behind and time.monotonic() < deadline:
        time.sleep(0.05)
    assert status.behind == 0, f"the follower did not catch up: {status}"
    return status.position


def write_only(url: str, path: Path) -> None:
    """Store events without catching up, as a writer on another machine would."""
    assert replay(open_store(url), [str(path)], None).stored


@pytest.mark.slow
def test_follow_keeps_read_models_current_stops_cleanly_and_resumes(
    store_url, events_file
):
    first = events_file(registered("jack"), registered("jill"))
    second = events_file(
        event("post.published", "jack", "2021-02-01T00:00:00Z", post="p1"),
    )
    follower = start_follower(store_url)
    time.sleep(1)

    write_only(store_url, first)
    position = wait_until_current(store_url)
    follower.send_signal(signal.SIGTERM)
    stopped, _ = follower.communicate(timeout=30)
    write_only(store_url, second)
    resumed = start_follower(store_url)
    final = wait_until_current(store_url)
    resumed.send_signal(signal.SIGINT)
    again, errors = resumed.communicate(timeout=30)

    assert follower.returncode == 0
    assert position == 2
    assert f"Stopped at position {position}." in stopped
    assert f"from position {position};" in again
    assert final == 3
    assert resumed.returncode == 0, errors
    assert "Traceback" not in errors
