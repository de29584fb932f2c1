"""One fold at the heart: for any valid history, the `eventsourcing` aggregate,
the read model's bulk rebuild and `evolve` alone give the same standing of
every account at every instant."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing, standing_of
from standing.domain.state import AccountState
from standing.projections import ReadModel
from tests.integration.standing_histories import HANDLES, Step, histories, minutes
from tests.integration.stores import sqlite_app
from tests.properties import examples, property_test

pytestmark = property_test
SETTINGS = settings(
    max_examples=examples(120),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
Fold = Callable[[AccountKey, datetime], AccountState | None]


def by_the_aggregate(app: StandingApplication) -> Fold:
    """The library's own events, each mutating the `Account` aggregate."""

    def fold(key: AccountKey, at: datetime) -> AccountState | None:
        aggregate: Any = None
        for event in app.repository.event_store.get(key.id):
            if event.at > at:  # type: ignore[attr-defined]
                break
            aggregate = event.mutate(aggregate)  # type: ignore[attr-defined]
        return aggregate.state if aggregate is not None else None

    return fold


def standing_by(fold: Fold, key: AccountKey, at: datetime) -> Standing:
    """An account's standing at `at` from `fold`, an archive's tenure from its
    source folded the same way."""
    state = fold(key, at)
    tenure = None
    if state is not None and state.awaiting_tenure and state.archive_of:
        source = fold(AccountKey(key.platform, state.archive_of), at)
        tenure = source.tenure_for(state.handle, at) if source else None
    return standing_of(state, state.key if state else key, at, tenure)


@SETTINGS
@given(history=histories(), instants=st.lists(st.integers(-5, 2_500), max_size=10))
def test_the_aggregate_the_bulk_rebuild_and_evolve_give_the_same_standing(
    history: list[Step], instants: list[int]
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        for step in history:
            app.record(step.type, step.handle, at=step.at, **step.fields)
        rebuilt = ReadModel(app, bulk=1)
        rebuilt.rebuild(batch=5)
        aggregate = by_the_aggregate(app)
        moments = {step.at for step in history} | {minutes(m) for m in instants}

        for handle in HANDLES:
            key = AccountKey.parse(handle)
            for at in sorted(moments):
                by_evolve = standing_by(app.fold, key, at).as_dict()
                assert standing_by(aggregate, key, at).as_dict() == by_evolve, at
                if by_evolve["exists"]:
                    assert rebuilt.standing(key, at).as_dict() == by_evolve, at
        app.close()
