"""A bounded cache of folded accounts, each exactly at a known version.

The projector needs an account as it was just before the event it applies.
A hit at that version costs nothing; a miss folds the account's events from
the event store once (or only the missing ones, when the cached copy is older).
"""

from __future__ import annotations

from collections import OrderedDict
from typing import Any
from uuid import UUID

from domain.account import Account
from domain.application import StandingApplication


class AccountCache:
    def __init__(self, app: StandingApplication, size: int = 10_000) -> None:
        self._events = app.repository.event_store
        self._accounts: OrderedDict[UUID, Account] = OrderedDict()
        self._size = size

    def apply(self, event: Any) -> Account:
        """The account after `event`, which must be its next event."""
        before = self._at_version(event.originator_id, event.originator_version - 1)
        account: Account = event.mutate(before)
        self._keep(account)
        return account

    def latest(self, account_id: UUID) -> Account | None:
        """The cached account, else the account folded from all its stored events."""
        account = self._accounts.get(account_id)
        if account is None:
            account = self._fold(account_id, None, None)
            if account is not None:
                self._keep(account)
        return account

    def forget(self) -> None:
        self._accounts.clear()

    def _at_version(self, account_id: UUID, version: int) -> Account | None:
        if version < 1:
            return None
        account = self._accounts.get(account_id)
        if account is not None and account.version > version:
            account = None
        if account is None or account.version < version:
            account = self._fold(account_id, account, version)
        return account

    def _fold(
        self, account_id: UUID, account: Account | None, version: int | None
    ) -> Account | None:
        since = account.version if account is not None else None
        for event in self._events.get(account_id, gt=since, lte=version):
            account = event.mutate(account)  # type: ignore[attr-defined]
        return account

    def _keep(self, account: Account) -> None:
        self._accounts[account.id] = account
        self._accounts.move_to_end(account.id)
        while len(self._accounts) > self._size:
            self._accounts.popitem(last=False)
