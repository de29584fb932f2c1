"""The state machine of SPEC section 4: `decide(state, fact)` is the events a
fact makes, or the rule it breaks.

`ALLOWED` is the table of which facts each status accepts; the functions
below it are the rules each fact's own fields must keep. Deciding never
changes a state: `evolve` (domain.fold) folds the events it returns.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from standing.domain import events as ev
from standing.domain.errors import Backdated, DomainError, RuleBroken, UnknownAccount
from standing.domain.facts import Fact
from standing.domain.phase import Phase
from standing.domain.policy import AS_RECORDED, Policy, responded
from standing.domain.refusals import (
    already_registered,
    in_tenure,
    no_post,
    not_allowed,
    refuse,
)
from standing.domain.restrictions import Status
from standing.domain.state import AccountState
from standing.domain.timefmt import iso

KINDS = ("personal", "institutional", "campaign", "organization")
LATEST = datetime(9000, 1, 1, tzinfo=UTC)
LONGEST = timedelta(days=36_525)

# SPEC section 4's table: the facts an account accepts in each status
ALLOWED: dict[Status, frozenset[str]] = {
    Status.ACTIVE: frozenset(
        {ev.PUBLISHED, ev.REMOVED, ev.VIOLATION, ev.LOCKED, ev.SUSPENDED}
        | {ev.TRANSFER_SCHEDULED, ev.TRANSFERRED, ev.ARCHIVED}
    ),
    Status.LOCKED: frozenset(
        {ev.REMOVED, ev.VIOLATION, ev.LOCKED, ev.SUSPENDED, ev.UNLOCKED}
        | {ev.REINSTATED, ev.TRANSFER_SCHEDULED, ev.TRANSFERRED}
    ),
    Status.SUSPENDED: frozenset(
        {ev.REMOVED, ev.VIOLATION, ev.SUSPENDED, ev.REINSTATED}
        | {ev.TRANSFER_SCHEDULED, ev.TRANSFERRED}
    ),
    Status.PERMANENTLY_SUSPENDED: frozenset({ev.REMOVED, ev.VIOLATION, ev.REINSTATED}),
    Status.ARCHIVED: frozenset({ev.REMOVED}),
}
Decided = tuple[ev.Event, ...] | DomainError


def decide(
    state: AccountState | None, fact: Fact, policy: Policy = AS_RECORDED
) -> Decided:
    """The events `fact` makes on an account in `state` (None: not registered),
    or the `DomainError` that refuses it; under a `policy` other than what
    happened, what it sets aside makes none, and what it derives is added."""
    if not policy.admits(fact):
        return ()
    return _under(policy, state, fact)


def _under(policy: Policy, state: AccountState | None, fact: Fact) -> Decided:
    """`fact`'s events, with what `policy` derives from them (derived facts
    are the policy's own: nothing sets them aside)."""
    decided = _decided(state, fact)
    if isinstance(decided, DomainError) or policy is AS_RECORDED:
        return decided
    return responded(policy, state, decided, _under)


def _decided(state: AccountState | None, fact: Fact) -> Decided:
    try:
        if fact.type == ev.REGISTERED:
            return (_register(state, fact),)
        if state is None:
            return UnknownAccount(str(fact.key), fact.at)
        return (_DECIDE[fact.type](state, fact, fact.fields),)
    except DomainError as error:
        return error


def _register(state: AccountState | None, fact: Fact) -> ev.Registered:
    key, at, f = fact.key, fact.at, fact.fields
    if state is not None:
        raise already_registered(state, at)
    check_range(str(key), at, at, None)
    kind = f.get("kind", "personal")
    if kind not in KINDS:
        detail = f"unknown kind {kind!r}: one of {', '.join(KINDS)}"
        raise RuleBroken("account.kind", str(key), at, None, detail)
    holder, name = f["holder"], f.get("name")
    return ev.Registered(key.platform, key.handle, at, holder, kind, fact.ref, name)


