"""The event store: the `eventsourcing` application where accounts are
stored, with its transcoder and its SQLite tuning set up once, when it is
made; accounts read back from it are folded with `evolve`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from functools import cached_property
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.persistence import (
    JSONTranscoder,
    StoredEvent,
    Transcoder,
)

from standing.adapters.claims import FactClaim
from standing.adapters.codec import EventCodec
from standing.adapters.sqlite import (
    bind_without_looking_for_adapters,
    insert_rows,
    is_sqlite,
)
from standing.adapters.topics import register_earlier_topics
from standing.adapters.transcoder import StoredJSONTranscoder
from standing.adapters.transcodings import FactRefAsList, TimedeltaAsSeconds
from standing.domain.aggregate import Account
from standing.domain.errors import DomainError
from standing.domain.events import Event
from standing.domain.fold import evolve
from standing.domain.identity import AccountKey
from standing.domain.state import AccountState


class EventStore(Application[Any]):
    """Accounts and their facts, stored with the `eventsourcing` library."""

    name = "standing"
    is_snapshotting_enabled = False

    def construct_transcoder(self) -> Transcoder:
        """The library's default transcoder is swapped for one that writes the
        same bytes faster; any other is kept."""
        transcoder = self.factory.transcoder()
        if type(transcoder) is JSONTranscoder:
            transcoder = StoredJSONTranscoder()
        if isinstance(transcoder, JSONTranscoder):
            self.register_transcodings(transcoder)
        return transcoder

    def register_transcodings(self, transcoder: JSONTranscoder) -> None:
        super().register_transcodings(transcoder)
        transcoder.register(FactRefAsList())
        transcoder.register(TimedeltaAsSeconds())

    @property
    def largest_commit(self) -> int:
        """How many events one transaction had better hold at most (0: no
        more than one caller's batch). PostgreSQL's pipelined inserts can
        stall for ever on a very large batch (psycopg/psycopg#685)."""
        return 20_000 if is_sqlite(self.recorder) else 0

    def insert(self, events: Sequence[StoredEvent]) -> None:
        """Record `events` in one transaction; `RecordConflictError` if any
        is recorded already (by a concurrent writer, say)."""
        recorder: Any = self.recorder
        if is_sqlite(recorder):
            insert_rows(recorder, events)
        else:
            recorder.insert_events(events)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        """Adapters are set up here, once a process: the topics of earlier
        versions, and how SQLite binds values."""
        register_earlier_topics()
        bind_without_looking_for_adapters()
        super().__init__(*args, **kwargs)

    def account(self, key: AccountKey) -> Account | None:
        """The aggregate as of its latest fact, or None if never registered."""
        try:
            account = self.repository.get(key.id)
        except AggregateNotFoundError:
            return None
        if not isinstance(account, Account):
            raise id_taken(key)
        return account

    @cached_property
    def codec(self) -> EventCodec:
        """Domain events to and from this store's rows (one a store)."""
        return EventCodec(self.mapper)

    def claim(self, ident: UUID) -> FactClaim | None:
        """The claim stored under `ident`, if one is."""
        try:
            claim = self.repository.get(ident)
        except AggregateNotFoundError:
            return None
        return claim if isinstance(claim, FactClaim) else None

    def stored_events(self, key: AccountKey) -> Iterator[Event]:
        """The account's stored events, in order."""
        codec = self.codec
        for row in self.recorder.select_events(key.id):
            event = codec.decode(row.topic, row.state)
            if event is None:
                raise id_taken(key)
            yield event

    def events_of(self, key: AccountKey) -> Iterator[tuple[Event, datetime]]:
        """The account's stored events, each with when it was recorded."""
        codec = self.codec
        for row in self.recorder.select_events(key.id):
            decoded = codec.decode_recorded(row.topic, row.state)
            if decoded is None:
                raise id_taken(key)
            yield decoded

    def fold(self, key: AccountKey, at: datetime) -> AccountState | None:
        """The account folded from its facts with `at` no later than `at`."""
        state: AccountState | None = None
        for event in self.stored_events(key):
            if event.at > at:
                break
            state = evolve(state, event)
        return state

    def _as_registered(self, key: AccountKey) -> AccountKey:
        """`key` spelled as its account was registered (its first event), if it was."""
        first: Any = next(self.stored_events(key), None)
        return key if first is None else AccountKey(first.platform, first.handle)


def id_taken(key: AccountKey) -> DomainError:
    """Stores written before claims had a namespace of their own may hold the
    claim of fact id "x" where account "x" on platform "fact" belongs."""
    return DomainError(
        f"{key} on {key.platform} cannot be stored here: this store, written by "
        "an earlier standing, keeps the claim of a fact id under the same id "
        "(rule account.id)"
    )
