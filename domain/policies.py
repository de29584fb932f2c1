"""Enforcement policies as values (SPEC section 7): strike ladders, expiry,
severities, ban evasion and exemptions, built by `adapters.policy_files`
from TOML and run by `domain.ladder.LadderPolicy`.

Everything here is an immutable value, checked when it is made: a value
that breaks a rule raises `InvalidPolicy`, whose message names the key.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from standing.domain.errors import DomainError
from standing.domain.timefmt import iso_duration

DEFAULT = "default"  # the ladder of a policy name that has none of its own


class InvalidPolicy(DomainError):
    """A policy that cannot be run, with the key (and file, line) at fault."""


class Act(StrEnum):
    NONE = "none"
    WARNING = "warning"
    LOCK = "lock"
    SUSPENSION = "suspension"
    PERMANENT_SUSPENSION = "permanent_suspension"
    REMOVE_POST = "remove_post"


TIMED = (Act.LOCK, Act.SUSPENSION)


@dataclass(frozen=True, slots=True)
class Action:
    """What a policy does: `lock` and `suspension` last `duration`; a lock
    `after_removal` waits for the violating post's removal, then runs."""

    act: Act
    duration: timedelta | None = None
    after_removal: bool = False

    def __post_init__(self) -> None:
        if self.act in TIMED and self.duration is None:
            raise InvalidPolicy(f"a {self.act} needs a duration (e.g. PT12H, P7D)")
        if self.act not in TIMED and self.duration is not None:
            raise InvalidPolicy(f"{self.act} takes no duration")
        if self.after_removal and self.act is not Act.LOCK:
            raise InvalidPolicy("only a lock waits for the post's removal")
        if self.duration is not None and self.duration < timedelta(0):
            raise InvalidPolicy("duration must be positive")
        if self.duration == timedelta(0) and not self.after_removal:
            raise InvalidPolicy("duration must be positive (PT0S only after_removal)")

    @property
    def restricts(self) -> bool:
        return self.act in (*TIMED, Act.PERMANENT_SUSPENSION)

    def __str__(self) -> str:
        text = self.act.value.replace("_", " ")
        if self.duration is not None:
            text += f" {iso_duration(self.duration)}"
        if self.after_removal:
            text += " after the post's removal"
        return text


NOTHING = Action(Act.NONE)


@dataclass(frozen=True, slots=True)
class Ladder:
    """Strike count -> action; a count takes the step at or below it (so the
    last step holds for every count above), and nothing below the first."""

    steps: tuple[tuple[int, Action], ...]

    def __post_init__(self) -> None:
        counts = [count for count, _ in self.steps]
        if any(count < 1 for count in counts):
            raise InvalidPolicy("strike counts start at 1")
        if counts != sorted(set(counts)):
            raise InvalidPolicy("strike counts must be distinct, in order")

    def action_for(self, strikes: int) -> Action:
        chosen = NOTHING
        for count, action in self.steps:
            if count > strikes:
                break
            chosen = action
        return chosen


class ExpiryKind(StrEnum):
    NEVER = "never"
    PER_STRIKE = "per_strike"  # each strike `window` after its own instant
    ALL_AFTER = "all_after"  # every strike, `window` after the last one


@dataclass(frozen=True, slots=True)
class Expiry:
    kind: ExpiryKind = ExpiryKind.NEVER
    window: timedelta | None = None

    def __post_init__(self) -> None:
        if (self.kind is ExpiryKind.NEVER) != (self.window is None):
            raise InvalidPolicy("a window is given with per_strike or all_after only")
        if self.window is not None and self.window <= timedelta(0):
            raise InvalidPolicy("the expiry window must be positive")


class Counted(StrEnum):
    PER_POLICY = "per_policy"  # strikes under the violation's policy name
    ALL = "all"  # strikes under every policy name together


@dataclass(frozen=True, slots=True)
class BanEvasion:
    """A post whose `by` names an account suspended on the same platform at
    that instant: `action` on the posting account, `institutional` on an
    institutional one."""

    action: Action
    institutional: Action


@dataclass(frozen=True, slots=True)
class Exemption:
    """Accounts of `kinds` are never permanently suspended: `instead`."""

    kinds: frozenset[str] = frozenset()
    instead: Action = Action(Act.REMOVE_POST)

    def __post_init__(self) -> None:
        if self.instead.act is Act.PERMANENT_SUSPENSION:
            raise InvalidPolicy("an exemption's instead cannot be permanent_suspension")


@dataclass(frozen=True, slots=True)
class PolicyRules:
    """One enforcement policy, as its file describes it."""

    name: str
    description: str
    source: str
    date: str
    ladders: Mapping[str, Ladder]
    expiry: Expiry = Expiry()
    counted: Counted = Counted.PER_POLICY
    first_violation_warning: bool = False
    severity: Mapping[str, Action] = field(default_factory=dict)
    ban_evasion: BanEvasion | None = None
    exemption: Exemption = Exemption()

    def __post_init__(self) -> None:
        if not self.name.strip():
            raise InvalidPolicy("a policy needs a name")
        if DEFAULT not in self.ladders:
            raise InvalidPolicy(f"a policy needs a {DEFAULT!r} ladder")

    def ladder_for(self, policy: str) -> Ladder:
        return self.ladders.get(policy, self.ladders[DEFAULT])
