"""The lock clock: a lock may wait for posts to be removed before it runs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from standing.domain.errors import RuleBroken
from standing.domain.restrictions import Status

T0 = datetime(2021, 1, 6, 12, 0, tzinfo=UTC)
HOUR = timedelta(hours=1)
TWELVE_HOURS = timedelta(hours=12)


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


@pytest.fixture
def jack(app):
    """@jack, registered at T0, with posts p1, p2 and p3 published at T0+1h."""
    app.record("account.registered", "jack", at=T0, holder="Jack")
    for post in ("p1", "p2", "p3"):
        app.record("post.published", "jack", at=at(1), post=post)
    return app


def test_lock_without_removals_runs_from_its_instant(jack, state):
    jack.record("account.locked", "jack", at=at(2), reason="r", duration=TWELVE_HOURS)

    assert state("jack", at(14) - timedelta(seconds=1)).status == Status.LOCKED
    assert state("jack", at(14)).status == Status.ACTIVE
    assert state("jack", at(2)).until == at(14)


def test_lock_waits_for_required_removals(jack, state):
    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="incitement",
        duration=TWELVE_HOURS,
        require_removal=["p1", "p2"],
    )

    waiting = state("jack", at(100))
    assert waiting.status == Status.LOCKED
    assert waiting.until is None


def test_lock_clock_runs_from_the_last_removal_whoever_removes(jack, state):
    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="incitement",
        duration=TWELVE_HOURS,
        require_removal=["p1", "p2"],
    )

    jack.record("post.removed", "jack", at=at(20), post="p1", by="platform")
    after_first = state("jack", at(40))
    jack.record("post.removed", "jack", at=at(50), post="p2", by="holder")

    assert after_first.status == Status.LOCKED
    assert after_first.until is None
    assert state("jack", at(50)).until == at(62)
    assert state("jack", at(62) - timedelta(microseconds=1)).status == Status.LOCKED
    assert state("jack", at(62)).status == Status.ACTIVE
    assert state("jack", at(62)).since == at(62)


def test_removing_a_post_the_lock_does_not_name_does_not_start_its_clock(jack, state):
    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="r",
        duration=TWELVE_HOURS,
        require_removal=["p1"],
    )

    jack.record("post.removed", "jack", at=at(3), post="p3")

    assert state("jack", at(30)).status == Status.LOCKED
    assert state("jack", at(30)).until is None


def test_posts_removed_before_the_lock_count_as_removed_at_its_instant(jack, state):
    jack.record("post.removed", "jack", at=at(1.5), post="p1")

    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="r",
        duration=TWELVE_HOURS,
        require_removal=["p1"],
    )

    assert state("jack", at(2)).until == at(14)
    assert state("jack", at(14)).status == Status.ACTIVE


def test_lock_with_some_posts_removed_beforehand_waits_for_the_rest(jack, state):
    jack.record("post.removed", "jack", at=at(1.5), post="p1")
    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="r",
        duration=TWELVE_HOURS,
        require_removal=["p1", "p2"],
    )

    jack.record("post.removed", "jack", at=at(5), post="p2")

    assert state("jack", at(16)).status == Status.LOCKED
    assert state("jack", at(17)).status == Status.ACTIVE


def test_lock_until_ends_it_at_that_instant(jack, state):
    jack.record("account.locked", "jack", at=at(2), reason="r", until=at(10))

    assert state("jack", at(2)).until == at(10)
    assert state("jack", at(10) - timedelta(microseconds=1)).status == Status.LOCKED
    assert state("jack", at(10)).status == Status.ACTIVE


def lock_until_10_awaiting_p1(app) -> None:
    app.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="r",
        until=at(10),
        require_removal=["p1"],
    )


def test_lock_until_waits_for_removals_finishing_after_it(jack, state):
    lock_until_10_awaiting_p1(jack)

    jack.record("post.removed", "jack", at=at(15), post="p1")

    assert state("jack", at(12)).status == Status.LOCKED
    assert state("jack", at(15) - timedelta(seconds=1)).status == Status.LOCKED
    assert state("jack", at(15)).status == Status.ACTIVE


def test_lock_until_keeps_its_instant_when_removals_finish_before_it(jack, state):
    lock_until_10_awaiting_p1(jack)

    jack.record("post.removed", "jack", at=at(4), post="p1")

    assert state("jack", at(4)).until == at(10)
    assert state("jack", at(9)).status == Status.LOCKED
    assert state("jack", at(10)).status == Status.ACTIVE


def test_lock_without_duration_or_until_lasts_until_unlocked(jack, state):
    jack.record("account.locked", "jack", at=at(2), reason="r")
    years_later = at(24 * 365 * 3)
    locked = state("jack", years_later)

    jack.record("account.unlocked", "jack", at=years_later, reason="appeal")

    assert locked.status == Status.LOCKED
    assert locked.until is None
    assert state("jack", years_later).status == Status.ACTIVE
    assert state("jack", years_later).since == years_later


def test_lock_without_duration_or_until_ends_on_reinstatement(jack, state):
    jack.record("account.locked", "jack", at=at(2), reason="r")

    jack.record("account.reinstated", "jack", at=at(48), reason="appeal")

    assert state("jack", at(47)).status == Status.LOCKED
    assert state("jack", at(48)).status == Status.ACTIVE


def test_a_new_lock_replaces_the_old_one(jack, state):
    jack.record(
        "account.locked", "jack", at=at(2), reason="first", duration=TWELVE_HOURS
    )

    jack.record("account.locked", "jack", at=at(3), reason="second", duration=HOUR)

    assert state("jack", at(3)).reason == "second"
    assert state("jack", at(3)).until == at(4)
    assert state("jack", at(4)).status == Status.ACTIVE


def test_posting_is_possible_again_at_the_instant_the_lock_ends(jack, state):
    jack.record("account.locked", "jack", at=at(2), reason="r", duration=HOUR)

    jack.record("post.published", "jack", at=at(3), post="p4")

    assert state("jack", at(3)).posts == 4


def test_posting_while_locked_is_rejected(jack):
    jack.record("account.locked", "jack", at=at(2), reason="r", duration=HOUR)

    with pytest.raises(RuleBroken, match=r"rule locked\.post\.published"):
        jack.record("post.published", "jack", at=at(3) - timedelta(seconds=1), post="x")


def test_require_removal_naming_a_post_that_does_not_exist_is_rejected(jack, state):
    with pytest.raises(RuleBroken, match=r"'p9'.*rule lock\.require_removal.*@jack"):
        jack.record(
            "account.locked",
            "jack",
            at=at(2),
            reason="r",
            require_removal=["p1", "p9"],
        )

    assert state("jack", at(2)).status == Status.ACTIVE


def test_require_removal_naming_another_accounts_post_is_rejected(jack, app):
    app.record("account.registered", "jill", at=T0, holder="Jill")
    app.record("post.published", "jill", at=at(1), post="j1")

    with pytest.raises(RuleBroken, match=r"rule lock\.require_removal"):
        jack.record(
            "account.locked", "jack", at=at(2), reason="r", require_removal=["j1"]
        )


def test_lock_with_both_duration_and_until_is_rejected(jack):
    with pytest.raises(RuleBroken, match=r"not both.*rule lock\.duration_or_until"):
        jack.record(
            "account.locked",
            "jack",
            at=at(2),
            reason="r",
            duration=HOUR,
            until=at(5),
        )


@pytest.mark.parametrize(
    "end",
    [
        pytest.param({"duration": timedelta(0)}, id="zero-duration"),
        pytest.param({"duration": -HOUR}, id="negative-duration"),
        pytest.param({"until": at(2)}, id="until-at-its-instant"),
        pytest.param({"until": at(1)}, id="until-in-the-past"),
    ],
)
def test_lock_that_would_end_before_it_starts_is_rejected(jack, end):
    with pytest.raises(RuleBroken, match=r"rule lock\.(duration|until)"):
        jack.record("account.locked", "jack", at=at(2), reason="r", **end)


def test_pending_shows_the_until_of_a_lock_awaiting_removals(jack, state):
    lock_until_10_awaiting_p1(jack)

    pending = state("jack", at(3)).as_dict()["pending"]

    assert pending == [
        {
            "type": "awaiting_removal",
            "at": None,
            "posts": ["p1"],
            "until": "2021-01-06T22:00:00Z",  # T0 + 10 hours
        }
    ]


def test_pending_shows_the_posts_a_lock_awaits_then_its_expiry(jack, state):
    jack.record(
        "account.locked",
        "jack",
        at=at(2),
        reason="r",
        duration=TWELVE_HOURS,
        require_removal=["p2", "p1"],
    )
    awaiting = state("jack", at(3)).as_dict()["pending"]

    jack.record("post.removed", "jack", at=at(4), post="p1")
    jack.record("post.removed", "jack", at=at(6), post="p2")

    assert awaiting == [
        {
            "type": "awaiting_removal",
            "at": None,
            "posts": ["p1", "p2"],
            "duration": "PT12H",
        }
    ]
    assert state("jack", at(5)).as_dict()["pending"][0]["posts"] == ["p2"]
    assert state("jack", at(7)).as_dict()["pending"] == [
        {"type": "lock_expiry", "at": "2021-01-07T06:00:00Z"}
    ]
    assert state("jack", at(18)).as_dict()["pending"] == []
