"""An account's standing at an instant: the answer to "what was its state at T?"."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from standing.domain.identity import AccountKey
from standing.domain.phase import Phase, next_change
from standing.domain.restrictions import Lock, Status
from standing.domain.state import AccountState, Tenure
from standing.domain.timefmt import iso, iso_duration


@dataclass(frozen=True, slots=True)
class Pending:
    type: str
    at: datetime | None
    details: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"type": self.type, "at": _iso(self.at), **self.details}


@dataclass(frozen=True, slots=True)
class Standing:
    account: str
    platform: str
    as_of: datetime
    exists: bool
    kind: str | None = None
    status: Status | None = None
    since: datetime | None = None
    until: datetime | None = None
    reason: str | None = None
    holder: str | None = None
    previous_holder: str | None = None
    posts: int = 0
    strikes: dict[str, int] = field(default_factory=dict)
    pending: tuple[Pending, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        """The JSON object of SPEC section 5, key for key."""
        return {
            "account": self.account,
            "platform": self.platform,
            "as_of": iso(self.as_of),
            "exists": self.exists,
            "kind": self.kind,
            "status": self.status.value if self.status else None,
            "since": _iso(self.since),
            "until": _iso(self.until),
            "reason": self.reason,
            "holder": self.holder,
            "previous_holder": self.previous_holder,
            "posts": self.posts,
            "strikes": dict(sorted(self.strikes.items())),
            "pending": [item.as_dict() for item in self.pending],
        }


def standing_of(
    record: AccountState | None,
    key: AccountKey,
    as_of: datetime,
    tenure: Tenure | None = None,
) -> Standing:
    """The standing at `as_of` of an account folded up to `as_of`.

    An archive still waiting for its tenure needs the `tenure` its source
    handed over by then (None when the transfer had not happened or lapsed).
    """
    return standing_in_phase(record, key, as_of, tenure)[0]


def standing_in_phase(
    record: AccountState | None,
    key: AccountKey,
    as_of: datetime,
    tenure: Tenure | None = None,
) -> tuple[Standing, Phase | None]:
    """`standing_of`, with the phase the account is in at `as_of` (None when
    it does not exist then): when that phase next changes ends the standing."""
    if record is None:
        return Standing(str(key), key.platform, as_of, exists=False), None
    if as_of < record.registered_at or (record.awaiting_tenure and tenure is None):
        # not yet: shown as it is registered, as it will be from then on
        return Standing(record.label, record.platform, as_of, exists=False), None
    phase, handed_over = record.phase_at(as_of)
    standing = Standing(
        account=record.label,
        platform=record.platform,
        as_of=as_of,
        exists=True,
        kind=record.kind,
        status=phase.status,
        since=phase.since,
        until=due_to_end(phase),
        reason=phase.reason,
        holder=phase.holder,
        previous_holder=phase.previous_holder,
        posts=live_posts(record, handed_over, tenure),
        strikes={} if handed_over else dict(record.strikes),
        pending=pending_of(phase),
    )
    return standing, phase


def live_posts(record: AccountState, handed_over: bool, tenure: Tenure | None) -> int:
    """How many posts are live: an archive awaiting its tenure shows the
    tenure's; an account whose transfer fell due has none left."""
    if tenure is not None and record.awaiting_tenure:
        return len(tenure.posts)
    return 0 if handed_over else record.live_posts


def due_to_end(phase: Phase) -> datetime | None:
    """When the restriction in force is due to end: when it runs out, or when
    a transfer falls due first (which ends it; on a permanently suspended
    account it lapses instead)."""
    if phase.restriction is None or phase.status is Status.PERMANENTLY_SUSPENDED:
        return phase.until
    return next_change(phase)


def pending_of(phase: Phase) -> tuple[Pending, ...]:
    items: list[Pending] = []
    restriction = phase.restriction
    if isinstance(restriction, Lock) and restriction.awaiting:
        then: dict[str, Any] = {}  # what runs once the last post is removed
        if restriction.duration:
            then["duration"] = iso_duration(restriction.duration)
        if restriction.until:  # it ends then, or at the last removal if later
            then["until"] = iso(restriction.until)
        posts = sorted(restriction.awaiting)
        items.append(Pending("awaiting_removal", None, {"posts": posts, **then}))
    elif phase.until is not None and due_to_end(phase) == phase.until:
        # it runs out (a transfer falling due first would end it)
        kind = "lock_expiry" if isinstance(restriction, Lock) else "suspension_expiry"
        items.append(Pending(kind, phase.until))
    if phase.scheduled is not None:
        transfer = phase.scheduled
        details = {"successor": transfer.successor, "archive_to": transfer.archive_to}
        items.append(Pending("transfer", transfer.effective_at, details))
    return tuple(items)


def _iso(at: datetime | None) -> str | None:
    return iso(at) if at is not None else None
