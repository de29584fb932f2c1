"""Two rules newcomers asked for (SPEC section 4): a lock that lasts exactly
until the posts are removed (`PT0S`), and a lift refused because the
restriction already ran out says so."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.domain.errors import RuleBroken
from standing.domain.restrictions import Status

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)
NOTHING = timedelta(0)


def hour(n: float) -> datetime:
    return T0 + timedelta(hours=n)


@pytest.fixture
def jack(app):
    """@jack with posts p1 and p2, published an hour after registering."""
    app.record("account.registered", "jack", at=T0, holder="Jack")
    for post in ("p1", "p2"):
        app.record("post.published", "jack", at=hour(1), post=post)
    return app


def test_a_lock_of_no_duration_waiting_for_removals_lasts_until_the_last_one(
    jack, state
):
    jack.record(
        "account.locked",
        "jack",
        at=hour(2),
        reason="delete the tweets",
        duration=NOTHING,
        require_removal=["p1", "p2"],
    )
    jack.record("post.removed", "jack", at=hour(3), post="p1")
    jack.record("post.removed", "jack", at=hour(5), post="p2", by="holder")

    assert state("jack", hour(4)).status == Status.LOCKED
    assert state("jack", hour(4)).until is None
    assert state("jack", hour(5) - timedelta(microseconds=1)).status == Status.LOCKED
    assert state("jack", hour(5)).status == Status.ACTIVE
    assert state("jack", hour(5)).since == hour(5)


def test_a_lock_of_no_duration_awaits_removals_as_its_pending_item(jack, state):
    jack.record(
        "account.locked",
        "jack",
        at=hour(2),
        reason="r",
        duration=NOTHING,
        require_removal=["p1"],
    )

    (pending,) = state("jack", hour(100)).pending
    assert (pending.type, pending.details["posts"]) == ("awaiting_removal", ["p1"])


def test_a_lock_of_no_duration_without_removals_to_wait_for_is_refused(jack):
    with pytest.raises(RuleBroken, match="PT0S only with require_removal") as refused:
        jack.record("account.locked", "jack", at=hour(2), reason="r", duration=NOTHING)

    assert refused.value.rule == "lock.duration"


def test_a_suspension_of_no_duration_is_refused(jack):
    with pytest.raises(RuleBroken, match="duration must be positive") as refused:
        jack.record(
            "account.suspended", "jack", at=hour(2), reason="r", duration=NOTHING
        )

    assert refused.value.rule == "suspension.duration"


def test_a_reinstatement_after_the_suspension_ran_out_says_when_it_did(jack):
    jack.record(
        "account.suspended",
        "jack",
        at=hour(2),
        reason="spam",
        duration=timedelta(hours=12),
    )

    with pytest.raises(RuleBroken) as refused:
        jack.record("account.reinstated", "jack", at=hour(20), reason="appeal")

    message = str(refused.value)
    assert refused.value.rule == "active.account.reinstated"
    assert "suspension already ran out at 2021-01-07T02:00:00Z" in message
    assert "drop this record, or the suspension's duration or until" in message


def test_an_unlock_after_the_lock_ran_out_earlier_than_the_last_fact_says_so(jack):
    jack.record(
        "account.locked", "jack", at=hour(2), reason="r", duration=timedelta(hours=1)
    )
    jack.record("post.published", "jack", at=hour(4), post="p3")

    with pytest.raises(RuleBroken, match="lock already ran out at 2021-01-06T15:00"):
        jack.record("account.unlocked", "jack", at=hour(5))


def test_an_unlock_of_an_account_never_locked_names_no_lock(jack):
    with pytest.raises(RuleBroken) as refused:
        jack.record("account.unlocked", "jack", at=hour(5))

    assert "ran out" not in str(refused.value)


def test_an_unlock_after_an_earlier_unlock_names_no_lock_running_out(jack):
    jack.record("account.locked", "jack", at=hour(2), reason="r")
    jack.record("account.unlocked", "jack", at=hour(3))

    with pytest.raises(RuleBroken) as refused:
        jack.record("account.unlocked", "jack", at=hour(4))

    assert "ran out" not in str(refused.value)
