"""A catch-up's progress reaches the head, also when a helper shares it."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from standing.application.service import StandingApplication
from standing.projections import ReadModel

ALWAYS = 1  # a backlog of one event is enough: in bulk, with a helper process


@pytest.fixture
def history(record: Callable[..., None]) -> None:
    """Twelve events on three accounts."""
    for handle in ("alice", "bob", "carol"):
        record("account.registered", handle, 0, holder=handle.title())
        for number in range(3):
            record("post.published", handle, 1 + number, post=f"p{number}")


def test_a_catch_up_shared_with_a_helper_reports_progress_up_to_the_head(
    app: StandingApplication, history: None
) -> None:
    reported: list[tuple[int, int]] = []

    ReadModel(app, bulk=ALWAYS, parallel=ALWAYS).rebuild(
        batch=2, progress=lambda done, head: reported.append((done, head))
    )

    assert reported[-1] == (12, 12)
    assert [done for done, _ in reported] == sorted(done for done, _ in reported)
