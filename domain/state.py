"""An account's state: small immutable values that `evolve` folds events into.

Posts and strikes are persistent maps (`immutables.Map`): a new state shares
all but the changed entry with the old one, so folding an account with a
hundred thousand posts stays linear.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import NamedTuple

from immutables import Map

from standing.domain.identity import AccountKey
from standing.domain.phase import (
    Lifted,
    Phase,
    TransferHappened,
    advance,
    next_change,
)

NO_POSTS: Map[str, bool] = Map()
NO_STRIKES: Map[str, int] = Map()


@dataclass(frozen=True, slots=True)
class Tenure:
    """A past holder's time on an institutional account, kept by its archive."""

    ended: datetime
    holder: str
    archive_to: str | None
    posts: tuple[str, ...]  # those live when it ended, which the archive holds
    published: tuple[str, ...] = ()  # every post of the tenure, removed ones too


class Identity(NamedTuple):
    """What registration fixes for good."""

    platform: str
    handle: str
    kind: str
    name: str | None
    registered_at: datetime  # an archive: when its tenure opens
    archive_of: str | None  # an archive: the account whose tenure it keeps


class AccountState(NamedTuple):
    identity: Identity
    phase: Phase
    posts: Map[str, bool]  # the current tenure's posts: id -> live
    live_posts: int
    strikes: Map[str, int]  # policy -> count, since the last transfer
    tenures: tuple[Tenure, ...]
    latest: datetime  # the latest fact's instant
    lifted: Lifted | None  # the last restriction lifted, while it matters
    awaiting_tenure: bool  # an archive whose source has not handed it over yet

    @property
    def platform(self) -> str:
        return self.identity.platform

    @property
    def handle(self) -> str:
        return self.identity.handle

    @property
    def kind(self) -> str:
        return self.identity.kind

    @property
    def registered_at(self) -> datetime:
        return self.identity.registered_at

    @property
    def archive_of(self) -> str | None:
        return self.identity.archive_of

    @property
    def label(self) -> str:
        return f"@{self.identity.handle}"

    @property
    def key(self) -> AccountKey:
        return AccountKey(self.identity.platform, self.identity.handle)

    def phase_at(self, at: datetime) -> tuple[Phase, bool]:
        """The phase at `at` (not before the latest fact), and whether a transfer
        fell due on the way, leaving the account with none of its posts."""
        due = next_change(self.phase)
        if due is None or due > at:  # most facts: time alone changed nothing
            return self.phase, False
        phase, happened = advance(self.phase, at)
        if not happened:
            return phase, False
        return phase, any(isinstance(h, TransferHappened) for h in happened)

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
                return ending_tenure(self, happening)
        return None

    def ended_tenure_of(self, post: str) -> tuple[str, datetime] | None:
        """The holder and the end of the ended tenure `post` was published in,
        if it was (asked when `post` is none of the current tenure's)."""
        for tenure in reversed(self.tenures):
            if post in tenure.published:
                return tenure.holder, tenure.ended
        scheduled = self.phase.scheduled
        if post in self.posts and scheduled is not None:  # due, not yet folded
            return self.phase.holder, scheduled.effective_at
        return None


def ending_tenure(state: AccountState, happened: TransferHappened) -> Tenure:
    """The tenure the transfer `happened` ends, with the posts it keeps."""
    published = tuple(sorted(state.posts))  # a map's order is its hashes'
    live = tuple(post for post in published if state.posts[post])
    holder, archive_to = happened.outgoing_holder, happened.transfer.archive_to
    return Tenure(happened.at, holder, archive_to, live, published)
