"""Catching up in bulk (account by account): every event counted once, whatever
stops or races, and an archive's rows follow its source in either order."""

from __future__ import annotations

import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel, bulk_helper
from standing.projections.bulk_helper import helping
from standing.projections.stored_rows import StoredRows
from tests.foreign_packages import foreign_packages, imported
from tests.integration.stores import hours

Record = Callable[..., None]
ALWAYS = 1  # a backlog of one event is enough to catch up in bulk
NEVER = 10**9


@pytest.fixture
def history(record: Record) -> None:
    """Twelve events on three accounts."""
    for handle in ("alice", "bob", "carol"):
        record("account.registered", handle, 0, holder=handle.title())
        for number in range(3):
            record("post.published", handle, 1 + number, post=f"p{number}")


def built_event_by_event(app: StandingApplication) -> list[tuple[object, ...]]:
    model = ReadModel(app, bulk=NEVER)
    model.rebuild()
    return model.view.dump()


def test_a_rebuild_in_bulk_moves_the_position_to_the_head_only_at_the_end(
    app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)
    positions: list[int] = []
    model = ReadModel(app, bulk=ALWAYS)

    processed = model.rebuild(
        batch=1, progress=lambda *_: positions.append(model.status()[0].position)
    )

    assert processed == 12
    assert positions == [0] * 12 + [12]
    assert model.view.dump() == built


def test_an_interrupted_bulk_catch_up_is_completed_by_the_next_query(
    app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)

    def interrupt(position: int, head: int) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ReadModel(app, bulk=ALWAYS).rebuild(batch=1, progress=interrupt)
    halfway = ReadModel(app).status()[0].position
    ReadModel(app).standing(AccountKey.parse("alice"), hours(9))

    assert halfway == 0
    assert ReadModel(app).view.dump() == built


def test_a_bulk_catch_up_left_halfway_through_an_account_is_finished_by_the_next(
    app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)
    chunks: list[int] = []

    def interrupt_second(position: int, head: int) -> None:
        chunks.append(position)
        if len(chunks) == 2:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        ReadModel(app, bulk=ALWAYS).rebuild(batch=1, progress=interrupt_second)
    processed = ReadModel(app, batch=1, bulk=ALWAYS).catch_up()

    assert processed == 10  # all but alice's first two events
    assert ReadModel(app).status()[0].position == 12
    assert ReadModel(app).view.dump() == built


def test_a_bulk_catch_up_stops_when_another_process_moves_the_position_on(
    open_app: Callable[[], StandingApplication], app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)
    other = ReadModel(open_app(), bulk=NEVER)
    ReadModel(app).view.reset(app.name)

    def catch_up_elsewhere(position: int, head: int) -> None:
        other.catch_up()

    ReadModel(app, bulk=ALWAYS).catch_up(batch=1, progress=catch_up_elsewhere)

    assert ReadModel(app).status()[0].position == 12
    assert ReadModel(app).view.dump() == built


def test_bulk_catch_ups_racing_on_one_store_count_each_event_once(
    open_app: Callable[[], StandingApplication], app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)
    ReadModel(app).view.reset(app.name)
    racers = [ReadModel(open_app(), batch=1, bulk=ALWAYS) for _ in range(3)]
    threads = [threading.Thread(target=racer.catch_up) for racer in racers]

    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert racers[0].status()[0].position == 12
    assert racers[0].view.dump() == built


