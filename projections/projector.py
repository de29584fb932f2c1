"""Turns stored events into read-model changes, using the domain's own rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from eventsourcing.persistence import Notification

from standing.adapters.codec import Folded
from standing.adapters.event_store import EventStore
from standing.domain.events import Event
from standing.domain.identity import account_id
from standing.domain.state import AccountState, Tenure
from standing.projections.cache import AccountCache
from standing.projections.changes import BatchChanges
from standing.projections.instants import to_micros
from standing.projections.segments import account_row, segments_from


class Projector:
    """Applies each event to its folded account and rewrites the account's
    segments from the event's `at` on.

    An archive reserved by a transfer exists only once its source hands over
    the tenure, and its posts are that tenure's: so while the archive awaits
    its tenure, every event of the source recomputes the archive too.
    """

    def __init__(self, app: EventStore, cache_size: int = 10_000) -> None:
        self._codec = app.codec
        self._accounts = AccountCache(app, cache_size)

    def project(self, notifications: Sequence[Notification]) -> BatchChanges:
        changes = BatchChanges()
        for row in notifications:
            event = self._codec.decode(row.topic, row.state)
            if event is not None:
                self.apply(row.originator_id, row.originator_version, event, changes)
        return changes

    def apply(
        self, account_id: Any, version: int, event: Event, changes: BatchChanges
    ) -> None:
        account = self._accounts.apply(account_id, version, event)
        if account.version == 1:
            changes.register(account_row(account.id, account.state))
        start = max(event.at, account.state.registered_at)
        self._rewrite(account, start, changes)
        self._follow_archive(account, changes)

    def forget(self) -> None:
        self._accounts.forget()

    def _rewrite(self, account: Folded, start: datetime, changes: BatchChanges) -> None:
        tenure = self._tenure(account.state)
        segments = segments_from(account.id, account.state, start, tenure)
        changes.rewrite(account.id.hex, to_micros(start), segments)

    def _tenure(self, archive: AccountState) -> Tenure | None:
        if not (archive.awaiting_tenure and archive.archive_of):
            return None
        source = self._accounts.latest(account_id(archive.platform, archive.archive_of))
        if source is None:
            return None
        return source.state.tenure_for(archive.handle, archive.registered_at)

    def _follow_archive(self, source: Folded, changes: BatchChanges) -> None:
        transfer = source.state.phase.scheduled
        if transfer is None or transfer.archive_to is None:
            return
        archive_id = account_id(source.state.platform, transfer.archive_to)
        archive = self._accounts.latest(archive_id)
        if archive is not None and archive.state.awaiting_tenure:
            changes.register(account_row(archive.id, archive.state))
            self._rewrite(archive, archive.state.registered_at, changes)
