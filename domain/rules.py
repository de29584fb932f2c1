"""The state machine of SPEC section 4: which facts each status accepts."""

from __future__ import annotations

from datetime import datetime

from domain.errors import RuleBroken
from domain.restrictions import Status

REGISTERED = "account.registered"
PUBLISHED = "post.published"
REMOVED = "post.removed"
VIOLATION = "violation.recorded"
LOCKED = "account.locked"
UNLOCKED = "account.unlocked"
SUSPENDED = "account.suspended"
REINSTATED = "account.reinstated"
TRANSFER_SCHEDULED = "account.transfer_scheduled"
TRANSFERRED = "account.transferred"
ARCHIVED = "account.archived"

EVENT_TYPES = (
    REGISTERED,
    PUBLISHED,
    REMOVED,
    VIOLATION,
    LOCKED,
    UNLOCKED,
    SUSPENDED,
    REINSTATED,
    TRANSFER_SCHEDULED,
    TRANSFERRED,
    ARCHIVED,
)

ALLOWED: dict[Status, frozenset[str]] = {
    Status.ACTIVE: frozenset(
        {PUBLISHED, REMOVED, VIOLATION, LOCKED, SUSPENDED}
        | {TRANSFER_SCHEDULED, TRANSFERRED, ARCHIVED}
    ),
    Status.LOCKED: frozenset(
        {REMOVED, VIOLATION, LOCKED, SUSPENDED, UNLOCKED, REINSTATED}
        | {TRANSFER_SCHEDULED, TRANSFERRED}
    ),
    Status.SUSPENDED: frozenset(
        {REMOVED, VIOLATION, SUSPENDED, REINSTATED, TRANSFER_SCHEDULED, TRANSFERRED}
    ),
    Status.PERMANENTLY_SUSPENDED: frozenset({REMOVED, VIOLATION, REINSTATED}),
    Status.ARCHIVED: frozenset({REMOVED}),
}

VERBS = {
    REGISTERED: "register",
    PUBLISHED: "publish a post on",
    REMOVED: "remove a post from",
    VIOLATION: "record a violation on",
    LOCKED: "lock",
    UNLOCKED: "unlock",
    SUSPENDED: "suspend",
    REINSTATED: "reinstate",
    TRANSFER_SCHEDULED: "schedule a transfer of",
    TRANSFERRED: "transfer",
    ARCHIVED: "archive",
}

ARTICLE = {Status.ACTIVE: "an", Status.ARCHIVED: "an"}


def check_allowed(event_type: str, status: Status, account: str, at: datetime) -> None:
    """Raise `RuleBroken` unless an account in `status` accepts `event_type`."""
    if event_type in ALLOWED[status]:
        return
    article = ARTICLE.get(status, "a")
    raise RuleBroken(
        f"{status.value}.{event_type}",
        account,
        at,
        status.value,
        f"cannot {VERBS[event_type]} {account}: {article} "
        f"{status.value.replace('_', ' ')} account does not accept {event_type}",
    )
