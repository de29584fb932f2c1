"""Tracked positions: every event counted once, whatever stops or races."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest
from eventsourcing.persistence import Tracking

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel, ViewStatus
from standing.projections.sql_view import ViewMovedOn
from tests.integration.stores import hours

Record = Callable[..., None]


@pytest.fixture
def history(record: Record) -> None:
    """Twelve events on three accounts."""
    for handle in ("alice", "bob", "carol"):
        record("account.registered", handle, 0, holder=handle.title())
        for number in range(3):
            record("post.published", handle, 1 + number, post=f"p{number}")


def test_status_shows_each_read_models_position_against_the_head_of_the_log(
    read_model: ReadModel, history: None
) -> None:
    before = read_model.status()
    read_model.catch_up(batch=5)

    after = read_model.status()

    assert before == [ViewStatus("standing", 0, 12)]
    assert after[0].as_dict() == {
        "name": "standing",
        "position": 12,
        "head": 12,
        "behind": 0,
    }


def test_a_rebuilt_read_model_holds_the_same_rows(
    read_model: ReadModel, history: None
) -> None:
    read_model.catch_up(batch=5)
    built = read_model.view.dump()

    processed = read_model.rebuild(batch=2)

    assert processed == 12
    assert read_model.view.dump() == built


def test_an_interrupted_rebuild_is_completed_by_the_next_query(
    app: StandingApplication, read_model: ReadModel, history: None
) -> None:
    read_model.catch_up()
    built = read_model.view.dump()

    def interrupt(position: int, head: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        read_model.rebuild(batch=4, progress=interrupt)
    halfway = read_model.status()[0].position
    ReadModel(app).standing(AccountKey.parse("alice"), hours(9))

    assert halfway == 4
    assert read_model.view.dump() == built


def test_a_batch_that_fails_to_commit_leaves_neither_rows_nor_position(
    read_model: ReadModel, record: Record, monkeypatch: pytest.MonkeyPatch
) -> None:
    record("account.registered", "alice", 0, holder="Alice")
    read_model.catch_up()
    before = read_model.view.dump()
    record("account.locked", "alice", 1, reason="spam")

    def power_cut(*args: object) -> None:
        raise OSError("power cut")

    with monkeypatch.context() as patched:
        patched.setattr(read_model.view, "_insert_tracking", power_cut)
        with pytest.raises(OSError, match="power cut"):
            read_model.catch_up()
        after_crash = read_model.view.dump()
    resumed = read_model.catch_up()

    assert after_crash == before
    assert resumed == 1
    assert read_model.standing(AccountKey.parse("alice"), hours(2)).status == "locked"


def test_a_batch_projected_from_a_position_another_process_moved_on_is_refused(
    app: StandingApplication, read_model: ReadModel, history: None
) -> None:
    notifications = app.recorder.select_notifications(start=1, limit=6)
    changes = read_model.projector.project(notifications)
    ReadModel(app).catch_up(batch=3)

    with pytest.raises(ViewMovedOn):
        read_model.view.write(changes, Tracking(app.name, 6), after=None)

    assert read_model.status()[0].position == 12


def test_read_models_racing_on_one_store_count_each_event_once(
    open_app: Callable[[], StandingApplication], app: StandingApplication, history: None
) -> None:
    racers = [ReadModel(open_app(), batch=1) for _ in range(3)]
    threads = [threading.Thread(target=racer.catch_up) for racer in racers]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    built = racers[0].view.dump()
    assert racers[0].status()[0].position == 12
    ReadModel(app).rebuild()
    assert racers[0].view.dump() == built
