"""A bounded cache of folded accounts, each exactly at a known version.

The projector needs an account as it was just before the event it applies.
A hit at that version costs nothing; a miss folds the account's events from
the event store once (or only the missing ones, when the cached copy is older).
"""

from __future__ import annotations

from collections import OrderedDict
from uuid import UUID

from standing.adapters.codec import Folded, folded
from standing.adapters.event_store import EventStore
from standing.domain.events import Event


class AccountCache:
    def __init__(self, app: EventStore, size: int = 10_000) -> None:
        self._recorder = app.recorder
        self._codec = app.codec
        self._accounts: OrderedDict[UUID, Folded] = OrderedDict()
        self._size = size

    def apply(self, account_id: UUID, version: int, event: Event) -> Folded:
        """The account after `event`, which must be its next event."""
        before = self._at_version(account_id, version - 1)
        account = folded(account_id, version, event, before)
        self._keep(account)
        return account

    def latest(self, account_id: UUID) -> Folded | None:
        """The cached account, else the account folded from all its stored events."""
        account = self._accounts.get(account_id)
        if account is None:
            account = self._fold(account_id, None, None)
            if account is not None:
                self._keep(account)
        return account

    def forget(self) -> None:
        self._accounts.clear()

    def _at_version(self, account_id: UUID, version: int) -> Folded | None:
        if version < 1:
            return None
        account = self._accounts.get(account_id)
        if account is not None and account.version > version:
            account = None
        if account is None or account.version < version:
            account = self._fold(account_id, account, version)
        return account

    def _fold(
        self, account_id: UUID, account: Folded | None, version: int | None
    ) -> Folded | None:
        since = account.version if account is not None else None
        rows = self._recorder.select_events(account_id, gt=since, lte=version)
        for row in rows:
            event = self._codec.decode(row.topic, row.state)
            if event is None:
                return None
            account = folded(account_id, row.originator_version, event, account)
        return account

    def _keep(self, account: Folded) -> None:
        self._accounts[account.id] = account
        self._accounts.move_to_end(account.id)
        while len(self._accounts) > self._size:
            self._accounts.popitem(last=False)
