"""Ctrl-C during a long command: status 130, a line on what it left and how
to finish, and nothing lost (a small fake raises where SIGINT would land)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from standing.application.session import Session
from standing.projections.views import ReadModel
from tests.cli.records import event, registered

JACK = (
    registered("jack"),
    event("post.published", "jack", "2021-01-02T00:00:00Z", post="p1"),
    event("post.published", "jack", "2021-01-03T00:00:00Z", post="p2"),
)


def interrupt_once(monkeypatch: pytest.MonkeyPatch, owner: Any, name: str) -> None:
    """`owner.name` raises KeyboardInterrupt when first called, as Ctrl-C
    arriving there would, then behaves as before."""
    original: Callable[..., Any] = getattr(owner, name)
    calls = 0

    def pressed(*args: Any, **kwargs: Any) -> Any:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise KeyboardInterrupt
        return original(*args, **kwargs)

    monkeypatch.setattr(owner, name, pressed)


def test_a_replay_interrupted_while_checking_stores_nothing_and_says_how_to_finish(
    standing, events_file, monkeypatch
):
    path = str(events_file(*JACK))
    interrupt_once(monkeypatch, Session, "apply")

    stopped = standing("replay", path)
    finished = standing("replay", path, "--json")

    assert stopped.exit_code == 130
    assert stopped.stderr.startswith("Interrupted: ")
    assert "run the same replay again" in stopped.stderr
    assert "Traceback" not in stopped.output
    assert json.loads(finished.stdout)["applied"] == 3


def test_a_replay_interrupted_after_storing_keeps_its_events_and_a_rerun_adds_none(
    standing, events_file, monkeypatch
):
    path = str(events_file(*JACK))
    interrupt_once(monkeypatch, ReadModel, "catch_up")

    stopped = standing("replay", path)
    again = json.loads(standing("replay", path, "--json").stdout)
    state = json.loads(standing("state", "jack", "--json").stdout)

    assert stopped.exit_code == 130
    assert again["applied"] == 0
    assert again["duplicates"] == 3
    assert state["posts"] == 2


def test_an_interrupted_rebuild_is_completed_by_the_next_query(
    standing, events_file, monkeypatch
):
    standing("replay", str(events_file(*JACK)))
    before = standing("state", "jack", "--at", "2021-01-02T12:00:00Z", "--json")
    interrupt_once(monkeypatch, ReadModel, "catch_up")

    stopped = standing("projections", "rebuild")
    after = standing("state", "jack", "--at", "2021-01-02T12:00:00Z", "--json")
    status = json.loads(standing("projections", "status", "--json").stdout)

    assert stopped.exit_code == 130
    assert "the next query" in stopped.stderr
    assert after.stdout == before.stdout
    assert status[0]["position"] == status[0]["head"]
