"""Suspensions: temporary, indefinite and permanent; replaced; lifted."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.domain.errors import RuleBroken
from standing.domain.restrictions import Status

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)
WEEK = timedelta(days=7)


def day(n: float) -> datetime:
    return T0 + timedelta(days=n)


@pytest.fixture
def jack(app):
    app.record("account.registered", "jack", at=T0, holder="Jack")
    return app


def test_suspension_with_duration_runs_from_its_instant(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="spam", duration=WEEK)

    suspended = state("jack", day(1))
    assert suspended.status == Status.SUSPENDED
    assert suspended.since == day(1)
    assert suspended.until == day(8)
    assert suspended.reason == "spam"
    assert state("jack", day(8) - timedelta(microseconds=1)).status == "suspended"
    assert state("jack", day(8)).status == Status.ACTIVE
    assert state("jack", day(8)).since == day(8)
    assert state("jack", day(8)).reason is None


def test_suspension_until_ends_at_that_instant(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="spam", until=day(3))

    assert state("jack", day(1)).until == day(3)
    assert state("jack", day(3) - timedelta(seconds=1)).status == Status.SUSPENDED
    assert state("jack", day(3)).status == Status.ACTIVE


def test_suspension_without_duration_or_until_is_indefinite(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="impersonation")

    later = state("jack", day(3650))
    assert later.status == Status.SUSPENDED
    assert later.until is None
    assert later.pending == ()


def test_permanent_suspension_never_runs_out(jack, state):
    jack.record(
        "account.suspended",
        "jack",
        at=day(1),
        reason="glorification of violence",
        permanent=True,
    )

    later = state("jack", day(36500))
    assert later.status == Status.PERMANENTLY_SUSPENDED
    assert later.since == day(1)
    assert later.until is None
    assert later.reason == "glorification of violence"


@pytest.mark.parametrize(
    "end",
    [
        pytest.param({"duration": WEEK}, id="duration"),
        pytest.param({"until": day(5)}, id="until"),
    ],
)
def test_permanent_suspension_with_an_end_is_rejected(jack, state, end):
    with pytest.raises(RuleBroken, match=r"rule suspension\.permanent"):
        jack.record(
            "account.suspended", "jack", at=day(1), reason="r", permanent=True, **end
        )

    assert state("jack", day(1)).status == Status.ACTIVE


def test_suspension_with_both_duration_and_until_is_rejected(jack):
    with pytest.raises(RuleBroken, match=r"rule suspension\.duration_or_until"):
        jack.record(
            "account.suspended",
            "jack",
            at=day(1),
            reason="r",
            duration=WEEK,
            until=day(3),
        )


def test_suspension_until_not_after_its_instant_is_rejected(jack):
    with pytest.raises(RuleBroken, match=r"rule suspension\.until"):
        jack.record("account.suspended", "jack", at=day(1), reason="r", until=day(1))


def test_a_new_suspension_replaces_the_old_one(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="first", duration=WEEK)

    jack.record(
        "account.suspended",
        "jack",
        at=day(2),
        reason="second",
        duration=timedelta(days=1),
    )

    assert state("jack", day(2)).reason == "second"
    assert state("jack", day(2)).until == day(3)
    assert state("jack", day(3)).status == Status.ACTIVE


def test_a_replacing_suspension_may_make_it_permanent(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="first", duration=WEEK)

    jack.record(
        "account.suspended", "jack", at=day(2), reason="ban evasion", permanent=True
    )

    after = state("jack", day(30))
    assert after.status == Status.PERMANENTLY_SUSPENDED
    assert after.since == day(2)
    assert after.reason == "ban evasion"


def test_suspending_a_locked_account_replaces_the_lock(jack, state):
    jack.record(
        "account.locked", "jack", at=day(1), reason="lock", duration=timedelta(hours=1)
    )

    jack.record("account.suspended", "jack", at=day(1.01), reason="suspension")

    later = state("jack", day(2))
    assert later.status == Status.SUSPENDED
    assert later.reason == "suspension"
    assert later.since == day(1.01)


@pytest.mark.parametrize("permanent", [False, True])
def test_reinstatement_lifts_a_suspension(jack, state, permanent):
    jack.record("account.suspended", "jack", at=day(1), reason="r", permanent=permanent)

    jack.record("account.reinstated", "jack", at=day(10), reason="appeal upheld")

    reinstated = state("jack", day(10))
    assert reinstated.status == Status.ACTIVE
    assert reinstated.since == day(10)
    assert reinstated.reason is None
    assert reinstated.until is None


def test_a_reinstated_account_can_post_again(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="r", permanent=True)
    jack.record("account.reinstated", "jack", at=day(10))

    jack.record("post.published", "jack", at=day(11), post="back")

    assert state("jack", day(11)).posts == 1


def test_unlocking_a_suspended_account_is_rejected(jack):
    jack.record("account.suspended", "jack", at=day(1), reason="r")

    with pytest.raises(RuleBroken, match=r"rule suspended\.account\.unlocked"):
        jack.record("account.unlocked", "jack", at=day(2))


def test_pending_shows_when_a_temporary_suspension_expires(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="r", duration=WEEK)

    assert state("jack", day(2)).as_dict()["pending"] == [
        {"type": "suspension_expiry", "at": "2021-01-14T12:00:00Z"}
    ]
    assert state("jack", day(8)).as_dict()["pending"] == []


@pytest.mark.parametrize("post_first", [False, True])
def test_a_suspension_starting_as_the_last_ends_keeps_its_since(
    jack, state, post_first
):
    jack.record("account.suspended", "jack", at=day(1), reason="spam", duration=WEEK)
    if post_first:  # another fact at that instant, applied first
        jack.record("post.published", "jack", at=day(8), post="p")
    jack.record("account.suspended", "jack", at=day(8), reason="spam", duration=WEEK)

    extended = state("jack", day(8))

    assert (extended.status, extended.since, extended.until) == (
        Status.SUSPENDED,
        day(1),
        day(15),
    )


def test_a_suspension_starting_after_the_last_ended_has_its_own_since(jack, state):
    jack.record("account.suspended", "jack", at=day(1), reason="spam", duration=WEEK)
    jack.record("account.suspended", "jack", at=day(9), reason="spam", duration=WEEK)

    assert state("jack", day(9)).since == day(9)


def test_a_lock_lifted_and_imposed_again_at_one_instant_keeps_its_since(jack, state):
    jack.record("account.locked", "jack", at=day(1), reason="r")
    jack.record("account.unlocked", "jack", at=day(2))
    jack.record("violation.recorded", "jack", at=day(2), policy="x")
    jack.record("account.locked", "jack", at=day(2), reason="r")

    assert state("jack", day(2)).since == day(1)
