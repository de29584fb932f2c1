"""Stored rows folded straight into accounts with the domain's `evolve`.

A rebuild folds every stored event once: each row is decoded to its domain
event by the application's codec (no event object of the library's) and
folded with `evolve`, the fold every other path uses.
"""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from standing.adapters.codec import Folded, folded
from standing.adapters.event_store import EventStore
from standing.domain.aggregate import Account  # noqa: F401  (its topics resolve)
from standing.domain.events import Event
from standing.projections.stored_rows import Row


class StoredFold:
    def __init__(self, app: EventStore) -> None:
        self._codec = app.codec

    def decode(self, topic: str, state: bytes) -> Event | None:
        """The domain event of a stored row; None for other aggregates' rows."""
        return self._codec.decode(topic, state)

    def fold(self, account_id: UUID, rows: Iterable[Row]) -> Folded | None:
        """The account its stored rows fold into (None: not an account)."""
        account: Folded | None = None
        for _, _, version, topic, state in rows:
            event = self.decode(topic, state)
            if event is None:
                return None
            account = folded(account_id, version, event, account)
        return account
