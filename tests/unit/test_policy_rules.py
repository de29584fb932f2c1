"""A policy's other rules, through `decide`: severities, all strikes expiring
after a quiet window, ban evasion through other accounts' standings, and
exemptions."""

from __future__ import annotations

from datetime import datetime

from standing.domain import events as ev
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey
from standing.domain.ladder import LadderPolicy, Standings
from standing.domain.machine import decide
from standing.domain.policies import (
    Act,
    Action,
    BanEvasion,
    Exemption,
    Expiry,
    ExpiryKind,
    Ladder,
    PolicyRules,
)
from standing.domain.restrictions import Status
from tests.unit.ladders import DAY, HOUR, T0, World

LOCK = Action(Act.LOCK, DAY)
BAN = Action(Act.PERMANENT_SUSPENSION)
REMOVE = Action(Act.REMOVE_POST)


def rules(**overrides: object) -> PolicyRules:
    """A policy locking for a day from the second strike on."""
    values: dict[str, object] = {
        "name": "test",
        "description": "a test",
        "source": "tests",
        "date": "2026-01-01",
        "ladders": {"default": Ladder(((2, LOCK),))},
    }
    return PolicyRules(**(values | overrides))  # type: ignore[arg-type]


def test_a_severity_goes_straight_to_its_action_at_the_first_violation():
    w = World(LadderPolicy(rules(severity={"severe": BAN})))

    (suspension,) = w.violation(T0 + HOUR, severity="severe")

    assert suspension.permanent
    assert suspension.fact.id == "test/severity/jack-2"


def test_a_severity_the_policy_does_not_name_takes_the_ladder():
    w = World(LadderPolicy(rules(severity={"severe": BAN})))

    assert w.violation(T0 + HOUR, severity="minor") == []


def test_a_ladder_of_a_policy_name_replaces_the_default_for_that_name():
    ladders = {"default": Ladder(((2, LOCK),)), "spam": Ladder(((1, BAN),))}
    w = World(LadderPolicy(rules(ladders=ladders)))

    assert w.violation(T0 + HOUR) == []
    assert w.violation(T0 + 2 * HOUR, policy="spam")[0].permanent


def test_all_strikes_expire_after_a_quiet_window_since_the_last():
    expiry = Expiry(ExpiryKind.ALL_AFTER, 30 * DAY)
    w = World(LadderPolicy(rules(expiry=expiry)))
    w.violation(T0 + DAY)

    (lock,) = w.violation(T0 + 25 * DAY)  # within 30 days of the last
    assert isinstance(lock, ev.Locked)
    w.violation(T0 + 50 * DAY)  # a third, 25 days on: still counted
    assert w.violation(T0 + 81 * DAY) == []  # 31 quiet days: a first strike again


def test_an_exempt_account_is_never_permanently_suspended_its_post_is_removed():
    exemption = Exemption(frozenset({"institutional"}), REMOVE)
    policy = rules(severity={"severe": BAN}, exemption=exemption)
    w = World(LadderPolicy(policy), handle="POTUS", kind="institutional")
    w.post("p", T0 + HOUR)

    (removed,) = w.violation(T0 + 2 * HOUR, post="p", severity="severe")

    assert isinstance(removed, ev.PostRemoved)
    assert removed.fact.id == "test/exemption/POTUS-3"
    assert w.status(T0 + 3 * HOUR) is Status.ACTIVE


def test_an_exempt_account_whose_violation_names_no_post_keeps_its_standing():
    exemption = Exemption(frozenset({"institutional"}), REMOVE)
    policy = rules(severity={"severe": BAN}, exemption=exemption)
    w = World(LadderPolicy(policy), handle="POTUS", kind="institutional")

    assert w.violation(T0 + HOUR, severity="severe") == []


def suspended_trump(key: AccountKey, at: datetime) -> Status | None:
    """@realDonaldTrump is permanently suspended from the second day on."""
    if key.folded == "realdonaldtrump" and at >= T0 + DAY:
        return Status.PERMANENTLY_SUSPENDED
    return Status.ACTIVE


def evading(kind: str, standings: Standings | None = suspended_trump) -> World:
    policy = rules(ban_evasion=BanEvasion(BAN, REMOVE))
    return World(LadderPolicy(policy, standings=standings), kind=kind)


def test_a_post_by_a_suspended_account_suspends_the_account_it_appears_on():
    w = evading("campaign")

    (suspension,) = w.post("p", T0 + 2 * DAY, by="@realDonaldTrump")

    assert suspension.permanent and suspension.policy == "ban_evasion"
    assert suspension.fact.id == "test/ban_evasion/jack-2"


def test_a_post_by_a_suspended_account_on_an_institutional_one_is_removed():
    w = evading("institutional")

    (removed,) = w.post("p", T0 + 2 * DAY, by="realDonaldTrump")

    assert isinstance(removed, ev.PostRemoved) and removed.post == "p"
    assert w.status(T0 + 3 * DAY) is Status.ACTIVE


def test_a_post_by_an_account_not_suspended_then_is_no_ban_evasion():
    w = evading("campaign")

    assert w.post("p", T0 + HOUR, by="@realDonaldTrump") == []
    assert w.post("q", T0 + 2 * DAY, by="a member of staff") == []


def test_without_other_accounts_standings_ban_evasion_is_not_judged():
    w = evading("campaign", standings=None)

    assert w.post("p", T0 + 2 * DAY, by="@realDonaldTrump") == []


def test_deciding_the_same_violation_again_counts_its_strike_once():
    policy = LadderPolicy(rules())
    w = World(policy)
    w.violation(T0 + HOUR)
    before = w.state
    fact = Fact(ev.VIOLATION, w.key, T0 + 2 * HOUR, FactRef("again"), {"policy": "x"})

    first = decide(before, fact, policy)
    second = decide(before, fact, policy)

    assert first == second
    assert policy.strikes(w.state, "x", T0 + 3 * HOUR) == 1


def test_a_transfer_starts_the_strike_count_afresh():
    w = World(LadderPolicy(rules()), handle="POTUS", kind="institutional")
    w.violation(T0 + HOUR)
    w.fact(ev.TRANSFERRED, T0 + DAY, successor="Joseph R. Biden")

    assert w.violation(T0 + 2 * DAY) == []  # strike 1 of the new tenure
    assert isinstance(w.violation(T0 + 3 * DAY)[0], ev.Locked)


def test_a_severe_first_violation_is_a_strike_not_the_warning():
    policy = rules(first_violation_warning=True, severity={"severe": LOCK})
    w = World(LadderPolicy(policy))

    (lock,) = w.violation(T0 + HOUR, severity="severe")
    (again,) = w.violation(T0 + 2 * DAY)  # strike 2: no warning comes later

    assert lock.fact.id.startswith("test/severity/")
    assert again.fact.id.startswith("test/ladder/")
