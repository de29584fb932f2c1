"""Shared fixtures for the domain's unit tests: an in-memory application, a way
to read an account's standing, and an application that can run under freezegun."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from eventsourcing.persistence import DatetimeAsISO, JSONTranscoder
from freezegun.api import FakeDatetime

from standing.application.service import StandingApplication
from standing.domain.identity import AccountKey
from standing.domain.standing import Standing
from tests.unit.presidency import OUTGOING, SECOND, T0


class FakeDatetimeAsISO(DatetimeAsISO):
    """Stores the datetimes freezegun hands out, as the library stores real ones."""

    type = FakeDatetime
    name = "fake_datetime_iso"


class ClockedApplication(StandingApplication):
    """A `StandingApplication` that can save while freezegun is in force."""

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(FakeDatetimeAsISO())


StateOf = Callable[..., Standing]


@pytest.fixture
def app() -> StandingApplication:
    """A throwaway application on in-memory (POPO) persistence."""
    return StandingApplication()


@pytest.fixture
def clocked_app() -> ClockedApplication:
    return ClockedApplication()


@pytest.fixture
def state(app: StandingApplication) -> StateOf:
    """`state("jack", at)`: the standing of @jack (on twitter by default) at `at`."""

    def standing(
        handle: str, at: datetime | None = None, platform: str = "twitter"
    ) -> Standing:
        return app.standing(AccountKey.parse(handle, platform), at)

    return standing


@pytest.fixture
def potus(app):
    """@POTUS: institutional, three posts of which p2 was removed, one strike."""
    app.record(
        "account.registered", "POTUS", at=T0, holder=OUTGOING, kind="institutional"
    )
    for n, post in enumerate(("p1", "p2", "p3"), start=1):
        app.record("post.published", "POTUS", at=T0 + n * SECOND, post=post)
    app.record("post.removed", "POTUS", at=T0 + 10 * SECOND, post="p2")
    app.record("violation.recorded", "POTUS", at=T0 + 11 * SECOND, policy="x")
    return app
