"""The event-sourced application: where accounts are stored and folded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Any

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import JSONTranscoder, Transcoding

from domain.account import Account
from domain.facts import FactRefAsList
from domain.identity import AccountKey
from domain.standing import Standing, standing_of


class TimedeltaAsSeconds(Transcoding):
    type = timedelta
    name = "timedelta"

    def encode(self, obj: timedelta) -> float | int:
        seconds = obj.total_seconds()
        return int(seconds) if seconds.is_integer() else seconds

    def decode(self, data: Any) -> timedelta:
        return timedelta(seconds=data)


class StandingApplication(Application[Any]):
    """Accounts and their facts, stored with the `eventsourcing` library."""

    name = "standing"
    is_snapshotting_enabled = False

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(FactRefAsList())
        transcoder.register(TimedeltaAsSeconds())

    def account(self, key: AccountKey) -> Account | None:
        """The account as of its latest fact, or None if it was never registered."""
        try:
            return self.repository.get(key.id)
        except AggregateNotFoundError:
            return None

    def events_of(self, key: AccountKey) -> Iterator[DomainEventProtocol[Any]]:
        return iter(self.repository.event_store.get(key.id))

    def fold(self, key: AccountKey, at: datetime) -> Account | None:
        """The account folded from its facts with `at` no later than `at`."""
        account: Account | None = None
        for stored in self.events_of(key):
            if stored.at > at:  # type: ignore[attr-defined]
                break
            account = stored.mutate(account)  # type: ignore[attr-defined]
        return account

    def standing(self, key: AccountKey, at: datetime) -> Standing:
        """The state of an account at `at`, folded from its whole history."""
        account = self.fold(key, at)
        tenure = None
        if account is not None and account.awaiting_tenure and account.archive_of:
            source = self.fold(AccountKey(key.platform, account.archive_of), at)
            tenure = source.tenure_for(account.handle, at) if source else None
        return standing_of(account, key, at, tenure)
