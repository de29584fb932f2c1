"""What restricts an account, and when time alone ends it."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum


class Status(StrEnum):
    ACTIVE = "active"
    LOCKED = "locked"
    SUSPENDED = "suspended"
    PERMANENTLY_SUSPENDED = "permanently_suspended"
    ARCHIVED = "archived"


@dataclass(frozen=True, slots=True)
class Lock:
    """A read-only period; its clock may wait for posts to be removed."""

    since: datetime
    reason: str
    policy: str | None = None
    duration: timedelta | None = None
    until: datetime | None = None
    awaiting: frozenset[str] = frozenset()
    waits_for_removal: bool = False
    last_removal: datetime | None = None

    @property
    def clock_start(self) -> datetime | None:
        """When the lock's clock starts running; None while posts await removal."""
        if self.awaiting:
            return None
        if self.waits_for_removal:
            return max(self.since, self.last_removal or self.since)
        return self.since

    @property
    def ends(self) -> datetime | None:
        start = self.clock_start
        if start is None:
            return None
        if self.duration is not None:
            return start + self.duration
        if self.until is not None:
            return max(self.until, start)
        return None

    def post_removed(self, post: str, at: datetime) -> Lock:
        if post not in self.awaiting:
            return self
        return replace(self, awaiting=self.awaiting - {post}, last_removal=at)


@dataclass(frozen=True, slots=True)
class Suspension:
    since: datetime
    reason: str
    policy: str | None = None
    permanent: bool = False
    ends: datetime | None = None


Restriction = Lock | Suspension


def restriction_status(restriction: Restriction) -> Status:
    if isinstance(restriction, Lock):
        return Status.LOCKED
    if restriction.permanent:
        return Status.PERMANENTLY_SUSPENDED
    return Status.SUSPENDED
