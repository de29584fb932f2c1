"""Time alone changes standing: driven with freezegun, as a user's test would be.

`record` and `standing` read the clock when no instant is given, so nothing
below passes `at`: the frozen clock is the only source of time.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from freezegun import freeze_time

from standing.domain.errors import RuleBroken
from standing.domain.identity import AccountKey
from standing.domain.restrictions import Status

START = "2021-01-06 12:00:00"
JACK = AccountKey.parse("jack")


@pytest.fixture
def clock(clocked_app):
    with freeze_time(START) as frozen:
        clocked_app.record("account.registered", "jack", holder="Jack")
        yield frozen


def test_an_answer_without_an_instant_is_as_of_now(clock, clocked_app):
    clock.tick(timedelta(minutes=5))

    now = clocked_app.standing(JACK)

    assert now.as_of == datetime(2021, 1, 6, 12, 5, tzinfo=UTC)
    assert now.as_dict()["as_of"] == "2021-01-06T12:05:00Z"
    assert now.since == datetime(2021, 1, 6, 12, 0, tzinfo=UTC)


def test_a_twelve_hour_lock_is_over_twelve_hours_later(clock, clocked_app):
    clocked_app.record(
        "account.locked", "jack", reason="civic integrity", duration=timedelta(hours=12)
    )

    clock.tick(timedelta(hours=11, minutes=59))
    almost = clocked_app.standing(JACK)
    clock.tick(timedelta(minutes=1))
    over = clocked_app.standing(JACK)

    assert almost.status == Status.LOCKED
    assert almost.reason == "civic integrity"
    assert over.status == Status.ACTIVE
    assert over.reason is None


def test_posting_is_refused_while_the_lock_runs(clock, clocked_app):
    clocked_app.record(
        "account.locked", "jack", reason="r", duration=timedelta(hours=12)
    )

    clock.tick(timedelta(hours=11))

    with pytest.raises(RuleBroken, match=r"rule locked\.post\.published"):
        clocked_app.record("post.published", "jack", post="too-early")


def test_a_locked_account_can_post_once_its_time_is_up(clock, clocked_app):
    clocked_app.record(
        "account.locked", "jack", reason="r", duration=timedelta(hours=12)
    )

    clock.tick(timedelta(hours=12))
    clocked_app.record("post.published", "jack", post="back")

    assert clocked_app.standing(JACK).posts == 1


def test_a_lock_clock_starts_when_the_last_required_post_is_removed(clock, clocked_app):
    clocked_app.record("post.published", "jack", post="p1")
    clocked_app.record("post.published", "jack", post="p2")
    clocked_app.record(
        "account.locked",
        "jack",
        reason="r",
        duration=timedelta(hours=12),
        require_removal=["p1", "p2"],
    )

    clock.tick(timedelta(hours=13))
    clocked_app.record("post.removed", "jack", post="p1", by="holder")
    clock.tick(timedelta(hours=13))
    still_waiting = clocked_app.standing(JACK)
    clocked_app.record("post.removed", "jack", post="p2", by="holder")
    clock.tick(timedelta(hours=11))
    running = clocked_app.standing(JACK)
    clock.tick(timedelta(hours=1))
    over = clocked_app.standing(JACK)

    assert still_waiting.status == Status.LOCKED
    assert still_waiting.pending[0].type == "awaiting_removal"
    assert running.status == Status.LOCKED
    assert running.until == datetime(2021, 1, 8, 2, 0, tzinfo=UTC)
    assert over.status == Status.ACTIVE


def test_a_week_long_suspension_runs_out_after_a_week(clock, clocked_app):
    clocked_app.record(
        "account.suspended", "jack", reason="spam", duration=timedelta(days=7)
    )

    clock.tick(timedelta(days=6))
    during = clocked_app.standing(JACK)
    clock.tick(timedelta(days=1))
    after = clocked_app.standing(JACK)

    assert during.status == Status.SUSPENDED
    assert after.status == Status.ACTIVE


def test_a_permanent_suspension_outlasts_any_wait(clock, clocked_app):
    clocked_app.record("account.suspended", "jack", reason="r", permanent=True)

    clock.tick(timedelta(days=3650))

    assert clocked_app.standing(JACK).status == Status.PERMANENTLY_SUSPENDED


def test_a_scheduled_transfer_happens_when_its_day_comes(clocked_app):
    with freeze_time(START) as clock:
        clocked_app.record(
            "account.registered", "POTUS", holder="Outgoing", kind="institutional"
        )
        clocked_app.record("post.published", "POTUS", post="last-words")
        clocked_app.record(
            "account.transfer_scheduled",
            "POTUS",
            successor="Incoming",
            effective_at=datetime(2021, 1, 20, 17, 0, tzinfo=UTC),
            archive_to="POTUS45",
        )
        potus, archive = AccountKey.parse("POTUS"), AccountKey.parse("POTUS45")

        clock.move_to("2021-01-20 16:59:59")
        before = clocked_app.standing(potus)
        archive_before = clocked_app.standing(archive)
        clock.tick(timedelta(seconds=1))
        after = clocked_app.standing(potus)
        archive_after = clocked_app.standing(archive)

    assert (before.holder, before.posts) == ("Outgoing", 1)
    assert not archive_before.exists
    assert (after.holder, after.previous_holder) == ("Incoming", "Outgoing")
    assert after.posts == 0
    assert archive_after.status == Status.ARCHIVED
    assert archive_after.posts == 1
