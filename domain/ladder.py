"""`LadderPolicy`: a `PolicyRules` run through `decide` (the `Policy` seam).

On a violation it counts the account's live strikes and derives the
enforcement its ladder, a severity or an exemption names; on a post whose
`by` names a suspended account, what its ban-evasion rule names. Derived
facts are dated at the instant of the event that made them and carry ids
`{policy}/{rule}/{triggering fact id}`, so two runs derive the same ids. A
warning changes no status: it derives nothing.

One `LadderPolicy` is one simulation run: it keeps the strikes it saw
(`StrikeBook`) for expiry. Other accounts' standings come from `standings`,
a lookup the caller gives (the accounts simulated so far); without one, ban
evasion is not judged.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from standing.domain import events as ev
from standing.domain.errors import InvalidIdentity
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import AccountKey
from standing.domain.machine import ALLOWED
from standing.domain.policies import Act, Action, PolicyRules
from standing.domain.restrictions import Status
from standing.domain.state import AccountState
from standing.domain.strikes import Strike, StrikeBook, live

RECORDED_ENFORCEMENT = frozenset({ev.LOCKED, ev.SUSPENDED, ev.UNLOCKED, ev.REINSTATED})
PERMANENT = Status.PERMANENTLY_SUSPENDED
SUSPENDED = (Status.SUSPENDED, PERMANENT)
BAN_EVASION = "ban_evasion"

# the status of another account at an instant (None: no such account)
Standings = Callable[[AccountKey, datetime], Status | None]
Made = tuple[str, dict[str, Any]]  # a derived fact's type and fields


class LadderPolicy:
    """A policy's rules, run over one simulated world."""

    def __init__(
        self,
        rules: PolicyRules,
        keep_recorded: bool = False,
        standings: Standings | None = None,
    ) -> None:
        self.rules = rules
        self.name = rules.name
        self.keep_recorded = keep_recorded
        self.standings = standings
        self.book = StrikeBook()

    def admits(self, fact: Fact) -> bool:
        """Recorded enforcement is set aside, unless kept."""
        return self.keep_recorded or fact.type not in RECORDED_ENFORCEMENT

    def respond(self, state: AccountState, event: ev.Event) -> Sequence[Fact]:
        if type(event) is ev.ViolationRecorded:
            return self._violation(state, event)
        if type(event) is ev.PostPublished:
            return self._published(state, event)
        return ()

    def strikes(self, state: AccountState, policy: str, at: datetime) -> int:
        """The live strikes of `state`'s account at `at` counted with `policy`."""
        rules = self.rules
        seen = self.book.seen(state.key, len(state.tenures), rules.counted, policy)
        return live(seen, at, rules.expiry)

    def _violation(
        self, state: AccountState, event: ev.ViolationRecorded
    ) -> Sequence[Fact]:
        rules, tenure = self.rules, len(state.tenures)
        earlier = self.book.seen(state.key, tenure, rules.counted, event.policy)
        severe = event.severity is not None and event.severity in rules.severity
        warning = (
            rules.first_violation_warning
            and not severe  # a severe violation takes its action, not the warning
            and not any(s.fact != event.fact.id for s in earlier)
        )
        strike = Strike(event.fact.id, tenure, event.policy, event.at, warning)
        strike = self.book.add(state.key, strike)
        count = self.strikes(state, event.policy, event.at)
        if severe:
            rule, action = "severity", rules.severity[event.severity]
            why = f"a {event.severity} violation of {event.policy}"
        elif strike.warning:
            return ()
        else:
            rule = "ladder"
            action = rules.ladder_for(event.policy).action_for(count)
            why = f"strike {count} under {event.policy}"
        exemption = rules.exemption
        if action.act is Act.PERMANENT_SUSPENSION and state.kind in exemption.kinds:
            rule, action = "exemption", exemption.instead
            why += f"; {state.kind} accounts are not permanently suspended"
        made = self._enforce(state, event, action, event.post, event.policy, why)
        return self._facts(state, event, rule, made)

    def _published(
        self, state: AccountState, event: ev.PostPublished
    ) -> Sequence[Fact]:
        rule = self.rules.ban_evasion
        evader = _named(state, event.by)
        if rule is None or self.standings is None or evader is None:
            return ()
        if self.standings(evader, event.at) not in SUSPENDED:
            return ()
        institutional = state.kind == "institutional"
        action = rule.institutional if institutional else rule.action
        why = f"ban evasion: a post by {evader}, suspended then"
        made = self._enforce(state, event, action, event.post, BAN_EVASION, why)
        return self._facts(state, event, BAN_EVASION, made)

    def _facts(
        self, state: AccountState, event: ev.Event, rule: str, made: Made | None
    ) -> Sequence[Fact]:
        """The derived fact, its id `{policy}/{rule}/{triggering fact id}`."""
        if made is None:
            return ()
        ref = FactRef(f"{self.name}/{rule}/{event.fact.id}")
        return (Fact(made[0], state.key, event.at, ref, made[1]),)

    def _enforce(
        self,
        state: AccountState,
        event: ev.Event,
        action: Action,
        post: str | None,
        policy: str,
        why: str,
    ) -> Made | None:
        """The fact `action` makes on `state` at the event's instant, or None
        where it makes none or the account's status then takes none."""
        status = state.phase_at(event.at)[0].status
        reason = f"{self.name}: {why}"
        fields: dict[str, Any]
        if action.act is Act.REMOVE_POST:
            if post is None or not state.posts.get(post):
                return None
            kind = ev.REMOVED
            fields = {"post": post, "by": "platform", "reason": reason}
        elif action.act is Act.LOCK:
            kind = ev.LOCKED
            fields = {"reason": reason, "policy": policy, "duration": action.duration}
            if action.after_removal and post is not None and state.posts.get(post):
                fields["require_removal"] = [post]
            elif not action.duration:  # nothing to wait for: no lock
                return None
        elif action.act is Act.SUSPENSION:
            kind = ev.SUSPENDED
            fields = {"reason": reason, "policy": policy, "duration": action.duration}
        elif action.act is Act.PERMANENT_SUSPENSION:
            kind = ev.SUSPENDED
            fields = {"reason": reason, "policy": policy, "permanent": True}
        else:  # none, warning: no status changes
            return None
        if kind not in ALLOWED[status] or (status is PERMANENT and kind != ev.REMOVED):
            return None  # e.g. a lock while suspended: already restricted more
        return kind, fields


def _named(state: AccountState, by: str | None) -> AccountKey | None:
    """The other account of `state`'s platform that `by` names, if it does."""
    if not by:
        return None
    try:
        key = AccountKey.parse(by.strip(), state.platform)
    except InvalidIdentity:
        return None
    return None if key.same_account(state.key) else key
