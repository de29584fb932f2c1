"""Where an enforcement policy plugs into the state machine (SPEC section 7).

`decide` asks its policy two things: whether a fact from the input stands
(`admits`: a simulation sets recorded enforcement aside), and which facts the
policy derives once an event is folded in (`respond`: a lock after a strike,
say). Derived facts are decided under the same rules, in turn, at the
instant of the event that made them. What really happened is the policy
`AS_RECORDED`: every fact stands, and nothing is derived.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from standing.domain.errors import DomainError
from standing.domain.events import Event
from standing.domain.facts import Fact
from standing.domain.fold import evolve
from standing.domain.state import AccountState


class Policy(Protocol):
    name: str

    def admits(self, fact: Fact) -> bool:
        """Whether `fact`, from the input, stands under this policy."""
        ...

    def respond(self, state: AccountState, event: Event) -> Sequence[Fact]:
        """The facts this policy derives from `event`, folded into `state`."""
        ...


class AsRecorded:
    """What happened, as the input records it."""

    name = "as recorded"

    def admits(self, fact: Fact) -> bool:
        return True

    def respond(self, state: AccountState, event: Event) -> Sequence[Fact]:
        return ()


AS_RECORDED = AsRecorded()


Decide = Callable[
    ["Policy", AccountState | None, Fact], "tuple[Event, ...] | DomainError"
]


def responded(
    policy: Policy,
    state: AccountState | None,
    events: tuple[Event, ...],
    decide: Decide,
) -> tuple[Event, ...] | DomainError:
    """`events` with what `policy` derives from each, decided in turn."""
    made: list[Event] = []
    for event in events:
        state = evolve(state, event)
        made.append(event)
        for fact in policy.respond(state, event):
            derived = decide(policy, state, fact)
            if isinstance(derived, DomainError):
                return derived
            for more in derived:
                state = evolve(state, more)
            made.extend(derived)
    return tuple(made)
