"""A read model whose tables were dropped or emptied by hand is built again
from the stored events before it answers; it never answers from what is left."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel, ViewStatus
from standing.projections.statements import ACCOUNTS, SEGMENTS, TRACKING
from tests.integration.stores import hours
from tests.stores import run_sql

Record = Callable[..., None]
OpenApp = Callable[[], StandingApplication]
HANDLES = ("alice", "bob", "carol")
ALWAYS = 1  # a backlog of one event is enough to catch up in bulk


@pytest.fixture
def history(record: Record) -> None:
    """Twelve events on three accounts; bob is locked."""
    for handle in HANDLES:
        record("account.registered", handle, 0, holder=handle.title())
        for number in range(2):
            record("post.published", handle, 1 + number, post=f"p{number}")
    record("account.locked", "bob", 4, reason="spam")
    record("account.suspended", "carol", 5, reason="evasion", permanent=True)
    record("account.unlocked", "bob", 6)


@pytest.fixture
def built(app: StandingApplication, history: None) -> list[tuple[object, ...]]:
    """The read model's rows, caught up to every event."""
    model = ReadModel(app)
    model.catch_up()
    return model.view.dump()


def answers(model: ReadModel) -> list[tuple[str, str]]:
    """Every account's handle and status, as `accounts` lists them."""
    return [(s.account, str(s.status)) for s in model.accounts(hours(5.5))]


EVERY_ACCOUNT = [
    ("@alice", "active"),
    ("@bob", "locked"),
    ("@carol", "permanently_suspended"),
]


@pytest.mark.parametrize("table", [SEGMENTS, ACCOUNTS])
@pytest.mark.parametrize("change", ["DROP TABLE {}", "DELETE FROM {}"])
def test_a_read_model_table_dropped_or_emptied_by_hand_is_built_again_to_answer(
    store_url: str,
    open_app: OpenApp,
    built: list[tuple[object, ...]],
    table: str,
    change: str,
) -> None:
    run_sql(store_url, change.format(table))
    model = ReadModel(open_app())  # as the next command would

    listed = answers(model)
    bob = model.standing(AccountKey.parse("bob"), hours(5))

    assert listed == EVERY_ACCOUNT
    assert bob.status == "locked"
    assert model.status() == [ViewStatus("standing", 12, 12)]
    assert model.view.dump() == built


@pytest.mark.parametrize("change", ["DROP TABLE {}", "DELETE FROM {}"])
def test_status_counts_every_event_behind_a_read_model_emptied_under_its_position(
    store_url: str, open_app: OpenApp, built: list[tuple[object, ...]], change: str
) -> None:
    run_sql(store_url, change.format(SEGMENTS))

    views = ReadModel(open_app()).status()

    assert [view.behind for view in views] == [12]


@pytest.mark.parametrize("change", ["DROP TABLE {}", "DELETE FROM {}"])
def test_a_read_model_whose_tracked_position_was_dropped_by_hand_is_built_again(
    store_url: str,
    open_app: OpenApp,
    built: list[tuple[object, ...]],
    change: str,
) -> None:
    run_sql(store_url, change.format(TRACKING))
    model = ReadModel(open_app())

    listed = answers(model)

    assert listed == EVERY_ACCOUNT
    assert model.status() == [ViewStatus("standing", 12, 12)]
    assert model.view.dump() == built


def test_the_same_in_bulk_when_the_tracked_position_was_dropped_by_hand(
    store_url: str, open_app: OpenApp, built: list[tuple[object, ...]]
) -> None:
    run_sql(store_url, f"DROP TABLE {TRACKING}")
    model = ReadModel(open_app(), batch=1, bulk=ALWAYS)

    listed = answers(model)

    assert listed == EVERY_ACCOUNT
    assert model.view.dump() == built


def test_an_interrupted_bulk_rebuild_whose_rows_were_dropped_by_hand_is_built_whole(
    store_url: str, open_app: OpenApp, built: list[tuple[object, ...]]
) -> None:
    model = ReadModel(open_app(), bulk=ALWAYS)
    commits: list[int] = []

    def interrupt(position: int, head: int) -> None:
        commits.append(position)
        if len(commits) == 6:  # half the events' rows committed
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        model.rebuild(batch=1, progress=interrupt)
    run_sql(store_url, f"DROP TABLE {SEGMENTS}", f"DROP TABLE {ACCOUNTS}")
    again = ReadModel(open_app(), batch=1, bulk=ALWAYS)

    listed = answers(again)

    assert listed == EVERY_ACCOUNT
    assert again.view.dump() == built