@pytest.mark.parametrize(
    ("source", "archive"),
    [("gov", "gov_archive_1"), ("gov", "gov_archive_0")],
    ids=["archive sorts after its source", "archive sorts before its source"],
)
def test_an_archive_awaiting_its_tenure_is_rebuilt_from_its_source(
    app: StandingApplication, record: Record, source: str, archive: str
) -> None:
    record("account.registered", source, 0, holder="Ann", kind="institutional")
    record("post.published", source, 1, post="p1")
    record(
        "account.transfer_scheduled",
        source,
        2,
        successor="Ben",
        effective_at=hours(10),
        archive_to=archive,
    )
    record("post.published", source, 3, post="p2")
    record("post.published", source, 11, post="p3")
    built = built_event_by_event(app)

    ReadModel(app, bulk=ALWAYS).rebuild(batch=1)

    archived = ReadModel(app).standing(AccountKey.parse(archive), hours(12))
    assert archived.exists
    assert archived.posts == 2
    assert ReadModel(app).view.dump() == built


def test_a_large_catch_up_shared_with_a_helper_process_counts_each_event_once(
    app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)

    processed = ReadModel(app, bulk=ALWAYS, parallel=ALWAYS).rebuild(batch=2)

    assert processed == 8  # the helper projected the last of three accounts
    assert ReadModel(app).status()[0].position == 12
    assert ReadModel(app).view.dump() == built


def test_a_helper_started_beside_packages_named_as_standings_projects_its_shard(
    app: StandingApplication,
    history: None,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    built = built_event_by_event(app)
    monkeypatch.chdir(foreign_packages(tmp_path, monkeypatch))

    processed = ReadModel(app, bulk=ALWAYS, parallel=ALWAYS).rebuild(batch=2)

    assert imported(tmp_path) == []
    assert processed == 8  # the helper projected the last of three accounts
    assert ReadModel(app).view.dump() == built


def test_a_helper_started_for_a_rebuild_that_needs_none_is_let_go(
    app: StandingApplication, history: None
) -> None:
    built = built_event_by_event(app)

    processed = ReadModel(app, bulk=NEVER, parallel=ALWAYS).rebuild()

    assert processed == 12  # all of them here, event by event
    assert ReadModel(app).view.dump() == built


def test_a_helper_never_given_its_task_ends_cleanly(
    app: StandingApplication, history: None
) -> None:
    with helping(app) as helper:
        pass

    assert helper is not None
    assert helper.process.returncode == 0


@pytest.mark.parametrize(
    "command",
    [
        pytest.param("pass", id="gone-before-its-task"),
        pytest.param("import sys; sys.stdin.read()", id="gone-without-working"),
    ],
)
def test_what_a_failed_helper_leaves_the_caller_does(
    app: StandingApplication,
    history: None,
    monkeypatch: pytest.MonkeyPatch,
    command: str,
) -> None:
    built = built_event_by_event(app)
    monkeypatch.setattr(bulk_helper, "COMMAND", (sys.executable, "-c", command))

    processed = ReadModel(app, bulk=ALWAYS, parallel=ALWAYS).rebuild(batch=2)

    assert processed == 12  # every shard, here
    assert ReadModel(app).status()[0].position == 12
    assert ReadModel(app).view.dump() == built


def test_a_sample_of_the_log_takes_events_spread_evenly_over_it(
    app: StandingApplication, history: None
) -> None:
    head = app.recorder.max_notification_id() or 0
    accounts = [AccountKey.parse(h).id for h in ("alice", "bob", "carol")]

    sample = StoredRows(app).sample(head - 12, head, size=5)

    # the 1st, 3rd, 5th, 8th and 10th of alice's, bob's and carol's 4 each
    assert dict(sample) == {accounts[0]: 2, accounts[1]: 2, accounts[2]: 1}


def test_the_claims_of_given_fact_ids_stored_among_the_accounts_are_passed_over(
    app: StandingApplication, record: Record
) -> None:
    record("account.registered", "alice", 0, holder="Alice", fact_id="f-1")
    record("post.published", "alice", 1, post="p1", fact_id="f-2")
    record("account.locked", "alice", 2, reason="spam", fact_id="f-3")
    built = built_event_by_event(app)

    processed = ReadModel(app, bulk=ALWAYS).rebuild(batch=1)

    assert processed == 3  # the account's events, not the claims'
    assert ReadModel(app).view.dump() == built
