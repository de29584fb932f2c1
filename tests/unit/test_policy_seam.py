"""Where a policy plugs into `decide`: what it sets aside makes no event, what
it derives is decided in turn under the same rules (SPEC section 7's seam)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from standing.domain import events as ev
from standing.domain.errors import DomainError
from standing.domain.facts import Fact, FactRef
from standing.domain.fold import evolve, fold
from standing.domain.identity import AccountKey
from standing.domain.machine import decide
from standing.domain.policy import AS_RECORDED
from standing.domain.restrictions import Status
from standing.domain.state import AccountState

JACK = AccountKey.parse("jack")
T0 = datetime(2021, 1, 6, tzinfo=UTC)
TWELVE_HOURS = timedelta(hours=12)


def fact(type_: str, hours: float, **fields: object) -> Fact:
    return Fact(type_, JACK, T0 + timedelta(hours=hours), FactRef(f"f{hours}"), fields)


def _registered() -> list[ev.Event]:
    return [ev.Registered("twitter", "jack", T0, "Jack", "personal", FactRef("f0"))]


def jack() -> AccountState:
    state = fold(_registered())
    assert state is not None
    return state


class LockOnSecondStrike:
    """A toy ladder: the second strike under any policy locks for 12 hours."""

    name = "toy"

    def admits(self, fact: Fact) -> bool:
        return fact.type not in (ev.LOCKED, ev.SUSPENDED)

    def respond(self, state: AccountState, event: ev.Event) -> Sequence[Fact]:
        if type(event) is ev.ViolationRecorded and sum(state.strikes.values()) == 2:
            at = (event.at - T0) / timedelta(hours=1)
            lock = fact(ev.LOCKED, at, reason="strike 2", duration=TWELVE_HOURS)
            return [lock]
        return []


def test_as_recorded_every_fact_stands_and_nothing_is_derived():
    state = jack()
    violation = fact(ev.VIOLATION, 1, policy="spam")

    assert decide(state, violation, AS_RECORDED) == decide(state, violation)
    assert AS_RECORDED.admits(fact(ev.LOCKED, 2, reason="r"))


def test_a_policy_sets_aside_the_facts_it_does_not_admit():
    locked = fact(ev.LOCKED, 1, reason="recorded lock")

    assert decide(jack(), locked, LockOnSecondStrike()) == ()


def test_a_policy_derives_enforcement_at_the_instant_of_the_fact_that_made_it():
    policy = LockOnSecondStrike()
    state = jack()
    events: list[ev.Event] = []
    for hours in (1, 2):
        decided = decide(state, fact(ev.VIOLATION, hours, policy="spam"), policy)
        assert not isinstance(decided, DomainError)
        events += decided
        for event in decided:
            state = evolve(state, event)

    assert [type(e).__name__ for e in events] == [
        "ViolationRecorded",
        "ViolationRecorded",
        "Locked",
    ]
    assert events[-1].at == T0 + timedelta(hours=2)
    assert state.phase_at(T0 + timedelta(hours=13))[0].status is Status.LOCKED
    assert state.phase_at(T0 + timedelta(hours=14))[0].status is Status.ACTIVE


def test_a_derived_fact_the_rules_refuse_refuses_the_fact_that_made_it():
    policy = LockOnSecondStrike()
    banned = ev.Suspended(
        T0 + timedelta(hours=1), "ban", None, True, None, FactRef("s")
    )
    strike = ev.ViolationRecorded(
        T0 + timedelta(hours=2), "x", None, None, FactRef("v")
    )
    state = fold([*_registered(), banned, strike])

    refused = decide(state, fact(ev.VIOLATION, 3, policy="x"), policy)

    # a strike is taken while permanently suspended, but the lock it makes is not
    assert isinstance(refused, DomainError)
    assert "does not accept account.locked" in str(refused)


def test_deciding_never_changes_the_state_it_is_given():
    state = jack()

    decide(state, fact(ev.PUBLISHED, 1, post="p1"))

    assert state == jack()
