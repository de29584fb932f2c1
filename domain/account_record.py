"""What an account's facts fold into.

Every event carries its effective time `at`; the library's own `timestamp`
stays the recording time. Each private `_method` decorated with `@event` runs
on every replay, so it only settles time (deterministically, from `at`) and
assigns. The commands that validate and then call them are in `domain.account`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any
from uuid import UUID

from eventsourcing.domain import Aggregate, event

from domain.facts import FactRef
from domain.identity import AccountKey, account_id
from domain.phase import (
    Lifted,
    Phase,
    RestrictionEnded,
    ScheduledTransfer,
    TransferHappened,
    advance,
)
from domain.restrictions import Lock, Status, Suspension

# The facts at an account's latest instant, id to digest: one (id, digest) pair
# in the usual case (a third of a dict's memory, 13 MB at 100,000 accounts),
# a dict when several facts share the instant.
Recent = tuple[str, str | None] | dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Tenure:
    """A past holder's time on an institutional account, kept by its archive."""

    ended: datetime
    holder: str
    archive_to: str | None
    posts: tuple[str, ...]  # those live when it ended, which the archive holds
    published: tuple[str, ...] = ()  # every post of the tenure, removed ones too


class AccountRecord(Aggregate):
    @staticmethod
    def create_id(platform: str, handle: str, **_: Any) -> UUID:
        return account_id(platform, handle)

    @event("Registered")
    def __init__(
        self,
        platform: str,
        handle: str,
        at: datetime,
        holder: str,
        kind: str,
        fact: FactRef,
        name: str | None = None,
        archive_of: str | None = None,
        opens_at: datetime | None = None,
    ) -> None:
        self.platform = platform
        self.handle = handle
        self.kind = kind
        self.name = name
        self.registered_at = opens_at or at
        self.archive_of = archive_of
        self.awaiting_tenure = archive_of is not None
        status = Status.ARCHIVED if archive_of else Status.ACTIVE
        self.phase = Phase(status, opens_at or at, holder)
        self.posts: dict[str, bool] = {}
        self.live_posts = 0
        self.strikes: dict[str, int] = {}
        self.tenures: tuple[Tenure, ...] = ()  # (one empty tuple for every account)
        self.latest = at
        self.recent: Recent = (fact.id, fact.digest)
        self.lifted: Lifted = None  # the last restriction lifted, if it matters

    @property
    def label(self) -> str:
        return f"@{self.handle}"

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.platform, self.handle)

    def _settle(self, at: datetime, fact: FactRef) -> None:
        """Apply what time alone did up to `at`, then note the fact as stored.

        Only the facts at the latest instant are kept (`recent`): any other
        stored fact is earlier, and a fact earlier than `latest` is either one
        of them again or backdated, which the store's history tells apart.
        """
        self.phase, happened = advance(self.phase, at)
        for happening in happened:
            if isinstance(happening, TransferHappened):
                self._close_tenure(happening)
            elif isinstance(happening, RestrictionEnded):
                self.lifted = (happening.status, happening.since, happening.at)
        if at > self.latest:
            self.recent = (fact.id, fact.digest)
        elif isinstance(self.recent, tuple):
            self.recent = dict((self.recent, (fact.id, fact.digest)))
        else:
            self.recent[fact.id] = fact.digest
        self.latest = at

    def recent_digest(self, fact_id: str, default: Any = None) -> Any:
        """The digest of the fact `fact_id` if it is at the latest instant,
        else `default`."""
        if isinstance(self.recent, tuple):
            noted, digest = self.recent
            return digest if noted == fact_id else default
        return self.recent.get(fact_id, default)

    def tenure_for(self, archive: str, at: datetime) -> Tenure | None:
        """The tenure handed to the archive `archive` by `at`, if it was."""
        wanted = archive.casefold()
        for tenure in self.tenures:
            if tenure.archive_to and tenure.archive_to.casefold() == wanted:
                return tenure
        for happening in advance(self.phase, at)[1]:
            if not isinstance(happening, TransferHappened):
                continue
            handed = happening.transfer.archive_to or ""
            if handed.casefold() == wanted:
                return self._ending_tenure(happening)
        return None

    def _ending_tenure(self, happened: TransferHappened) -> Tenure:
        """The tenure the transfer `happened` ends, with the posts it keeps."""
        live = tuple(post for post, is_live in self.posts.items() if is_live)
        holder, archive_to = happened.outgoing_holder, happened.transfer.archive_to
        return Tenure(happened.at, holder, archive_to, live, tuple(self.posts))

    def _lift(self, at: datetime) -> None:
        """End the restriction in force at `at`, noting what it was."""
        if self.phase.restriction is not None:
            self.lifted = (self.phase.status, self.phase.since, at)
        self.phase = self.phase.lifted(at)

    def _close_tenure(self, happened: TransferHappened) -> None:
        self.lifted = None  # a new holder's status starts afresh
        self.tenures = (*self.tenures, self._ending_tenure(happened))
        self.posts = {}
        self.live_posts = 0
        self.strikes = {}

    @event("PostPublished")
    def _publish(
        self, at: datetime, post: str, by: str | None, text: str | None, fact: FactRef
    ) -> None:
        self._settle(at, fact)
        self.posts[post] = True
        self.live_posts += 1

    @event("PostRemoved")
    def _remove(
        self, at: datetime, post: str, by: str, reason: str | None, fact: FactRef
    ) -> None:
        self._settle(at, fact)
        self.posts[post] = False
        self.live_posts -= 1
        lock = self.phase.restriction
        if isinstance(lock, Lock):
            self.phase = replace(self.phase, restriction=lock.post_removed(post, at))

    @event("ViolationRecorded")
    def _record_violation(
        self,
        at: datetime,
        policy: str,
        post: str | None,
        severity: str | None,
        fact: FactRef,
    ) -> None:
        self._settle(at, fact)
        self.strikes[policy] = self.strikes.get(policy, 0) + 1

    @event("Locked")
    def _lock(
        self,
        at: datetime,
        reason: str,
        policy: str | None,
        duration: timedelta | None,
        until: datetime | None,
        require_removal: list[str] | None,
        fact: FactRef,
    ) -> None:
        self._settle(at, fact)
        required = require_removal or []
        awaiting = frozenset(p for p in required if self.posts.get(p))
        lock = Lock(at, reason, policy, duration, until, awaiting, bool(required))
        self.phase = self.phase.restricted(lock, self.lifted)

    @event("Unlocked")
    def _unlock(self, at: datetime, reason: str | None, fact: FactRef) -> None:
        self._settle(at, fact)
        self._lift(at)

    @event("Suspended")
    def _suspend(
        self,
        at: datetime,
        reason: str,
        policy: str | None,
        permanent: bool,
        ends: datetime | None,
        fact: FactRef,
    ) -> None:
        self._settle(at, fact)
        suspension = Suspension(at, reason, policy, permanent, ends)
        self.phase = self.phase.restricted(suspension, self.lifted)

    @event("Reinstated")
    def _reinstate(self, at: datetime, reason: str | None, fact: FactRef) -> None:
        self._settle(at, fact)
        self._lift(at)

    @event("TransferScheduled")
    def _schedule_transfer(
        self,
        at: datetime,
        successor: str,
        effective_at: datetime,
        archive_to: str | None,
        fact: FactRef,
    ) -> None:
        self._settle(at, fact)
        transfer = ScheduledTransfer(at, successor, effective_at, archive_to)
        self.phase = replace(self.phase, scheduled=transfer)

    @event("Transferred")
    def _transfer(
        self, at: datetime, successor: str, archive_to: str | None, fact: FactRef
    ) -> None:
        self._settle(at, fact)
        transfer = ScheduledTransfer(at, successor, at, archive_to)
        self._close_tenure(TransferHappened(at, transfer, self.phase.holder))
        self.phase = self.phase.handed_to(successor, at)

    @event("Archived")
    def _archive(self, at: datetime, custodian: str | None, fact: FactRef) -> None:
        self._settle(at, fact)
        self.phase = replace(
            self.phase, status=Status.ARCHIVED, since=at, restriction=None
        )

    @event("TenureReceived")
    def _receive_tenure(self, at: datetime, posts: list[str], fact: FactRef) -> None:
        self._settle(at, fact)
        self.posts = dict.fromkeys(posts, True)
        self.live_posts = len(posts)
        self.awaiting_tenure = False

    @event("TransferCompleted")
    def _complete_transfer(self, at: datetime, fact: FactRef) -> None:
        self._settle(at, fact)
