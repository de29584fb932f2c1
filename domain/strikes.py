"""The strikes a policy has seen, with their instants, and which are live.

An account's state counts strikes per policy name since its last transfer,
without their instants; expiry needs them. A `StrikeBook` keeps each
violation a policy saw, once (by its fact id, so deciding the same fact
again adds nothing), with the tenure it fell in (the number of tenures the
account had closed then): a transfer starts the count afresh, as the state's
own count does.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from standing.domain.identity import AccountKey
from standing.domain.policies import Counted, Expiry, ExpiryKind


@dataclass(frozen=True, slots=True)
class Strike:
    fact: str
    tenure: int
    policy: str
    at: datetime
    warning: bool  # a first violation that was only a warning: no strike


@dataclass(slots=True)
class StrikeBook:
    _accounts: dict[tuple[str, str], list[Strike]] = field(default_factory=dict)

    def seen(
        self, key: AccountKey, tenure: int, counted: Counted, policy: str
    ) -> list[Strike]:
        """The violations seen on `key` in `tenure`, of the policy names
        counted together with `policy`."""
        kept = self._accounts.get((key.platform, key.folded), [])
        return [
            s
            for s in kept
            if s.tenure == tenure and (counted is Counted.ALL or s.policy == policy)
        ]

    def add(self, key: AccountKey, strike: Strike) -> Strike:
        """`strike`, kept; or the one already kept for its fact."""
        kept = self._accounts.setdefault((key.platform, key.folded), [])
        for earlier in kept:
            if earlier.fact == strike.fact:
                return earlier
        kept.append(strike)
        return strike


def live(strikes: list[Strike], at: datetime, expiry: Expiry) -> int:
    """How many of `strikes` (in order of time, warnings left out) still
    count at `at`."""
    counting = [s.at for s in strikes if not s.warning and s.at <= at]
    window = expiry.window
    if expiry.kind is ExpiryKind.NEVER or window is None:
        return len(counting)
    if expiry.kind is ExpiryKind.PER_STRIKE:
        return sum(1 for when in counting if at - when < window)
    count, previous = 0, None
    for when in counting:  # ALL_AFTER: a quiet window wipes the slate
        if previous is not None and when - previous >= window:
            count = 0
        count, previous = count + 1, when
    if previous is not None and at - previous >= window:
        return 0
    return count
