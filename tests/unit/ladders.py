"""Running facts through `decide` under a policy, folding what it decides."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from standing.domain import events as ev
from standing.domain.errors import DomainError
from standing.domain.facts import Fact, FactRef
from standing.domain.fold import evolve
from standing.domain.identity import AccountKey
from standing.domain.machine import decide
from standing.domain.policy import Policy
from standing.domain.restrictions import Status
from standing.domain.state import AccountState

T0 = datetime(2021, 1, 1, tzinfo=UTC)
DAY = timedelta(days=1)
HOUR = timedelta(hours=1)


@dataclass
class World:
    """One account, simulated under `policy` fact by fact."""

    policy: Policy
    handle: str = "jack"
    kind: str = "personal"
    state: AccountState | None = None
    events: list[ev.Event] = field(default_factory=list)
    made: int = 0

    def __post_init__(self) -> None:
        self.fact(ev.REGISTERED, T0, holder="Jack", kind=self.kind)

    @property
    def key(self) -> AccountKey:
        return AccountKey.parse(self.handle)

    def fact(self, type_: str, at: datetime, **fields: object) -> list[ev.Event]:
        """The events `fact` makes (folded in), or a failed test."""
        self.made += 1
        fact = Fact(type_, self.key, at, FactRef(f"{self.handle}-{self.made}"), fields)
        decided = decide(self.state, fact, self.policy)
        assert not isinstance(decided, DomainError), decided
        for event in decided:
            self.state = evolve(self.state, event)
        self.events += decided
        return list(decided)

    def violation(self, at: datetime, **fields: object) -> list[ev.Event]:
        """A violation (under `civic_integrity` unless named), and what it made."""
        fields.setdefault("policy", "civic_integrity")
        return self.fact(ev.VIOLATION, at, **fields)[1:]

    def post(self, post: str, at: datetime, **fields: object) -> list[ev.Event]:
        return self.fact(ev.PUBLISHED, at, post=post, **fields)[1:]

    def status(self, at: datetime) -> Status:
        assert self.state is not None
        return self.state.phase_at(at)[0].status
