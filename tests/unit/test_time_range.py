"""Ends of locks and suspensions can always be computed: instants stay in range."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.domain.errors import RuleBroken

AT = datetime(2021, 1, 2, tzinfo=UTC)


@pytest.fixture
def jack(app):
    app.record(
        "account.registered", "jack", at=datetime(2021, 1, 1, tzinfo=UTC), holder="Jack"
    )
    return app


def test_a_lock_longer_than_a_century_is_refused(jack):
    with pytest.raises(
        RuleBroken, match=r"duration over 100 years.*rule lock\.duration"
    ):
        jack.record(
            "account.locked",
            "jack",
            at=AT,
            reason="r",
            duration=timedelta(days=3_000_000),
        )


def test_a_suspension_ending_too_far_ahead_is_refused(jack):
    with pytest.raises(RuleBroken, match=r"too far ahead.*rule time\.range.*active"):
        jack.record(
            "account.suspended",
            "jack",
            at=AT,
            reason="r",
            until=datetime(9500, 1, 1, tzinfo=UTC),
        )


def test_a_fact_dated_too_far_ahead_is_refused(jack):
    with pytest.raises(RuleBroken, match=r"rule time\.range"):
        jack.record(
            "post.published", "jack", at=datetime(9999, 12, 31, tzinfo=UTC), post="p1"
        )


def test_a_refused_fact_leaves_the_account_usable(jack, state):
    with pytest.raises(RuleBroken):
        jack.record(
            "account.locked",
            "jack",
            at=AT,
            reason="r",
            duration=timedelta(days=3_000_000),
        )

    jack.record("account.locked", "jack", at=AT, reason="r", duration=timedelta(days=7))

    assert state("jack", AT).until == AT + timedelta(days=7)
