"""The bundled strike ladders, run through `decide(state, fact, policy)`: what
each strike derives, at the violation's instant, and how strikes expire."""

from __future__ import annotations

from datetime import timedelta

from standing.adapters.policy_files import load_policy
from standing.domain import events as ev
from standing.domain.ladder import LadderPolicy
from standing.domain.restrictions import Status
from tests.unit.ladders import DAY, HOUR, T0, World


def world(policy: str, **account: str) -> World:
    return World(LadderPolicy(load_policy(policy)), **account)


def strikes(w: World, n: int, start: timedelta = HOUR) -> list[list[ev.Event]]:
    """`n` violations an hour apart; what each derived."""
    return [w.violation(T0 + start + k * HOUR) for k in range(n)]


# -- twitter-2021 -----------------------------------------------------------


def test_under_twitter_2021_a_first_strike_derives_nothing():
    w = world("twitter-2021")

    assert w.violation(T0 + HOUR) == []
    assert w.status(T0 + 2 * HOUR) is Status.ACTIVE


def test_under_twitter_2021_the_second_and_third_strikes_lock_for_12_hours():
    w = world("twitter-2021")

    made = strikes(w, 3)

    assert [type(e) for e in made[1] + made[2]] == [ev.Locked, ev.Locked]
    assert {e.duration for e in made[1] + made[2]} == {timedelta(hours=12)}
    assert made[1][0].at == T0 + 2 * HOUR  # the violation's instant


def test_under_twitter_2021_the_lock_runs_12_hours_from_the_removal_of_the_post():
    w = world("twitter-2021")
    w.violation(T0 + HOUR)
    w.post("p", T0 + 2 * HOUR)

    (lock,) = w.violation(T0 + 3 * HOUR, post="p")
    w.fact(ev.REMOVED, T0 + 10 * HOUR, post="p", by="holder")

    assert lock.require_removal == ["p"]
    assert w.status(T0 + 21 * HOUR) is Status.LOCKED  # 11 hours after removal
    assert w.status(T0 + 22 * HOUR) is Status.ACTIVE


def test_under_twitter_2021_the_fourth_strike_locks_for_7_days():
    w = world("twitter-2021")

    (lock,) = strikes(w, 4)[3]

    assert lock.duration == timedelta(days=7)
    assert w.status(T0 + 4 * HOUR + 6 * DAY) is Status.LOCKED


def test_under_twitter_2021_the_fifth_strike_and_later_suspend_for_good():
    w = world("twitter-2021")

    made = strikes(w, 6)

    (suspension,) = made[4]
    assert suspension.permanent and suspension.fact.id.startswith("twitter-2021/")
    assert made[5] == []  # nothing more to do to a permanently suspended account
    assert w.status(T0 + 1000 * DAY) is Status.PERMANENTLY_SUSPENDED


def test_under_twitter_2021_strikes_never_expire():
    w = world("twitter-2021")
    w.violation(T0 + HOUR)

    (lock,) = w.violation(T0 + 3 * 365 * DAY)

    assert isinstance(lock, ev.Locked)


def test_under_twitter_2021_strikes_under_each_policy_are_counted_apart():
    w = world("twitter-2021")
    w.violation(T0 + HOUR, policy="civic_integrity")

    assert w.violation(T0 + 2 * HOUR, policy="covid19") == []


def test_under_twitter_2021_an_institutional_account_loses_the_post_not_the_account():
    w = world("twitter-2021", handle="POTUS", kind="institutional")
    strikes(w, 4)
    w.post("p", T0 + 10 * DAY)

    (removed,) = w.violation(T0 + 11 * DAY, post="p")

    assert isinstance(removed, ev.PostRemoved) and removed.post == "p"
    assert w.status(T0 + 12 * DAY) is Status.ACTIVE


def test_derived_facts_have_ids_from_the_policy_the_rule_and_the_triggering_fact():
    def run() -> list[str]:
        w = world("twitter-2021")
        return [e.fact.id for made in strikes(w, 5) for e in made]

    assert run() == run()
    assert run()[0] == "twitter-2021/ladder/jack-3"
    assert run()[-1] == "twitter-2021/ladder/jack-6"


def test_recorded_enforcement_is_set_aside_unless_kept():
    locked = {"reason": "recorded", "duration": timedelta(hours=12)}
    simulated = world("twitter-2021")
    kept = World(LadderPolicy(load_policy("twitter-2021"), keep_recorded=True))

    assert simulated.fact(ev.LOCKED, T0 + HOUR, **locked) == []
    assert simulated.status(T0 + 2 * HOUR) is Status.ACTIVE
    assert len(kept.fact(ev.LOCKED, T0 + HOUR, **locked)) == 1


# -- youtube-2019 -----------------------------------------------------------


def test_under_youtube_2019_a_first_violation_is_only_a_warning():
    w = world("youtube-2019")

    assert w.violation(T0 + HOUR) == []
    assert w.status(T0 + 2 * HOUR) is Status.ACTIVE


def test_under_youtube_2019_strikes_freeze_for_one_then_two_weeks_then_terminate():
    w = world("youtube-2019")

    made = [w.violation(T0 + n * 20 * DAY) for n in range(1, 5)]

    assert made[0] == []
    assert [made[1][0].duration, made[2][0].duration] == [7 * DAY, 14 * DAY]
    assert made[3][0].permanent


def test_under_youtube_2019_a_strike_expires_90_days_after_it_was_issued():
    w = world("youtube-2019")
    w.violation(T0 + DAY)  # the warning
    w.violation(T0 + 2 * DAY)  # 1st strike: a week

    (second,) = w.violation(T0 + 91 * DAY)  # the 1st still counts
    (again,) = w.violation(T0 + 200 * DAY)  # both expired: a 1st strike again

    assert second.duration == 14 * DAY
    assert again.duration == 7 * DAY


# -- meta-2022, meta-2023 ---------------------------------------------------


def test_under_meta_2022_a_warning_then_restrictions_of_1_3_7_and_30_days():
    w = world("meta-2022")

    made = [w.violation(T0 + n * 40 * DAY) for n in range(1, 7)]

    assert made[0] == []
    assert [m[0].duration for m in made[1:]] == [
        DAY,
        3 * DAY,
        7 * DAY,
        30 * DAY,
        30 * DAY,
    ]
    assert {type(m[0]) for m in made[1:]} == {ev.Locked}


def test_under_meta_2022_strikes_expire_after_a_year():
    w = world("meta-2022")
    w.violation(T0 + DAY)
    w.violation(T0 + 2 * DAY)  # 2 strikes: a day

    assert w.violation(T0 + 367 * DAY) == []  # the first two expired: a warning
    (lock,) = w.violation(T0 + 368 * DAY)
    assert lock.duration == DAY


def test_under_meta_2023_restrictions_start_at_the_seventh_strike():
    w = world("meta-2023")

    made = [w.violation(T0 + n * 3 * DAY) for n in range(1, 9)]

    assert all(m == [] for m in made[:6])
    assert [made[6][0].duration, made[7][0].duration] == [DAY, 3 * DAY]
