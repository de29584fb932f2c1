"""Differential properties: a backlog caught up account by account (in bulk)
gives exactly the rows the event-by-event projector writes."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel
from standing.projections.account_pass import AccountPass
from standing.projections.folding import StoredFold
from standing.projections.stored_rows import StoredRows
from tests.integration.standing_histories import HANDLES, Step, histories
from tests.integration.stores import sqlite_app
from tests.properties import examples, property_test

pytestmark = property_test

SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
ALWAYS = 1  # a backlog of one event is enough to catch up in bulk
NEVER = 10**9


def replay(app: StandingApplication, history: list[Step], bulk: int) -> None:
    """Record every fact, catching up now and then (in bulk or not)."""
    for step in history:
        app.record(step.type, step.handle, at=step.at, **step.fields)
        if step.catch_up is not None:
            ReadModel(app, batch=step.catch_up, bulk=bulk).catch_up()


@SETTINGS
@given(history=histories(), batch=st.integers(1, 50))
def test_a_read_model_rebuilt_in_bulk_equals_the_one_built_event_by_event(
    history: list[Step], batch: int
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        replay(app, history, bulk=NEVER)
        by_event = ReadModel(app, batch=3, bulk=NEVER)
        by_event.catch_up()
        built = by_event.view.dump()

        ReadModel(app, bulk=ALWAYS).rebuild(batch=batch)

        assert by_event.view.dump() == built
        app.close()


@SETTINGS
@given(history=histories())
def test_catching_up_in_bulk_now_and_then_equals_building_event_by_event(
    history: list[Step],
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        replay(app, history, bulk=ALWAYS)
        in_bulk = ReadModel(app, batch=1, bulk=ALWAYS)
        in_bulk.catch_up()
        built = in_bulk.view.dump()

        ReadModel(app, bulk=NEVER).rebuild()

        assert in_bulk.view.dump() == built
        app.close()


@SETTINGS
@given(history=histories())
def test_stored_events_folded_directly_give_the_account_the_library_folds(
    history: list[Step],
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        replay(app, history, bulk=NEVER)
        stored = StoredRows(app)
        folds = AccountPass(StoredFold(app), lambda _: None)

        for handle in HANDLES:
            key = AccountKey.parse(handle)
            rows = dict(stored.events_of([key.id], upto=NEVER)).get(key.id, [])
            folded, library = folds.fold(key.id, rows), app.account(key)

            assert _state(folded) == _state(library)
        app.close()


def _state(account: Any) -> tuple[object, ...] | None:
    """What the rebuild's fold and the aggregate both hold: id, version, state."""
    if account is None:
        return None
    return (account.id, account.version, account.state)


@SETTINGS
@given(history=histories(), page=st.integers(1, 12))
def test_stored_events_read_a_page_at_a_time_are_read_whole_and_in_order(
    history: list[Step], page: int
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        replay(app, history, bulk=NEVER)
        accounts = [account for account, _ in StoredRows(app).touched(0, NEVER)]

        paged = StoredRows(app, page=page).events_of(accounts, NEVER)
        whole = StoredRows(app).events_of(accounts, NEVER)

        assert [(a, list(rows)) for a, rows in paged] == [
            (a, list(rows)) for a, rows in whole
        ]
        app.close()


@SETTINGS
@given(history=histories(), size=st.integers(1, 12))
def test_a_sample_of_the_log_names_the_aggregates_of_events_spread_over_it(
    history: list[Step], size: int
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        replay(app, history, bulk=NEVER)
        head = app.recorder.max_notification_id() or 0
        everything = dict(StoredRows(app).touched(0, head))

        sample = StoredRows(app).sample(0, head, size)

        assert sum(count for _, count in sample) == min(size, head)
        assert all(count <= everything[account] for account, count in sample)
        if size >= head:
            assert dict(sample) == everything
        app.close()
