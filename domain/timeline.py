"""An account's history as a person reads it: stored facts, and what time did."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from domain.account_record import AccountRecord
from domain.phase import Happening, RestrictionEnded, TransferHappened, advance
from domain.restrictions import Lock

TYPES = {
    "Registered": "account.registered",
    "PostPublished": "post.published",
    "PostRemoved": "post.removed",
    "ViolationRecorded": "violation.recorded",
    "Locked": "account.locked",
    "Unlocked": "account.unlocked",
    "Suspended": "account.suspended",
    "Reinstated": "account.reinstated",
    "TransferScheduled": "account.transfer_scheduled",
    "Transferred": "account.transferred",
    "Archived": "account.archived",
    "TenureReceived": "archive.opened",
    "TransferCompleted": "transfer.settled",
}
HIDDEN = {
    "originator_id",
    "originator_version",
    "originator_topic",
    "timestamp",
    "at",
    "fact",
    "platform",
    "handle",
}


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of history: a stored fact, or a change time alone made."""

    type: str
    at: datetime
    recorded_at: datetime | None = None
    id: str | None = None
    details: dict[str, Any] = field(default_factory=dict)

    @property
    def derived(self) -> bool:
        return self.recorded_at is None


def timeline(events: Iterable[Any], until: datetime) -> Iterator[Entry]:
    """Stored events in order, with expiries, transfers and lapses in between."""
    record: AccountRecord | None = None
    for stored in events:
        if record is not None:
            yield from _happenings(record, stored.at)
        record = stored.mutate(record)
        yield _stored_entry(stored)
    if record is not None:
        yield from _happenings(record, until)


def _happenings(record: AccountRecord, at: datetime) -> Iterator[Entry]:
    for happening in advance(record.phase, at)[1]:
        yield _happening_entry(happening)


def _happening_entry(happening: Happening) -> Entry:
    if isinstance(happening, RestrictionEnded):
        kind = "lock" if isinstance(happening.restriction, Lock) else "suspension"
        return Entry(f"{kind}.ran_out", happening.at)
    transfer = happening.transfer
    details = {"successor": transfer.successor, "archive_to": transfer.archive_to}
    if isinstance(happening, TransferHappened):
        return Entry("transfer.took_effect", happening.at, details=details)
    details["status"] = happening.status.value
    return Entry("transfer.lapsed", happening.at, details=details)


def _stored_entry(stored: Any) -> Entry:
    name = type(stored).__name__
    details = {
        key: value
        for key, value in vars(stored).items()
        if key not in HIDDEN and value is not None
    }
    fact = stored.fact
    details.update(
        {k: v for k, v in (("note", fact.note), ("source", fact.source)) if v}
    )
    return Entry(TYPES.get(name, name), stored.at, stored.timestamp, fact.id, details)
