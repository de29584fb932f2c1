"""Differential properties: the read model answers exactly as the aggregate fold."""

from __future__ import annotations

import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.projections import ReadModel
from standing.projections.instants import from_micros
from tests.integration.standing_histories import HANDLES, Step, histories, minutes
from tests.integration.stores import sqlite_app
from tests.properties import examples, property_test

pytestmark = property_test

MICROSECOND = timedelta(microseconds=1)
SETTINGS = settings(
    max_examples=examples(150),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def replay(
    app: StandingApplication, read_model: ReadModel, history: list[Step]
) -> None:
    """Record every fact (all valid), catching up now and then on the way."""
    for step in history:
        app.record(step.type, step.handle, at=step.at, **step.fields)
        if step.catch_up is not None:
            read_model.catch_up(batch=step.catch_up)


def boundaries(read_model: ReadModel, key: AccountKey) -> set[datetime]:
    """Each instant where a stored segment starts or ends, and just before it."""
    edges: set[datetime] = set()
    for segment in read_model.view.segments_of(key.id.hex):
        for micros in (segment["from_at"], segment["to_at"]):
            if micros is not None:
                edges |= {from_micros(micros), from_micros(micros) - MICROSECOND}
    return edges


@SETTINGS
@given(
    history=histories(),
    instants=st.lists(st.integers(-5, 2_500), max_size=12),
    spelling=st.sampled_from((str.lower, str.upper, str)),
)
def test_read_model_answers_every_account_at_every_instant_as_the_fold_does(
    history: list[Step], instants: list[int], spelling: Callable[[str], str]
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        read_model = ReadModel(app, batch=7, cache_size=3)

        replay(app, read_model, history)

        for handle in HANDLES:
            key = AccountKey.parse(spelling(handle))
            moments = boundaries(read_model, key) | {minutes(m) for m in instants}
            moments |= {step.at for step in history}
            for at in sorted(moments):
                expected = app.standing(key, at).as_dict()
                assert read_model.standing(key, at).as_dict() == expected, at
        app.close()


@SETTINGS
@given(history=histories(), batch=st.integers(1, 50))
def test_a_rebuilt_read_model_equals_the_incrementally_built_one(
    history: list[Step], batch: int
) -> None:
    with tempfile.TemporaryDirectory() as directory:
        app = sqlite_app(Path(directory) / "standing.db")
        incremental = ReadModel(app, batch=3)
        replay(app, incremental, history)
        incremental.catch_up()
        built = incremental.view.dump()

        ReadModel(app).rebuild(batch=batch)

        assert incremental.view.dump() == built
        app.close()
