"""Fixtures for the read-model tests: a fresh store (SQLite and PostgreSQL),
its application and read model, and a short way to record facts."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest

from standing.application.service import StandingApplication
from standing.projections import ReadModel
from tests.integration.stores import env_for, hours


@pytest.fixture
def open_app(store_url: str) -> Iterator[Callable[[], StandingApplication]]:
    """Opens the store again, as another process would."""
    opened: list[StandingApplication] = []

    def open_store() -> StandingApplication:
        opened.append(StandingApplication(env=env_for(store_url)))
        return opened[-1]

    yield open_store
    for application in opened:
        application.close()


@pytest.fixture
def app(open_app: Callable[[], StandingApplication]) -> StandingApplication:
    return open_app()


@pytest.fixture
def read_model(app: StandingApplication) -> ReadModel:
    return ReadModel(app)


@pytest.fixture
def record(app: StandingApplication) -> Callable[..., None]:
    """Record a fact `at` hours after the base: record(type, handle, at, ...)."""

    def record_fact(type: str, handle: str, at: float, **fields: Any) -> None:
        app.record(type, handle, at=hours(at), **fields)

    return record_fact
