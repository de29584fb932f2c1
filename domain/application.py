"""The event-sourced application: where accounts are stored and folded."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

from eventsourcing.application import AggregateNotFoundError, Application
from eventsourcing.domain import DomainEventProtocol
from eventsourcing.persistence import (
    DatetimeAsISO,
    JSONTranscoder,
    Transcoder,
    Transcoding,
)

from domain.account import Account
from domain.facts import FactRef, FactRefAsList, content_digest
from domain.identity import DEFAULT_PLATFORM, AccountKey
from domain.jsontext import ReusedEncoder
from domain.standing import Standing, standing_of
from domain.timefmt import iso


class TimedeltaAsSeconds(Transcoding):
    type = timedelta
    name = "timedelta"

    def encode(self, obj: timedelta) -> float | int:
        seconds = obj.total_seconds()
        return int(seconds) if seconds.is_integer() else seconds

    def decode(self, data: Any) -> timedelta:
        return timedelta(seconds=data)


class StoredJSONTranscoder(JSONTranscoder):
    """The library's JSON transcoder, writing the very same bytes with less
    work an event: no search for circular references (an event's state has
    none), and datetimes (two in every event) written without a lookup while
    they are the library's `DatetimeAsISO`."""

    def __init__(self) -> None:
        super().__init__()
        self.encoder = ReusedEncoder(
            default=self._encode_obj, separators=(",", ":"), ensure_ascii=False
        )
        self._datetime_iso = False

    def register(self, transcoding: Transcoding) -> None:
        super().register(transcoding)
        if transcoding.type is datetime:
            self._datetime_iso = type(transcoding) is DatetimeAsISO

    def _encode_obj(self, o: Any) -> dict[str, Any]:
        if self._datetime_iso and type(o) is datetime:
            return {"_type_": DatetimeAsISO.name, "_data_": o.isoformat()}
        return super()._encode_obj(o)


class StandingApplication(Application[Any]):
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

    def record(
        self,
        type: str,
        handle: str,
        *,
        at: datetime | None = None,
        platform: str = DEFAULT_PLATFORM,
        fact_id: str | None = None,
        **fields: Any,
    ) -> None:
        """Record one fact, effective `at` (default: now), and save it.

        Raises the `DomainError` that refuses it; a duplicate is ignored.
        """
        from domain.session import Fact, Session

        at = at if at is not None else datetime.now(UTC)
        key = AccountKey.parse(handle, platform)
        digest = content_digest(_content(type, key, at, fields))
        ref = FactRef(fact_id, digest) if fact_id else FactRef(digest)
        session = Session(self)
        session.apply(Fact(type, key, at, ref, fields))
        session.save()

    def standing(self, key: AccountKey, at: datetime | None = None) -> Standing:
        """The state of an account at `at` (default: now), folded from its history."""
        at = at if at is not None else datetime.now(UTC)
        account = self.fold(key, at)
        tenure = None
        if account is not None and account.awaiting_tenure and account.archive_of:
            source = self.fold(AccountKey(key.platform, account.archive_of), at)
            tenure = source.tenure_for(account.handle, at) if source else None
        return standing_of(account, key, at, tenure)


def _content(
    type: str, key: AccountKey, at: datetime, fields: dict[str, Any]
) -> dict[str, Any]:
    return {
        "type": type,
        "account": key.folded,
        "platform": key.platform,
        "at": iso(at),
        **fields,
    }
