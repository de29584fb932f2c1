"""Turns stored events into read-model changes, using the domain's own rules."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from eventsourcing.persistence import Notification

from domain.account import Account
from domain.account_record import AccountRecord, Tenure
from domain.application import StandingApplication
from domain.identity import account_id
from projections.cache import AccountCache
from projections.changes import BatchChanges
from projections.instants import to_micros
from projections.segments import account_row, segments_from


class Projector:
    """Applies each event to its folded account and rewrites the account's
    segments from the event's `at` on.

    An archive reserved by a transfer exists only once its source hands over
    the tenure, and its posts are that tenure's: so while the archive awaits
    its tenure, every event of the source recomputes the archive too.
    """

    def __init__(self, app: StandingApplication, cache_size: int = 10_000) -> None:
        self._mapper = app.mapper
        self._accounts = AccountCache(app, cache_size)

    def project(self, notifications: Sequence[Notification]) -> BatchChanges:
        changes = BatchChanges()
        for notification in notifications:
            event = self._mapper.to_domain_event(notification)
            if isinstance(event, AccountRecord.Event):
                self.apply(event, changes)
        return changes

    def apply(self, event: Any, changes: BatchChanges) -> None:
        account = self._accounts.apply(event)
        if account.version == 1:
            changes.register(account_row(account))
        self._rewrite(account, max(event.at, account.registered_at), changes)
        self._follow_archive(account, changes)

    def forget(self) -> None:
        self._accounts.forget()

    def _rewrite(
        self, account: Account, start: datetime, changes: BatchChanges
    ) -> None:
        segments = segments_from(account, start, self._tenure(account))
        changes.rewrite(account.id.hex, to_micros(start), segments)

    def _tenure(self, archive: Account) -> Tenure | None:
        if not (archive.awaiting_tenure and archive.archive_of):
            return None
        source = self._accounts.latest(account_id(archive.platform, archive.archive_of))
        if source is None:
            return None
        return source.tenure_for(archive.handle, archive.registered_at)

    def _follow_archive(self, source: Account, changes: BatchChanges) -> None:
        transfer = source.phase.scheduled
        if transfer is None or transfer.archive_to is None:
            return
        archive = self._accounts.latest(
            account_id(source.platform, transfer.archive_to)
        )
        if archive is not None and archive.awaiting_tenure:
            changes.register(account_row(archive))
            self._rewrite(archive, archive.registered_at, changes)
