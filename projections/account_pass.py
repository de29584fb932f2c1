"""One account's read-model rows from one pass over its stored events.

The incremental projector rewrites an account's segments from each event's
instant on (`Projector`); over a whole history most of that is thrown away,
because the next event rewrites from its own instant. Here the segments of
each new event stop where the next event's rewrite takes over, so each is
computed once, and the rewrites compose (`BatchChanges`) into exactly the
rows the incremental projector writes. The events stream through: an account
may have hundreds of thousands.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Protocol
from uuid import UUID

from standing.adapters.codec import Folded, folded
from standing.domain.state import AccountState, Tenure
from standing.projections.changes import BatchChanges
from standing.projections.folding import StoredFold
from standing.projections.instants import to_micros
from standing.projections.segments import FROM_AT, AccountSegments, Segment, account_row
from standing.projections.stored_rows import Row

Sources = Callable[[AccountState], Folded | None]


class Chunk(Protocol):
    """Where the rewrites go; it may commit them after any event."""

    changes: BatchChanges

    def rewritten(self, account_id: str, version: int) -> None: ...


class AccountPass:
    """Folds accounts from their stored events and rewrites their new rows.

    `source_of` gives an archive's source as folded to the same head: an
    archive waiting for its tenure shows the posts its source hands over.
    """

    def __init__(self, fold: StoredFold, source_of: Sources) -> None:
        self._fold = fold
        self._source_of = source_of

    def fold(self, account_id: UUID, rows: Iterable[Row]) -> Folded | None:
        return self._fold.fold(account_id, rows)

    def project(
        self,
        account_id: UUID,
        rows: Iterable[Row],
        since: int,
        chunk: Chunk,
        done: int = 0,
    ) -> tuple[Folded | None, set[str]]:
        """Fold the account and rewrite its rows for the events recorded after
        `since`, but for its versions up to `done` (rewritten already).

        Returns the account as folded, and the archives its new events
        scheduled a transfer to (whose rows follow the source's).
        """
        account: Folded | None = None
        segments: AccountSegments | None = None
        archives: set[str] = set()
        waiting: tuple[datetime, int] | None = None  # a rewrite's start, version
        for _, notification, version, topic, state in rows:
            event = self._fold.decode(topic, state)
            if event is None:
                return None, archives
            if waiting is not None and segments is not None:
                start = max(event.at, segments.state.registered_at)
                self._rewrite(segments, waiting[0], start, chunk.changes)
                chunk.rewritten(segments.id, waiting[1])
                waiting = None
            account = folded(account_id, version, event, account)
            if notification <= since:
                continue
            if segments is None:
                segments = AccountSegments(account.id, account.state)
            else:
                segments.state = account.state
            if version == 1:
                chunk.changes.register(account_row(account.id, account.state))
            scheduled = account.state.phase.scheduled
            if scheduled is not None and scheduled.archive_to:
                archives.add(scheduled.archive_to)
            if version > done:
                waiting = (max(event.at, account.state.registered_at), version)
        if waiting is not None and segments is not None:
            self._rewrite(segments, waiting[0], None, chunk.changes)
            chunk.rewritten(segments.id, waiting[1])
        return account, archives

    def follow(self, archive: Folded, changes: BatchChanges) -> None:
        """Rewrite an archive that awaits its tenure, after its source changed."""
        if archive.state.awaiting_tenure:
            changes.register(account_row(archive.id, archive.state))
            segments = AccountSegments(archive.id, archive.state)
            self._rewrite(segments, archive.state.registered_at, None, changes)

    def tenure(self, archive: AccountState) -> Tenure | None:
        if not (archive.awaiting_tenure and archive.archive_of):
            return None
        source = self._source_of(archive)
        if source is None:
            return None
        return source.state.tenure_for(archive.handle, archive.registered_at)

    def _rewrite(
        self,
        segments: AccountSegments,
        start: datetime,
        until: datetime | None,
        changes: BatchChanges,
    ) -> None:
        """The segments from `start` on, until the next event's rewrite."""
        rows: list[Segment] = []
        if until is None or until > start:
            tenure = self.tenure(segments.state)
            rows = segments.between(start, tenure, until)
        from_at = rows[0][FROM_AT] if rows else to_micros(start)
        changes.rewrite(segments.id, from_at, rows)
