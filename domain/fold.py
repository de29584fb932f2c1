"""The one fold: `evolve(state, event)` is an account's state after one event.

Every event first settles what time alone did up to its instant (`advance`:
restrictions running out, scheduled transfers falling due), then applies
itself. The aggregate, the replay, the read models and every query fold
with this function and nothing else.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from standing.domain import events as ev
from standing.domain.phase import (
    Lifted,
    Phase,
    RestrictionEnded,
    ScheduledTransfer,
    TransferHappened,
    advance,
    next_change,
)
from standing.domain.restrictions import Lock, Status, Suspension
from standing.domain.state import (
    NO_POSTS,
    NO_STRIKES,
    AccountState,
    Identity,
    ending_tenure,
)


def evolve(state: AccountState | None, event: ev.Event) -> AccountState:
    """`state` (None before registration) after `event`."""
    if type(event) is ev.Registered:
        return registered(event)
    if state is None:
        msg = f"{type(event).__name__} at {event.at} before any registration"
        raise ValueError(msg)
    return _APPLY[type(event)](settled(state, event.at), event)  # `at` its latest


def fold(events: Iterable[ev.Event]) -> AccountState | None:
    """The state after `events`, in order (None if there are none)."""
    state: AccountState | None = None
    for event in events:
        state = evolve(state, event)
    return state


def registered(event: ev.Registered) -> AccountState:
    opens = event.opens_at or event.at
    identity = Identity(
        event.platform, event.handle, event.kind, event.name, opens, event.archive_of
    )
    status = Status.ARCHIVED if event.archive_of else Status.ACTIVE
    phase = Phase(status, opens, event.holder)
    archive = event.archive_of is not None
    return AccountState(
        identity, phase, NO_POSTS, 0, NO_STRIKES, (), event.at, None, archive
    )


def settled(state: AccountState, at: datetime) -> AccountState:
    """`state` with what time alone did up to `at` (each event then sets its
    own instant as the latest, in the one new state it makes)."""
    due = next_change(state.phase)
    if due is None or due > at:  # most events: time alone changed nothing
        return state
    phase, happened = advance(state.phase, at)
    if happened:
        state = state._replace(phase=phase)
        for happening in happened:
            if isinstance(happening, TransferHappened):
                state = _tenure_closed(state, happening)
            elif isinstance(happening, RestrictionEnded):
                lifted = Lifted(happening.status, happening.since, happening.at, True)
                state = state._replace(lifted=lifted)
    return state


def _tenure_closed(state: AccountState, happened: TransferHappened) -> AccountState:
    """A transfer took effect: the outgoing tenure is kept, posts and strikes
    start afresh, and so does the status (nothing lifted matters any more)."""
    tenures = (*state.tenures, ending_tenure(state, happened))
    return state._replace(
        posts=NO_POSTS, live_posts=0, strikes=NO_STRIKES, tenures=tenures, lifted=None
    )


def _lifted(state: AccountState, at: datetime) -> AccountState:
    """The restriction in force at `at` ended by an unlock or reinstatement."""
    phase = state.phase
    lifted = state.lifted
    if phase.restriction is not None:
        lifted = Lifted(phase.status, phase.since, at)
    return state._replace(phase=phase.lifted(at), lifted=lifted, latest=at)


def _published(state: AccountState, event: ev.PostPublished) -> AccountState:
    posts = state.posts.set(event.post, True)
    return _posted(state, state.phase, posts, state.live_posts + 1, event.at)


def _removed(state: AccountState, event: ev.PostRemoved) -> AccountState:
    phase = state.phase
    lock = phase.restriction
    if isinstance(lock, Lock) and event.post in lock.awaiting:
        phase = phase.with_restriction(lock.post_removed(event.post, event.at))
    posts = state.posts.set(event.post, False)
    return _posted(state, phase, posts, state.live_posts - 1, event.at)


def _violation(state: AccountState, event: ev.ViolationRecorded) -> AccountState:
    count = state.strikes.get(event.policy, 0) + 1
    s = state
    fields = (s.identity, s.phase, s.posts, s.live_posts)
    strikes = s.strikes.set(event.policy, count)
    rest = (s.tenures, event.at, s.lifted, s.awaiting_tenure)
    return _NEW(AccountState, (*fields, strikes, *rest))


# Posts and strikes are most of what happens: their new state is made whole,
# at a third of the cost of `_replace`, which goes field by field.
_NEW = tuple.__new__


def _posted(
    s: AccountState, phase: Phase, posts: Any, live: int, latest: datetime
) -> AccountState:
    fields = (s.identity, phase, posts, live, s.strikes, s.tenures, latest)
    return _NEW(AccountState, (*fields, s.lifted, s.awaiting_tenure))


def _locked(state: AccountState, event: ev.Locked) -> AccountState:
    required = event.require_removal or []
    awaiting = frozenset(p for p in required if state.posts.get(p))
    lock = Lock(
        event.at,
        event.reason,
        event.policy,
        event.duration,
        event.until,
        awaiting,
        bool(required),
    )
    phase = state.phase.restricted(lock, state.lifted)
    return state._replace(phase=phase, latest=event.at)


def _suspended(state: AccountState, event: ev.Suspended) -> AccountState:
    suspension = Suspension(
        event.at, event.reason, event.policy, event.permanent, event.ends
    )
    phase = state.phase.restricted(suspension, state.lifted)
    return state._replace(phase=phase, latest=event.at)


def _unlocked(state: AccountState, event: ev.Unlocked | ev.Reinstated) -> AccountState:
    return _lifted(state, event.at)


def _scheduled(state: AccountState, event: ev.TransferScheduled) -> AccountState:
    transfer = transfer_of(event)
    return state._replace(phase=state.phase.with_scheduled(transfer), latest=event.at)


def _transferred(state: AccountState, event: ev.Transferred) -> AccountState:
    transfer = transfer_of(event)
    happened = TransferHappened(event.at, transfer, state.phase.holder)
    state = _tenure_closed(state, happened)
    phase = state.phase.handed_to(event.successor, event.at)
    return state._replace(phase=phase, latest=event.at)


def _archived(state: AccountState, event: ev.Archived) -> AccountState:
    return state._replace(phase=state.phase.archived(event.at), latest=event.at)


def _tenure_received(state: AccountState, event: ev.TenureReceived) -> AccountState:
    posts = NO_POSTS.update(dict.fromkeys(event.posts, True))
    return state._replace(
        posts=posts, live_posts=len(event.posts), awaiting_tenure=False, latest=event.at
    )


def _unchanged(state: AccountState, event: Any) -> AccountState:
    return state._replace(latest=event.at)


def transfer_of(event: ev.TransferScheduled | ev.Transferred) -> ScheduledTransfer:
    """The transfer an event schedules or makes, as the phase keeps it."""
    effective = getattr(event, "effective_at", event.at)
    return ScheduledTransfer(event.at, event.successor, effective, event.archive_to)


_APPLY: dict[type, Callable[[AccountState, Any], AccountState]] = {
    ev.PostPublished: _published,
    ev.PostRemoved: _removed,
    ev.ViolationRecorded: _violation,
    ev.Locked: _locked,
    ev.Unlocked: _unlocked,
    ev.Suspended: _suspended,
    ev.Reinstated: _unlocked,
    ev.TransferScheduled: _scheduled,
    ev.Transferred: _transferred,
    ev.Archived: _archived,
    ev.TenureReceived: _tenure_received,
    ev.TransferCompleted: _unchanged,
}
