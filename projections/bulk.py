"""Catching up a large backlog account by account, not event by event.

Every account with events after the tracked position is folded once from its
stored events up to a fixed head, in account order, and its new rows are
computed in the same pass (`AccountPass`): no cache of folded accounts to
miss, and no segment computed only to be rewritten by the next event. The
rows are committed some `batch` events at a time under a claim
(`BulkWrites`), in shards that several processes can share.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from uuid import UUID

from standing.adapters.codec import Folded
from standing.adapters.collecting import fewer_collections
from standing.adapters.event_store import EventStore
from standing.domain.identity import account_id
from standing.domain.state import AccountState
from standing.projections.account_pass import AccountPass
from standing.projections.bulk_writes import FINISHED, BulkWrites, Claim
from standing.projections.changes import BatchChanges
from standing.projections.folding import StoredFold
from standing.projections.sql_view import SQLStandingView
from standing.projections.stored_rows import StoredRows

Progress = Callable[[int, int], None]


class BulkCatchUp:
    def __init__(self, app: EventStore, view: SQLStandingView) -> None:
        self._stored = StoredRows(app)
        self._writes = BulkWrites(view, app.name)
        self._pass = AccountPass(StoredFold(app), self._source_of)
        self._sources: dict[UUID, Folded | None] = {}
        self._claim = Claim(0, 0, 0, "")
        self._batch = 1
        self._progress: Progress | None = None
        self._share = 1  # processes sharing the catch-up, for its progress
        self._at = ("", 0)
        self.changes = BatchChanges()
        self.events = 0  # rewritten since the last commit
        self.projected = 0  # rewritten and committed by this process

    def reset(self) -> None:
        """Empty the read model (and forget any catch-up under way), at once."""
        self._writes.reset()

    def prepare(self, position: int, head: int, shards: int) -> None:
        """Claim the catch-up from `position` (or find the claim under way),
        so that helpers started now join it rather than claim it anew."""
        self._claimed(position, head, shards)

    def run(
        self,
        position: int,
        head: int,
        batch: int,
        progress: Progress | None = None,
        shards: int = 1,
        only: int | None = None,
    ) -> None:
        """Bring every account with events after `position` up to `head`, in
        `shards` shards (or join the catch-up under way from `position`, with
        its head and shards); with `only`, just that shard.

        Raises `ViewMovedOn` when another process moved a shard on (the next
        run joins it where it got to) or moved the position.
        """
        claims = self._claimed(position, head, shards)
        self._batch, self._progress, started = batch, progress, self.projected
        # a helper runs the other shards meanwhile, about as fast: it is
        # counted as doing as much as this process, so progress reaches the head
        self._share = shards if only is not None else 1
        with fewer_collections():
            for index, claim in enumerate(claims):
                if claim.finished or only not in (None, claim.shard):
                    continue
                end = claims[index + 1].first if index + 1 < len(claims) else None
                accounts = self._accounts(claim, max(claim.first, claim.done), end)
                self._run(claim, accounts, started)

    def _claimed(self, position: int, head: int, shards: int) -> list[Claim]:
        """The claim to work under: the one under way from `position`, else a
        new one, its shards cut where a sample of the events falls in equal
        parts (each process then lists its own shard's accounts)."""
        claims = self._writes.under_way(position)
        if not claims:
            sample = self._stored.sample(position, head) if shards > 1 else []
            claims = self._writes.claim(position, head, _firsts(sample, shards))
        return claims

    def _accounts(self, claim: Claim, start: str, end: str | None) -> list[UUID]:
        """The accounts of one shard still to do, from `start` (hex) on."""
        pairs = self._stored.touched(claim.position, claim.head, start, end)
        return [account for account, _ in pairs]

    def rewritten(self, account_id: str, version: int) -> None:
        """Count one event's rewrite (`account_id` in hex); commit every
        `batch` of them."""
        self._at = (account_id, version)
        self.events += 1
        if self.events >= self._batch:
            self._commit()

    def _run(self, claim: Claim, accounts: list[UUID], started: int) -> None:
        self._claim, self._started = claim, started
        self._sources, self._at = {}, (claim.done, claim.version)
        self.changes, self.events = BatchChanges(), 0
        for oid, rows in self._stored.events_of(accounts, claim.head):
            done = claim.version if oid.hex == claim.done else 0
            since = claim.position
            account, archives = self._pass.project(oid, rows, since, self, done)
            if account is not None and archives:
                self._follow(account, archives)
        self._at = (FINISHED, 0)
        self._commit()

    def _commit(self) -> None:
        claim = self._writes.write(self._claim, self._at, self.changes)
        self.projected += self.events
        self._claim, self.changes, self.events = claim, BatchChanges(), 0
        if self._progress is not None:
            done = claim.position + (self.projected - self._started) * self._share
            self._progress(min(done, claim.head), claim.head)

    def _follow(self, source: Folded, archives: set[str]) -> None:
        """Rewrite the archives the source's new events scheduled a transfer to."""
        self._sources[source.id] = source
        for handle in archives:
            archive = self._folded(account_id(source.state.platform, handle))
            if archive is not None:
                self._pass.follow(archive, self.changes)

    def _source_of(self, archive: AccountState) -> Folded | None:
        """An archive's source, folded to the head."""
        source_id = account_id(archive.platform, archive.archive_of or "")
        if source_id not in self._sources:
            self._sources[source_id] = self._folded(source_id)
        return self._sources[source_id]

    def _folded(self, oid: UUID) -> Folded | None:
        for _, rows in self._stored.events_of([oid], self._claim.head):
            return self._pass.fold(oid, rows)
        return None


def _firsts(sample: Sequence[tuple[UUID, int]], shards: int) -> list[str]:
    """Where each shard starts (hex ids), so that each has about as many of
    the `sample`'s events, and so about as many events to project."""
    total = sum(count for _, count in sample)
    firsts, seen = [""], 0
    for account, count in sample:
        if seen >= total * len(firsts) / shards and len(firsts) < shards:
            firsts.append(account.hex)
        seen += count
    return firsts