def _publish(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    phase, posts = checked(s, fact)
    post = f["post"]
    if post in posts:
        refuse(
            s, "post.unique", phase, fact, f"post {post!r} already exists on {s.label}"
        )
    earlier = s.ended_tenure_of(post)
    if earlier is not None:
        detail = f"{in_tenure(post, s.label, *earlier)}; post ids are unique"
        refuse(s, "post.unique", phase, fact, detail)
    return ev.PostPublished(fact.at, post, f.get("by"), f.get("text"), fact.ref)


def _remove(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    phase, posts = checked(s, fact)
    post = f["post"]
    if post not in posts:
        refuse(s, "post.unknown", phase, fact, no_post(s, post))
    if not posts[post]:
        detail = f"post {post!r} on {s.label} is already removed"
        refuse(s, "post.removed", phase, fact, detail)
    by = f.get("by", "platform")
    return ev.PostRemoved(fact.at, post, by, f.get("reason"), fact.ref)


def _violation(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    phase, posts = checked(s, fact)
    post = f.get("post")
    if post is not None and post not in posts:
        refuse(s, "violation.post", phase, fact, no_post(s, post))
    policy, severity = f["policy"], f.get("severity")
    return ev.ViolationRecorded(fact.at, policy, post, severity, fact.ref)


def _lock(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    phase, posts = checked(s, fact)
    required = f.get("require_removal") or None
    duration, until = f.get("duration"), f.get("until")
    check_end(s, "lock", phase, fact, duration, until, waits=bool(required))
    unknown = [p for p in required or () if p not in posts]
    if unknown:
        names = ", ".join(map(repr, unknown))
        detail = f"require_removal names {names}, not a post of {s.label}"
        refuse(s, "lock.require_removal", phase, fact, detail)
    reason, policy = f["reason"], f.get("policy")
    return ev.Locked(fact.at, reason, policy, duration, until, required, fact.ref)


def _suspend(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    phase, _ = checked(s, fact)
    permanent = f.get("permanent", False)
    duration, until = f.get("duration"), f.get("until")
    if permanent and (duration is not None or until is not None):
        detail = "a permanent suspension takes no duration or until"
        refuse(s, "suspension.permanent", phase, fact, detail)
    check_end(s, "suspension", phase, fact, duration, until)
    ends = fact.at + duration if duration is not None else until
    reason, policy = f["reason"], f.get("policy")
    return ev.Suspended(fact.at, reason, policy, permanent, ends, fact.ref)


def _lift(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    checked(s, fact)
    kind = ev.Unlocked if fact.type == ev.UNLOCKED else ev.Reinstated
    return kind(fact.at, f.get("reason"), fact.ref)


def _transfer(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    archive_to, successor = f.get("archive_to"), f["successor"]
    phase = check_transfer(s, fact, archive_to)
    if fact.type == ev.TRANSFERRED:
        return ev.Transferred(fact.at, successor, archive_to, fact.ref)
    effective = f["effective_at"]
    check_range(s.label, fact.at, effective, phase.status.value)
    if effective <= fact.at:
        detail = "effective_at must be later than at"
        refuse(s, "transfer.effective_at", phase, fact, detail)
    return ev.TransferScheduled(fact.at, successor, effective, archive_to, fact.ref)


def _archive(s: AccountState, fact: Fact, f: dict[str, Any]) -> ev.Event:
    checked(s, fact)
    return ev.Archived(fact.at, f.get("custodian"), fact.ref)


_DECIDE: dict[str, Callable[[AccountState, Fact, dict[str, Any]], ev.Event]] = {
    ev.PUBLISHED: _publish,
    ev.REMOVED: _remove,
    ev.VIOLATION: _violation,
    ev.LOCKED: _lock,
    ev.UNLOCKED: _lift,
    ev.SUSPENDED: _suspend,
    ev.REINSTATED: _lift,
    ev.TRANSFER_SCHEDULED: _transfer,
    ev.TRANSFERRED: _transfer,
    ev.ARCHIVED: _archive,
}

# -- the checks every fact goes through -------------------------------------


def checked(s: AccountState, fact: Fact) -> tuple[Phase, Any]:
    """The phase at the fact's instant and the posts live then, if the
    account's status then accepts the fact."""
    at = fact.at
    if at >= LATEST:
        check_range(s.label, at, at, s.phase.status.value)
    if at < s.latest:
        raise Backdated(s.label, at, s.latest, s.phase.status.value)
    if at < s.registered_at:
        raise UnknownAccount(s.label, at)
    phase, handed_over = s.phase_at(at)
    if fact.type not in ALLOWED[phase.status]:
        raise not_allowed(s, fact, phase)
    return phase, {} if handed_over else s.posts


def check_transfer(s: AccountState, fact: Fact, archive_to: str | None) -> Phase:
    """The phase at the fact's instant, if the account may change hands then
    (its kind, its status, no transfer pending, an archive of another name)."""
    phase, _ = checked(s, fact)
    if s.kind != "institutional":
        detail = f"only institutional accounts change hands; {s.label} is {s.kind}"
        refuse(s, "transfer.institutional", phase, fact, detail)
    if phase.scheduled is not None:
        detail = f"a transfer to {phase.scheduled.successor} is already scheduled"
        refuse(s, "transfer.pending", phase, fact, detail)
    if archive_to is not None and archive_to.casefold() == s.handle.casefold():
        detail = "archive_to must name another account"
        refuse(s, "transfer.archive_to", phase, fact, detail)
    return phase


def check_end(
    s: AccountState,
    what: str,
    phase: Phase,
    fact: Fact,
    duration: timedelta | None,
    until: datetime | None,
    waits: bool = False,
) -> None:
    """A restriction's end must make sense; a lock waiting for removals may
    last no longer than them (`PT0S`)."""
    if duration is not None and until is not None:
        both = "give duration or until, not both"
        refuse(s, f"{what}.duration_or_until", phase, fact, both)
    zero_allowed = waits and duration == timedelta(0)
    if duration is not None and duration <= timedelta(0) and not zero_allowed:
        detail = "duration must be positive"
        if what == "lock" and duration == timedelta(0):
            detail += " (PT0S only with require_removal: locked until they are removed)"
        refuse(s, f"{what}.duration", phase, fact, detail)
    if duration is not None and duration > LONGEST:
        refuse(s, f"{what}.duration", phase, fact, "duration over 100 years")
    if until is not None and until <= fact.at:
        refuse(s, f"{what}.until", phase, fact, "until must be later than at")
    if until is not None:
        check_range(s.label, fact.at, until, phase.status.value)


def check_range(
    account: str, at: datetime, instant: datetime, status: str | None
) -> None:
    """Instants stay well inside the calendar, so every end can be computed."""
    if instant >= LATEST:
        detail = (
            f"{iso(instant)} is too far ahead: instants must be before {LATEST.year}"
        )
        raise RuleBroken("time.range", account, at, status, detail)
