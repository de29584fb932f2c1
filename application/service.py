"""The application service: record a fact, ask for a standing (the
`eventsourcing` examples' way, an application object with the use cases as
methods). Replays go through `application.replay`, queries through the read
models; this is the small API the domain's tests and notebooks use."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from standing.adapters.event_store import EventStore
from standing.adapters.fact_ids import content_digest
from standing.application.clock import now
from standing.application.session import Session
from standing.domain.facts import Fact, FactRef
from standing.domain.identity import DEFAULT_PLATFORM, AccountKey
from standing.domain.standing import Standing, standing_of
from standing.domain.timefmt import iso


class StandingApplication(EventStore):
    """The event store, with the use cases of one fact at a time."""

    name = EventStore.name  # the library names a subclass after itself otherwise

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
        at = at if at is not None else now()
        key = AccountKey.parse(handle, platform)
        digest = content_digest(_content(type, key, at, fields))
        ref = FactRef(fact_id, digest) if fact_id else FactRef(digest)
        session = Session(self)
        session.apply(Fact(type, key, at, ref, fields))
        session.save()

    def standing(self, key: AccountKey, at: datetime | None = None) -> Standing:
        """The state of an account at `at` (default: now), folded from its history."""
        at = at if at is not None else now()
        account = self.fold(key, at)
        if account is None:  # not yet, or never: shown as registered, if it is
            key = self._as_registered(key)
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
